/**
 * An exam attempt's questions, as the quiz views use them: the questions behind the stored ids
 * (generated ones computed by the engine, which takes a moment), and a QuizAttempt (src/ui/quiz) with
 * the stored responses put back, graded by the exam's grader.
 */
import { examBank, examGrader, QUESTION_FAMILIES, resolveQuestions, type ExamAttempt, type ExamQuestion } from '../../lessons/exam/index';
import { QuizAttempt } from '../quiz/quiz-state.svelte';

export type Prepared =
  | { state: 'preparing' }
  | { state: 'ready'; questions: ExamQuestion[]; quiz: QuizAttempt; missing: number }
  | { state: 'failed'; message: string };

export async function prepareAttempt(attempt: ExamAttempt): Promise<Prepared> {
  try {
    const questions = await resolveQuestions(attempt.questionIds, examBank().questions, QUESTION_FAMILIES);
    const quiz = new QuizAttempt(questions, examGrader(questions));
    for (const question of questions) {
      const response = attempt.responses[question.id];
      if (response !== undefined) quiz.responses[question.id] = response;
    }
    await quiz.resolveKey();
    return { state: 'ready', questions, quiz, missing: attempt.questionIds.length - questions.length };
  } catch (error) {
    return { state: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}
