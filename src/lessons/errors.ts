/**
 * Errors of the lesson engine, shaped for the person who must fix them.
 *
 *   LessonProblem  { file, field?, message } — one thing wrong, e.g.
 *                  lessons/01-encryption-in-flight/steps/02-tls.md: field "await": expected a string, got number
 *   LessonError    one or more problems of one lesson (thrown by the build, the loader and the walkthrough).
 *                  `lesson` carries what did load (prose included) so a view can show the error beside the prose.
 *   formatProblem  the one-line form above.
 */
import type { Lesson } from './types.ts';

export interface LessonProblem {
  /** Source file relative to the project, e.g. "lessons/01-encryption-in-flight/lesson.md". */
  file: string;
  /** Field path inside the file, e.g. "actors[1].kind" or 'question "q3" refs'. */
  field?: string;
  /** What is wrong and what was expected. */
  message: string;
}

export function formatProblem(problem: LessonProblem): string {
  const field = problem.field === undefined ? '' : ` field "${problem.field}":`;
  return `${problem.file}:${field} ${problem.message}`;
}

export class LessonError extends Error {
  override name = 'LessonError';
  readonly problems: readonly LessonProblem[];
  /** The lesson as far as it loaded, so its prose can still be shown with the error. */
  readonly lesson?: Lesson;

  constructor(problems: readonly LessonProblem[], lesson?: Lesson) {
    super(problems.map(formatProblem).join('\n'));
    this.problems = problems;
    this.lesson = lesson;
  }
}

/** Thrown (as a rejection of `act`) when an action is not offered in the current step or its input is refused. */
export class ActionRejectedError extends Error {
  override name = 'ActionRejectedError';
}

/** The message of anything thrown, for showing to a person. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
