/**
 * A lesson's quiz, ready for a view: the answer key is resolved once (lazily, on first use) and
 * every grade goes through gradeQuestion / gradeQuiz.
 *
 *   createQuizGrader(lesson) → QuizGrader
 *     key()                          → Promise<AnswerKey>      (rejects with a LessonError if a computed answer fails)
 *     gradeQuestion(questionId, r)   → Promise<QuestionResult>
 *     gradeQuiz(responses)           → Promise<QuizResult>
 */
import type { Lesson } from '../types';
import { resolveAnswerKey, type AnswerKey } from './answer-key';
import { gradeQuestion, gradeQuiz, type QuestionResult, type QuizResponse, type QuizResult } from './grade';

export interface QuizGrader {
  key(): Promise<AnswerKey>;
  gradeQuestion(questionId: string, response: QuizResponse | undefined): Promise<QuestionResult>;
  gradeQuiz(responses: Readonly<Record<string, QuizResponse | undefined>>): Promise<QuizResult>;
}

export function createQuizGrader(lesson: Pick<Lesson, 'quiz' | 'scenario' | 'seed' | 'folder' | 'sourceDir'>): QuizGrader {
  let key: Promise<AnswerKey> | undefined;
  const resolved = () => (key ??= resolveAnswerKey(lesson));
  return {
    key: resolved,
    async gradeQuestion(questionId, response) {
      const question = lesson.quiz.questions.find((q) => q.id === questionId);
      if (!question) throw new Error(`the quiz has no question "${questionId}"`);
      return gradeQuestion(question, await resolved(), response);
    },
    async gradeQuiz(responses) {
      return gradeQuiz(lesson.quiz, await resolved(), responses);
    },
  };
}
