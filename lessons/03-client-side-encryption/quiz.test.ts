/**
 * The quiz, checked against the scenario through the engine's own answer key: every computed
 * answer is computed (for the lesson's seed and two others) and must equal the answer the prompt,
 * options and explanations were written for.
 */
import { describe, expect, it } from 'vitest';
import { loadLesson } from '../../src/lessons/catalogue';
import { isComputed, resolveAnswerKey } from '../../src/lessons/quiz';
import type { Lesson } from '../../src/lessons/types';

const lesson: Lesson = await loadLesson('client-side-encryption');

/** The answers the prompts, options and explanations were written for. */
const expected: Record<string, string | string[]> = {
  'who-calls-kms': 'app-generate-data-key',
  'upload-order': ['gdk', 'encrypt', 'pack', 'put'],
  'server-receives': 'envelope',
  'storage-admin': 'access-denied',
  'recipient-permission': 'kms-decrypt',
  'wrong-context': 'invalid-ciphertext',
  'audit-record': ['app-gdk', 'admin-denied', 'context-logged'],
  'plaintext-where': 'clients-only',
  'choose-approach': 'cse-kms',
  'why-data-key': 'limit-and-locality',
};

describe('client-side-encryption quiz', () => {
  const { questions } = lesson.quiz;

  it('has at least 8 questions of every kind, a test answer for each, and explains every option', () => {
    expect(questions.length).toBeGreaterThanOrEqual(8);
    expect(new Set(questions.map((q) => q.kind))).toEqual(new Set(['single', 'multi', 'order']));
    expect(questions.map((q) => q.id).sort()).toEqual(Object.keys(expected).sort());
    for (const question of questions) {
      expect(question.explanation.length, question.id).toBeGreaterThan(60);
      for (const option of question.kind === 'order' ? question.items : question.options) expect(option.why.length, `${question.id}/${option.id}`).toBeGreaterThan(20);
    }
  });

  it('computes the answer of every question the scenario can answer', () => {
    const computed = questions.filter((q) => isComputed(q.answer)).map((q) => q.id);
    expect(computed).toEqual(['who-calls-kms', 'upload-order', 'server-receives', 'storage-admin', 'recipient-permission', 'wrong-context', 'audit-record', 'plaintext-where']);
  });

  for (const seed of [lesson.seed, 1, 99]) {
    it(`the engine's answer key (seed ${seed}) is the one the text was written for`, async () => {
      const key = await resolveAnswerKey({ ...lesson, seed });
      expect(key).toEqual(expected);
    }, 30_000);
  }
});
