/** Quiz engine: answer keys (fixed or computed by the scenario) and grading. See each file's header. */
export { createQuizEngine, resolveAnswerKey, isComputed, type AnswerKey, type ResolvedAnswer } from './answer-key';
export {
  gradeQuestion,
  gradeQuiz,
  type QuizResponse,
  type QuestionResult,
  type ChoiceResult,
  type OrderResult,
  type OptionFeedback,
  type ItemFeedback,
  type QuizResult,
} from './grade';
export { createQuizGrader, type QuizGrader } from './grader';
export { answerShapeProblem } from './answer-shape';
