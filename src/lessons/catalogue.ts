/**
 * The catalogue of lessons, as views use it.
 *
 *   listLessons(): LessonSummary[]          every lesson's metadata, sorted by NN prefix (no scenario code)
 *   findLesson(id): LessonSummary | undefined
 *   loadLesson(id): Promise<Lesson>         loads the lesson's lazy chunk and cross-checks its references
 *                                           (references.ts). Throws a LessonError naming file and field;
 *                                           `error.lesson` then still holds the lesson, so the prose can be
 *                                           shown with the error (never a blank page). An unknown id throws
 *                                           a LessonError without `lesson`.
 */
import { loaders, summaries } from 'virtual:lessons';
import { LessonError } from './errors';
import { lessonReferenceProblems } from './references';
import type { Lesson, LessonSummary } from './types';

export function listLessons(): LessonSummary[] {
  return summaries;
}

export function findLesson(id: string): LessonSummary | undefined {
  return summaries.find((summary) => summary.id === id);
}

export async function loadLesson(id: string): Promise<Lesson> {
  const load = loaders[id];
  if (!load) {
    const known = summaries.map((summary) => summary.id).join(', ') || 'none';
    throw new LessonError([{ file: 'lessons/', message: `there is no lesson with id "${id}" (lessons: ${known})` }]);
  }
  const lesson = await load();
  const problems = lessonReferenceProblems(lesson);
  if (problems.length > 0) throw new LessonError(problems, lesson);
  return lesson;
}
