/**
 * The quiz, checked against the scenario through the engine's own answer key: every computed
 * answer is computed (for the lesson's seed and two others) and must equal the answer the prompt,
 * options and explanations were written for.
 */
import { describe, expect, it } from 'vitest';
import { loadLesson } from '../../src/lessons/catalogue';
import { isComputed, resolveAnswerKey } from '../../src/lessons/quiz';
import type { Lesson } from '../../src/lessons/types';

const lesson: Lesson = await loadLesson('secrets-and-integrated-services');

/** The answers the prompts, options and explanations were written for. */
const expected: Record<string, string | string[]> = {
  'standard-securestring-calls': ['Decrypt', 'Encrypt'],
  'advanced-securestring-calls': ['Decrypt', 'GenerateDataKey'],
  'ssm-encryption-context': 'parameter-arn',
  'ssm-via-service': 'ssm.eu-west-2.amazonaws.com',
  'role-without-decrypt': 'AccessDeniedException',
  'starts-per-day': '3',
  'aws-ssm-shared': 'value',
  'parameter-not-found': 'empty-message',
  'ebs-calls': ['CreateGrant', 'Decrypt', 'GenerateDataKeyWithoutPlaintext'],
  's3-default-key': 'aws-managed',
  'redshift-hierarchy': ['kms', 'cek', 'dek', 'blocks'],
  'password-in-code': ['copies', 'no-audit', 'no-rotation'],
};

describe('secrets-and-integrated-services quiz', () => {
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
    expect(computed).toEqual(Object.keys(expected).filter((id) => id !== 'redshift-hierarchy' && id !== 'password-in-code'));
  });

  for (const seed of [lesson.seed, 1, 99]) {
    it(`the engine's answer key (seed ${seed}) is the one the text was written for`, async () => {
      const key = await resolveAnswerKey({ ...lesson, seed });
      expect(key).toEqual(expected);
    }, 60_000);
  }
});
