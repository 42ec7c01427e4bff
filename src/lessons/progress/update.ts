/**
 * Pure updates of Progress: each returns a new Progress, or the SAME object when nothing changed (so a
 * caller can skip saving and re-rendering by comparing identity).
 *
 *   lessonProgress(progress, lessonId, version?)        → LessonProgress | undefined (undefined for another version)
 *   markStepSeen(progress, lesson, stepId)               seen + resume point
 *   markCheckPassed(progress, lesson, stepId)            a hands-on step's check held
 *   recordPlayerProgress(progress, lesson, stepId, completedSteps)
 *                                                        what a PlayerSnapshot says, in one update: the current
 *                                                        step is seen, completed hands-on steps passed their check
 *   recordQuiz(progress, lesson, { score, max })         attempts + 1, last score, best score
 */
import type { LessonSummary } from '../types';
import type { LessonProgress, LessonRef, Progress, QuizScore } from './model';

export function lessonProgress(progress: Progress, lessonId: string, version?: number): LessonProgress | undefined {
  const lesson = progress.lessons[lessonId];
  if (!lesson || (version !== undefined && lesson.version !== version)) return undefined;
  return lesson;
}

export function markStepSeen(progress: Progress, lesson: LessonRef, stepId: string): Progress {
  return update(progress, lesson, (current) =>
    current.lastStep === stepId && current.stepsSeen.includes(stepId)
      ? current
      : { ...current, stepsSeen: union(current.stepsSeen, [stepId]), lastStep: stepId },
  );
}

export function markCheckPassed(progress: Progress, lesson: LessonRef, stepId: string): Progress {
  return update(progress, lesson, (current) =>
    current.checksPassed.includes(stepId) ? current : { ...current, checksPassed: union(current.checksPassed, [stepId]) },
  );
}

export function recordPlayerProgress(
  progress: Progress,
  lesson: LessonRef & Pick<LessonSummary, 'steps'>,
  stepId: string,
  completedSteps: readonly string[],
): Progress {
  const handsOn = new Set(lesson.steps.filter((step) => step.handsOn).map((step) => step.id));
  let next = markStepSeen(progress, lesson, stepId);
  for (const id of completedSteps) if (handsOn.has(id)) next = markCheckPassed(next, lesson, id);
  return next;
}

export function recordQuiz(progress: Progress, lesson: LessonRef, score: QuizScore): Progress {
  // Only the two numbers: callers may pass a whole QuizResult, whose extra fields must not be stored.
  const last = { score: score.score, max: score.max };
  return update(progress, lesson, (current) => ({
    ...current,
    quizAttempts: current.quizAttempts + 1,
    quizLast: last,
    quizBest: !current.quizBest || ratio(last) > ratio(current.quizBest) ? last : current.quizBest,
  }));
}

function update(progress: Progress, lesson: LessonRef, change: (current: LessonProgress) => LessonProgress): Progress {
  const stored = lessonProgress(progress, lesson.id, lesson.version);
  const current = stored ?? { lessonId: lesson.id, version: lesson.version, stepsSeen: [], checksPassed: [], quizAttempts: 0 };
  const changed = change(current);
  if (changed === stored) return progress;
  return { ...progress, lessons: { ...progress.lessons, [lesson.id]: changed } };
}

function union(list: readonly string[], more: readonly string[]): string[] {
  return [...list, ...more.filter((item) => !list.includes(item))];
}

/** Scores compare as fractions, so a quiz that gained a question still compares fairly. */
function ratio({ score, max }: QuizScore): number {
  return max === 0 ? 0 : score / max;
}
