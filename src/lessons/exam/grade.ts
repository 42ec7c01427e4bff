/**
 * Grading an exam attempt, through the quiz engine's grader (../quiz/grade.ts: one point per
 * question, all or nothing), plus the score per topic.
 *
 *   examAnswerKey(questions)             → AnswerKey (exam answers are fixed, or computed already)
 *   gradeExam(questions, responses)      → ExamGrade { score, max, answered, results, topics }
 *   topicScores(questions, results)      → TopicScore[] in the curriculum's order, only topics asked
 *   examGrader(questions)                → QuizGrader, for the quiz views (src/ui/quiz)
 *   stepsToStudy(questions, results)     → the teaching step of each question missed, each step once
 */
import type { AnswerKey } from '../quiz/answer-key.ts';
import { gradeQuestion, type QuestionResult, type QuizResponse } from '../quiz/grade.ts';
import type { QuizGrader } from '../quiz/grader.ts';
import type { QuizQuestion } from '../types.ts';
import { EXAM_TOPICS, type ExamQuestion, type ExamTopic } from './types.ts';

export interface TopicScore {
  topic: ExamTopic;
  score: number;
  max: number;
}

export interface ExamGrade {
  score: number;
  max: number;
  answered: number;
  results: QuestionResult[];
  topics: TopicScore[];
}

export type ExamResponses = Readonly<Record<string, QuizResponse | undefined>>;

export function examAnswerKey(questions: readonly ExamQuestion[]): AnswerKey {
  return Object.fromEntries(questions.map((question) => [question.id, question.answer]));
}

/** An exam question is a quiz question with a fixed answer, so the quiz engine grades it as it is. */
export const asQuizQuestion = (question: ExamQuestion): QuizQuestion => question as QuizQuestion;

export function gradeExam(questions: readonly ExamQuestion[], responses: ExamResponses): ExamGrade {
  const key = examAnswerKey(questions);
  const results = questions.map((question) => gradeQuestion(asQuizQuestion(question), key, responses[question.id]));
  return {
    score: results.reduce((sum, result) => sum + result.score, 0),
    max: results.reduce((sum, result) => sum + result.max, 0),
    answered: results.filter((result) => result.answered).length,
    results,
    topics: topicScores(questions, results),
  };
}

export function topicScores(questions: readonly ExamQuestion[], results: readonly QuestionResult[]): TopicScore[] {
  const byTopic = new Map<ExamTopic, TopicScore>();
  questions.forEach((question, index) => {
    const result = results[index];
    if (!result) return;
    const entry = byTopic.get(question.topic) ?? { topic: question.topic, score: 0, max: 0 };
    entry.score += result.score;
    entry.max += result.max;
    byTopic.set(question.topic, entry);
  });
  return EXAM_TOPICS.flatMap((topic) => byTopic.get(topic) ?? []);
}

/** "Key policies and IAM" for 'key-policies-and-iam', when no lesson title is at hand. */
export function topicLabel(topic: ExamTopic, lessonTitle?: string): string {
  if (lessonTitle) return lessonTitle;
  const words = topic.split('-').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The quiz views' grader interface over exam questions, so the quiz's QuestionCard can show them. */
export function examGrader(questions: readonly ExamQuestion[]): QuizGrader {
  const key = examAnswerKey(questions);
  const find = (id: string) => {
    const question = questions.find((candidate) => candidate.id === id);
    if (!question) throw new Error(`the attempt has no question "${id}"`);
    return question;
  };
  return {
    key: async () => key,
    gradeQuestion: async (id, response) => gradeQuestion(asQuizQuestion(find(id)), key, response),
    gradeQuiz: async (responses) => gradeExam(questions, responses),
  };
}

export interface StepToStudy {
  lessonId: string;
  stepId: string;
  /** 1-based numbers of the questions (in the attempt) this step would have answered. */
  questions: number[];
}

/** The teaching step (`refs[0]`) of every question not answered right, each step once, in question order. */
export function stepsToStudy(questions: readonly ExamQuestion[], results: readonly Pick<QuestionResult, 'correct'>[]): StepToStudy[] {
  const steps: StepToStudy[] = [];
  questions.forEach((question, index) => {
    if (results[index]?.correct !== false) return;
    const stepId = question.refs[0]!;
    const known = steps.find((step) => step.lessonId === question.lessonId && step.stepId === stepId);
    if (known) known.questions.push(index + 1);
    else steps.push({ lessonId: question.lessonId, stepId, questions: [index + 1] });
  });
  return steps;
}
