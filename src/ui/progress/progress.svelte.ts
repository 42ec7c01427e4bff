/**
 * The learner's saved progress as reactive state. Storage, format, versioning, corrupt-store
 * recovery, export and import all belong to the engine's progress store; this module only makes
 * its answers reactive and keeps the engine's notice until the learner dismisses it.
 */
import { untrack } from 'svelte';
import type { LessonSummary } from '../../lessons/types';
import { openProgressStore, type LessonProgress, type ProgressStore, type QuizScore } from '../engine';

function browserStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // blocked storage: progress lives for this visit only
  }
}

/**
 * Steps the learner has done, as the catalogue counts them: a narration step once seen, a hands-on
 * step once its check held (the engine records both).
 */
export function stepsDone(lesson: LessonSummary, saved: LessonProgress | undefined): number {
  if (!saved) return 0;
  return lesson.steps.filter((step) => (step.handsOn ? saved.checksPassed : saved.stepsSeen).includes(step.id)).length;
}

export class ProgressState {
  /** The engine's message about stored progress (corrupt or old store reset, failed save), until dismissed. */
  notice = $state<string | undefined>();
  /** Bumped when the store changes, so readers of lessonProgress() re-render. */
  #version = $state(0);
  readonly #store: ProgressStore;

  constructor(store: ProgressStore) {
    this.#store = store;
    this.notice = store.notice;
    let lastNotice = store.notice;
    // Changes are recorded from effects: untracked, so recording never re-runs the recorder.
    store.subscribe(() =>
      untrack(() => {
        this.#version += 1;
        if (store.notice !== lastNotice) this.notice = lastNotice = store.notice;
      }),
    );
  }

  /** Progress for this version of the lesson (progress saved for another version is not shown). */
  lessonProgress(lesson: Pick<LessonSummary, 'id' | 'version'>): LessonProgress | undefined {
    void this.#version;
    return this.#store.lesson(lesson.id, lesson.version);
  }

  recordSteps(lesson: LessonSummary, stepId: string, completedSteps: readonly string[]): void {
    this.#store.recordSteps(lesson, stepId, completedSteps);
  }

  recordQuiz(lesson: LessonSummary, score: QuizScore): void {
    this.#store.recordQuiz(lesson, score);
  }

  exportJson(): string {
    return this.#store.exportJson();
  }

  importJson(text: string): { ok: true } | { ok: false; message: string } {
    return this.#store.importJson(text);
  }

  dismissNotice(): void {
    this.notice = undefined;
  }
}

export const progress = new ProgressState(openProgressStore(browserStorage()));
