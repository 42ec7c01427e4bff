/**
 * The state of one quiz attempt: the learner's responses, the answer keys (some computed by the
 * engine by running the scenario, hence "computing…"), and the engine's grades. The UI never
 * decides what is right: `grader` is the engine's grading, passed in.
 */
import type { QuizQuestion } from '../../lessons/types';

export type QuizResponse =
  | { kind: 'single'; choice?: string }
  | { kind: 'multi'; choices: string[] }
  | { kind: 'order'; order: string[] };

/** The correct answer as the engine resolved it: one id, several ids, or ids in order. */
export type AnswerKey = string | string[];

export interface QuestionGrade {
  correct: boolean;
  score: number;
  max: number;
}

export interface QuizGrader {
  resolveKey(question: QuizQuestion): Promise<AnswerKey>;
  grade(question: QuizQuestion, response: QuizResponse, key: AnswerKey): QuestionGrade;
}

export type KeyState = { state: 'computing' } | { state: 'ready'; key: AnswerKey } | { state: 'failed'; message: string };

export function emptyResponse(question: QuizQuestion): QuizResponse {
  if (question.kind === 'single') return { kind: 'single' };
  if (question.kind === 'multi') return { kind: 'multi', choices: [] };
  return { kind: 'order', order: question.items.map((item) => item.id) };
}

export function isAnswered(response: QuizResponse): boolean {
  if (response.kind === 'single') return response.choice !== undefined;
  if (response.kind === 'multi') return response.choices.length > 0;
  return true; // an order is always an answer
}

/** The ids the key marks correct, for showing which options were right. */
export function keyIds(key: AnswerKey): string[] {
  return typeof key === 'string' ? [key] : key;
}

export class QuizAttempt {
  readonly questions: readonly QuizQuestion[];
  responses: Record<string, QuizResponse>;
  keys: Record<string, KeyState>;
  grades: Record<string, QuestionGrade> = $state({});
  readonly #grader: QuizGrader;

  constructor(questions: readonly QuizQuestion[], grader: QuizGrader) {
    // built whole, then made reactive: an attempt may be created inside a $derived
    this.responses = $state(Object.fromEntries(questions.map((q) => [q.id, emptyResponse(q)])));
    this.keys = $state(Object.fromEntries(questions.map((q) => [q.id, { state: 'computing' } as KeyState])));
    this.questions = questions;
    this.#grader = grader;
  }

  /** Resolves every answer key (computed ones run the scenario); call once after creating. */
  async resolveKeys(): Promise<void> {
    await Promise.all(
      this.questions.map(async (question) => {
        try {
          this.keys[question.id] = { state: 'ready', key: await this.#grader.resolveKey(question) };
        } catch (error) {
          this.keys[question.id] = { state: 'failed', message: error instanceof Error ? error.message : String(error) };
        }
      }),
    );
  }

  canSubmit(questionId: string): boolean {
    const response = this.responses[questionId];
    return !!response && isAnswered(response) && this.keys[questionId]?.state === 'ready' && !this.grades[questionId];
  }

  submit(questionId: string): void {
    const question = this.questions.find((q) => q.id === questionId);
    const key = this.keys[questionId];
    const response = this.responses[questionId];
    if (!question || !response || key?.state !== 'ready' || this.grades[questionId]) return;
    this.grades[questionId] = this.#grader.grade(question, $state.snapshot(response) as QuizResponse, key.key);
  }

  /** Grades every answered question that is not graded yet. */
  submitAll(): void {
    for (const question of this.questions) if (this.canSubmit(question.id)) this.submit(question.id);
  }

  retry(): void {
    for (const question of this.questions) this.responses[question.id] = emptyResponse(question);
    this.grades = {};
  }

  get finished(): boolean {
    return this.questions.every((question) => this.grades[question.id]);
  }

  get score(): { score: number; max: number } {
    let score = 0;
    let max = 0;
    for (const question of this.questions) {
      const grade = this.grades[question.id];
      if (grade) {
        score += grade.score;
        max += grade.max;
      } else {
        max += 1;
      }
    }
    return { score, max };
  }
}
