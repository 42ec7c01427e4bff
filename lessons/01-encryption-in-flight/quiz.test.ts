/**
 * The quiz, checked against the scenario: every computed answer is computed (for the lesson's seed
 * and two others) and must equal the answer the explanations were written for; every answer names
 * real options; every question links to real steps.
 */
import { describe, expect, it } from 'vitest';
import { loadLesson } from '../../src/lessons/catalogue';
import { isComputed, resolveAnswerKey } from '../../src/lessons/quiz';
import quiz from './quiz';

const lesson = await loadLesson('encryption-in-flight');
const stepIds = lesson.steps.map((step) => step.id);

/** The answers the prompts, options and explanations were written for. */
const expected: Record<string, string | string[]> = {
  'http-eavesdropper': 'reads-password',
  'tls-eavesdropper': 'nothing',
  'handshake-order': ['client-hello', 'server-hello', 'certificate', 'certificate-verify', 'server-finished', 'client-finished'],
  'forged-ca-signature': 'ca-signature',
  'copied-certificate': 'certificate-verify',
  'tampered-record': 'reject-close',
  'replayed-record': 'sequence',
  'still-visible': ['server-name', 'sizes', 'timing'],
  'never-sent': ['session-keys', 'server-private', 'ca-private'],
  'forward-secrecy': 'no-ephemeral',
  's3-secure-transport': 'secure-transport',
  'after-tls': 'plaintext-at-rest',
};

describe('encryption-in-flight quiz', () => {
  it('has at least 8 questions, with single, multi and order kinds, and unique ids', () => {
    expect(quiz.questions.length).toBeGreaterThanOrEqual(8);
    expect(new Set(quiz.questions.map((q) => q.kind))).toEqual(new Set(['single', 'multi', 'order']));
    expect(new Set(quiz.questions.map((q) => q.id)).size).toBe(quiz.questions.length);
    expect(Object.keys(expected).sort()).toEqual(quiz.questions.map((q) => q.id).sort());
  });

  it('links every question to steps of this lesson, and explains every option', () => {
    for (const question of quiz.questions) {
      for (const ref of question.refs) expect(stepIds, question.id).toContain(ref);
      expect(question.explanation.length).toBeGreaterThan(20);
      const options = question.kind === 'order' ? question.items : question.options;
      expect(new Set(options.map((o) => o.id)).size).toBe(options.length);
      for (const option of options) expect(option.why.length, `${question.id}/${option.id}`).toBeGreaterThan(10);
    }
  });

  for (const seed of [lesson.seed, 1, 99]) {
    it(`computes every answer from the scenario (seed ${seed}) as the text says`, async () => {
      // The engine's answer key: computed answers run the scenario, and each must fit its question.
      expect(await resolveAnswerKey({ ...lesson, seed })).toEqual(expected);
    });
  }

  it('computes at least four answers by running the scenario', () => {
    const computed = quiz.questions.filter((q) => isComputed(q.answer));
    expect(computed.length).toBeGreaterThanOrEqual(4);
  });
});
