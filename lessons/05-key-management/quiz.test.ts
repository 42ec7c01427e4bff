/**
 * The quiz, checked against the scenario through the engine's own answer key: every computed
 * answer is computed (for the lesson's seed and two others) and must equal the answer the prompt,
 * options and explanations were written for.
 */
import { describe, expect, it } from 'vitest';
import { loadLesson } from '../../src/lessons/catalogue';
import { isComputed, resolveAnswerKey } from '../../src/lessons/quiz';
import type { Lesson } from '../../src/lessons/types';

const lesson: Lesson = await loadLesson('key-management');

/** The answers the prompts, options and explanations were written for. */
const expected: Record<string, string | string[]> = {
  'disabled-encrypt': 'disabled',
  'pending-deletion-exception': 'invalid-state',
  'state-after-cancel': 'Disabled',
  'minimum-window': '7',
  'old-ciphertext-after-rotation': 'yes-same-call',
  'versions-after-year': '3',
  'deleted-key-data': 'nothing',
  'imported-expired': 'pending-import',
  'aws-managed-facts': ['created-by-service', 'rotates-yearly'],
  'monthly-price': '6',
};

describe('key-management quiz', () => {
  const { questions } = lesson.quiz;

  it('has at least 8 questions, a test answer for each, and explains every option', () => {
    expect(questions.length).toBeGreaterThanOrEqual(8);
    expect(questions.map((q) => q.id).sort()).toEqual(Object.keys(expected).sort());
    const stepIds = new Set(lesson.steps.map((s) => s.id));
    for (const question of questions) {
      expect(question.explanation.length, question.id).toBeGreaterThan(60);
      expect(question.refs.length, question.id).toBeGreaterThan(0);
      for (const ref of question.refs) expect(stepIds.has(ref), `${question.id} → ${ref}`).toBe(true);
      for (const option of question.kind === 'order' ? question.items : question.options) expect(option.why.length, `${question.id}/${option.id}`).toBeGreaterThan(20);
    }
  });

  it('computes the answer of every question the scenario can answer', () => {
    const computed = questions.filter((q) => isComputed(q.answer)).map((q) => q.id);
    expect(computed).toEqual(Object.keys(expected));
  });

  for (const seed of [lesson.seed, 1, 99]) {
    it(`the engine's answer key (seed ${seed}) is the one the text was written for`, async () => {
      const key = await resolveAnswerKey({ ...lesson, seed });
      expect(key).toEqual(expected);
    }, 60_000);
  }
});
