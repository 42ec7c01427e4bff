/**
 * The tests every lesson's quiz.test.ts runs, written once: the quiz is checked against the
 * scenario through the engine's own answer key. Every question has an answer the text was
 * written for, an explanation and a reason for every option, links to real steps, and every
 * answer the scenario can give is computed (for several seeds) and equals the written one.
 */
import { expect, it } from 'vitest';
import { isComputed, resolveAnswerKey } from '../../src/lessons/quiz';
import type { Lesson } from '../../src/lessons/types';

export interface QuizChecks {
  /** The answers the prompts, options and explanations were written for, in question order. */
  expected: Readonly<Record<string, string | string[]>>;
  /** Ids of the questions whose answer is written in the text: every other one must be computed. */
  fixed?: readonly string[];
  /** The seeds the answer key is resolved for (default: the lesson's own seed, 1 and 99). */
  seeds?: readonly number[];
  /** The quiz must use every kind of question (single, multi and order). */
  everyKind?: boolean;
  /** Every question must link to at least one step (links that exist are always checked). */
  everyQuestionLinked?: boolean;
  /** Shortest explanation and option reason, exclusive (default 60 and 20 characters). */
  explanationOver?: number;
  whyOver?: number;
  /** What computes the answers, for the test's name (default 'the scenario'). */
  computedBy?: string;
  /** Time allowed to resolve the answer key for one seed (default 60 s). */
  timeout?: number;
}

export function itChecksTheQuiz(lesson: Lesson, checks: QuizChecks): void {
  const { expected, fixed = [], everyKind = false, everyQuestionLinked = false } = checks;
  const { explanationOver = 60, whyOver = 20, computedBy = 'the scenario', timeout = 60_000 } = checks;
  const seeds = checks.seeds ?? [lesson.seed, 1, 99];
  const { questions } = lesson.quiz;
  const kinds = everyKind ? ' of every kind' : '';

  it(`has at least 8 questions${kinds}, a test answer for each, and explains every option`, () => {
    expect(questions.length).toBeGreaterThanOrEqual(8);
    if (everyKind) expect(new Set(questions.map((q) => q.kind))).toEqual(new Set(['single', 'multi', 'order']));
    expect(questions.map((q) => q.id).sort()).toEqual(Object.keys(expected).sort());
    const stepIds = new Set(lesson.steps.map((s) => s.id));
    for (const question of questions) {
      expect(question.explanation.length, question.id).toBeGreaterThan(explanationOver);
      if (everyQuestionLinked) expect(question.refs.length, question.id).toBeGreaterThan(0);
      for (const ref of question.refs) expect(stepIds.has(ref), `${question.id} → ${ref}`).toBe(true);
      const options = question.kind === 'order' ? question.items : question.options;
      for (const option of options) expect(option.why.length, `${question.id}/${option.id}`).toBeGreaterThan(whyOver);
    }
  });

  it(`computes the answer of every question ${computedBy} can answer`, () => {
    const computed = questions.filter((q) => isComputed(q.answer)).map((q) => q.id);
    expect(computed).toEqual(Object.keys(expected).filter((id) => !fixed.includes(id)));
  });

  for (const seed of seeds) {
    it(`the engine's answer key (seed ${seed}) is the one the text was written for`, async () => {
      const key = await resolveAnswerKey({ ...lesson, seed });
      expect(key).toEqual(expected);
    }, timeout);
  }
}
