/**
 * Everything the UI uses from the lesson engine, in one place: the catalogue, the player, the
 * actions a step offers, quiz grading and the progress store. Pages import from here so the
 * engine's API meets the views in one file.
 */
export {
  listLessons,
  loadLesson,
  createLessonPlayer,
  stepActions,
  playerShell,
  TERMINAL_ACTION,
  LessonError,
  createQuizGrader,
  openProgressStore,
  type OfferedAction,
  type QuizGrader,
  type QuizResponse,
  type QuestionResult,
  type QuizResult,
  type ProgressStore,
  type LessonProgress,
  type QuizScore,
} from '../lessons/index';
