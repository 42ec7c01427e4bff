/**
 * One attempt at a quiz: the learner's responses, the answer key (some answers are computed by the
 * engine by running the scenario, hence "computing…"), and the engine's results. The UI never
 * decides what is right: every verdict, score and piece of feedback comes from the engine's grader.
 */
import type { QuizQuestion } from '../../lessons/types';
import type { QuestionResult, QuizGrader, QuizResponse, QuizResult } from '../engine';

export type KeyState = { state: 'computing' } | { state: 'ready' } | { state: 'failed'; message: string };

/** Where a new attempt starts: nothing chosen; an ordering question in the order it is shown. */
export function emptyResponse(question: QuizQuestion): QuizResponse | undefined {
  if (question.kind === 'single') return undefined;
  if (question.kind === 'multi') return [];
  return question.items.map((item) => item.id);
}

export function isAnswered(response: QuizResponse | undefined): boolean {
  return typeof response === 'string' || (Array.isArray(response) && response.length > 0);
}

export class QuizAttempt {
  readonly questions: readonly QuizQuestion[];
  responses: Record<string, QuizResponse | undefined>;
  key = $state<KeyState>({ state: 'computing' });
  results: Record<string, QuestionResult> = $state({});
  /** The engine's grade of the whole quiz, once every question has a result. */
  total = $state.raw<QuizResult | undefined>();
  readonly #grader: QuizGrader;

  constructor(questions: readonly QuizQuestion[], grader: QuizGrader) {
    // built whole, then made reactive: an attempt may be created inside a $derived
    this.responses = $state(Object.fromEntries(questions.map((q) => [q.id, emptyResponse(q)])));
    this.questions = questions;
    this.#grader = grader;
  }

  /** Resolves the answer key (computed answers run the scenario); call once after creating. */
  async resolveKey(): Promise<void> {
    try {
      await this.#grader.key();
      this.key = { state: 'ready' };
    } catch (error) {
      this.key = { state: 'failed', message: error instanceof Error ? error.message : String(error) };
    }
  }

  canSubmit(questionId: string): boolean {
    return this.key.state === 'ready' && !this.results[questionId] && isAnswered(this.responses[questionId]);
  }

  async submit(questionId: string): Promise<void> {
    if (!this.canSubmit(questionId)) return;
    this.results[questionId] = await this.#grader.gradeQuestion(questionId, $state.snapshot(this.responses[questionId]));
    if (this.questions.every((q) => this.results[q.id])) await this.#gradeWhole();
  }

  /** Grades every question now; unanswered ones score nothing. */
  async submitAll(): Promise<void> {
    if (this.key.state !== 'ready') return;
    await this.#gradeWhole();
  }

  async #gradeWhole(): Promise<void> {
    const total = await this.#grader.gradeQuiz($state.snapshot(this.responses));
    for (const result of total.results) this.results[result.questionId] ??= result;
    this.total = total;
  }

  retry(): void {
    for (const question of this.questions) this.responses[question.id] = emptyResponse(question);
    this.results = {};
    this.total = undefined;
  }
}
