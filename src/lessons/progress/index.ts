/** Saved progress: format (model.ts), pure updates (update.ts), storage (storage.ts), files (transfer.ts), store (store.ts). */
export {
  PROGRESS_KEY,
  PROGRESS_FORMAT,
  emptyProgress,
  progressSchema,
  type Progress,
  type LessonProgress,
  type LessonRef,
  type QuizScore,
} from './model';
export { lessonProgress, markStepSeen, markCheckPassed, recordPlayerProgress, recordQuiz } from './update';
export {
  loadProgress,
  saveProgress,
  RESET_NOTICE,
  UNAVAILABLE_NOTICE,
  type ProgressStorage,
  type LoadedProgress,
  type LoadReason,
} from './storage';
export { exportProgress, importProgress, type ImportResult } from './transfer';
export { openProgressStore, type ProgressStore } from './store';
