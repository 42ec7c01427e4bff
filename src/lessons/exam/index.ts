/**
 * The practice exam's engine (#/exam): the question contract (types.ts, schema.ts), the fixed bank
 * (bank.ts), generated questions (generated/), drawing (draw.ts), grading (grade.ts), attempts and
 * their history (attempts.ts) and reference checks (references.ts).
 */
export { EXAM_TOPICS, defineExamQuestions, type ExamQuestion, type ExamTopic } from './types.ts';
export { examQuestionSchema, validateExamQuestions } from './schema.ts';
export { checkBank, examBank, type BankFile, type CheckedBank } from './bank.ts';
export { QUESTION_FAMILIES, familyById, generateQuestion, generatedId, parseGeneratedId, type QuestionFamily } from './generated/index.ts';
export { drawQuestionIds, resolveQuestions } from './draw.ts';
export {
  gradeExam,
  examGrader,
  examAnswerKey,
  asQuizQuestion,
  topicScores,
  topicLabel,
  stepsToStudy,
  type ExamGrade,
  type TopicScore,
  type ExamResponses,
  type StepToStudy,
} from './grade.ts';
export {
  EXAM_KEY,
  MAX_PAST_ATTEMPTS,
  SECONDS_PER_TIMED_QUESTION,
  startAttempt,
  finishAttempt,
  withCurrent,
  withFinished,
  loadExamHistory,
  saveExamHistory,
  emptyExamHistory,
  type ExamAttempt,
  type ExamHistory,
  type ExamMode,
} from './attempts.ts';
export { examReferenceProblems } from './references.ts';
