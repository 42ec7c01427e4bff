/**
 * The progress store a view holds: loads once, applies the pure updates, saves after each change.
 *
 *   openProgressStore(storage?) → ProgressStore
 *     notice                                 the message to show (corrupt or old store reset, storage
 *                                            unavailable, a failed save), until the view dismisses it
 *     get() / lesson(lessonId, version?)
 *     recordSteps(lesson, stepId, completedSteps) → boolean   true when something changed (and was saved)
 *     recordQuiz(lesson, { score, max })
 *     exportJson() / importJson(text) → { ok: true } | { ok: false, message }  (import replaces all progress)
 *     subscribe(listener) → unsubscribe      told after every change
 */
import type { LessonSummary } from '../types';
import { type LessonProgress, type LessonRef, type Progress, type QuizScore } from './model';
import { loadProgress, saveProgress, type ProgressStorage } from './storage';
import { exportProgress, importProgress } from './transfer';
import { lessonProgress, recordPlayerProgress, recordQuiz } from './update';

export interface ProgressStore {
  readonly notice: string | undefined;
  get(): Progress;
  lesson(lessonId: string, version?: number): LessonProgress | undefined;
  recordSteps(lesson: LessonRef & Pick<LessonSummary, 'steps'>, stepId: string, completedSteps: readonly string[]): boolean;
  recordQuiz(lesson: LessonRef, score: QuizScore): void;
  exportJson(): string;
  importJson(text: string): { ok: true } | { ok: false; message: string };
  subscribe(listener: (progress: Progress) => void): () => void;
}

export function openProgressStore(storage?: ProgressStorage): ProgressStore {
  const loaded = loadProgress(storage);
  let progress = loaded.progress;
  let notice = loaded.notice;
  const listeners = new Set<(progress: Progress) => void>();

  function commit(next: Progress): boolean {
    if (next === progress) return false;
    progress = next;
    const saved = saveProgress(storage, progress);
    if (!saved.ok) notice = saved.notice;
    for (const listener of [...listeners]) listener(progress);
    return true;
  }

  return {
    get notice() {
      return notice;
    },
    get: () => progress,
    lesson: (lessonId, version) => lessonProgress(progress, lessonId, version),
    recordSteps: (lesson, stepId, completedSteps) => commit(recordPlayerProgress(progress, lesson, stepId, completedSteps)),
    recordQuiz(lesson, score) {
      commit(recordQuiz(progress, lesson, score));
    },
    exportJson: () => exportProgress(progress),
    importJson(text) {
      const result = importProgress(text);
      if (!result.ok) return result;
      commit(result.progress);
      return { ok: true };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
