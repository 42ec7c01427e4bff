/**
 * The quiz, checked against the scenario through the engine's own answer key: every computed
 * answer is computed (for the lesson's seed and two others) and must equal the answer the prompt,
 * options and explanations were written for.
 */
import { describe, expect, it } from 'vitest';
import { loadLesson } from '../../src/lessons/catalogue';
import { isComputed, resolveAnswerKey } from '../../src/lessons/quiz';
import type { Lesson } from '../../src/lessons/types';

const lesson: Lesson = await loadLesson('envelope-encryption');

/** The answers the prompts, options and explanations were written for. */
const expected: Record<string, string | string[]> = {
  'encrypt-limit': 'validation',
  'data-key-forms': 'both',
  'seal-order': ['gdk', 'encrypt', 'erase', 'store'],
  'stored-parts': ['edk', 'iv', 'tag'],
  'kms-sees': 'none',
  'wrong-context': 'invalid-ciphertext',
  'calls-per-file': '80',
  'monthly-cost': '89.94',
  'key-for-later': 'gdkwp',
  'generate-random': ['no-key', 'max-1024', 'billed'],
};

describe('envelope-encryption quiz', () => {
  const { questions } = lesson.quiz;

  it('has at least 8 questions of every kind, a test answer for each, and explains every option', () => {
    expect(questions.length).toBeGreaterThanOrEqual(8);
    expect(new Set(questions.map((q) => q.kind))).toEqual(new Set(['single', 'multi', 'order']));
    expect(questions.map((q) => q.id).sort()).toEqual(Object.keys(expected).sort());
    for (const question of questions) {
      expect(question.explanation.length, question.id).toBeGreaterThan(60);
      expect(question.refs.every((ref) => lesson.steps.some((s) => s.id === ref)), question.id).toBe(true);
      for (const option of question.kind === 'order' ? question.items : question.options) expect(option.why.length, `${question.id}/${option.id}`).toBeGreaterThan(20);
    }
  });

  it('computes the answer of every question', () => {
    expect(questions.filter((q) => isComputed(q.answer)).map((q) => q.id)).toEqual(Object.keys(expected));
  });

  for (const seed of [lesson.seed, 1, 99]) {
    it(`the engine's answer key (seed ${seed}) is the one the text was written for`, async () => {
      const key = await resolveAnswerKey({ ...lesson, seed });
      expect(key).toEqual(expected);
    }, 60_000);
  }
});
