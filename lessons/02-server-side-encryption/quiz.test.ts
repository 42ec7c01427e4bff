/**
 * The quiz, checked against the scenario through the engine's own answer key: every computed
 * answer is computed (for the lesson's seed and two others) and must equal the answer the prompt,
 * options and explanations were written for.
 */
import { describe, expect, it } from 'vitest';
import { loadLesson } from '../../src/lessons/catalogue';
import { isComputed, resolveAnswerKey } from '../../src/lessons/quiz';
import type { Lesson } from '../../src/lessons/types';

const lesson: Lesson = await loadLesson('server-side-encryption');

/** The answers the prompts, options and explanations were written for. */
const expected: Record<string, string | string[]> = {
  'upload-kms-calls': 'one-generate-data-key',
  'upload-order': ['tls', 'gdk', 'encrypt', 'write', 'respond'],
  'stored-together': 'ciphertext-and-encrypted-key',
  'stolen-disk': 'metadata-only',
  'who-calls-decrypt': 's3-as-caller',
  'missing-decrypt': 'access-denied',
  'upload-without-decrypt': 'stored',
  'aws-managed-iam': 'yes-key-policy',
  'audit-record': ['user-is-role', 'invoked-by-s3', 'object-context'],
  'via-service': 'via-service',
  'sse-s3-calls': 'zero',
  'choose-encryption': 'sse-kms-cmk',
  'bucket-keys': 'bucket-keys',
};

describe('server-side-encryption quiz', () => {
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
    expect(computed).toEqual([
      'upload-kms-calls',
      'upload-order',
      'stored-together',
      'stolen-disk',
      'who-calls-decrypt',
      'missing-decrypt',
      'upload-without-decrypt',
      'aws-managed-iam',
      'audit-record',
      'sse-s3-calls',
    ]);
  });

  for (const seed of [lesson.seed, 1, 99]) {
    it(`the engine's answer key (seed ${seed}) is the one the text was written for`, async () => {
      const key = await resolveAnswerKey({ ...lesson, seed });
      expect(key).toEqual(expected);
    }, 30_000);
  }
});
