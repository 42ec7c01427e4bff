/**
 * The quiz, checked against the scenario: every computed answer is computed (for the lesson's seed
 * and two others) and must equal the answer the explanations were written for; every answer names
 * real options; every question links to real steps.
 */
import { describe, expect, it } from 'vitest';
import { loadLesson } from '../../src/lessons/catalogue';
import { isComputed } from '../../src/lessons/quiz';
import { itChecksTheQuiz } from '../../test/support/quiz-checks';
import quiz from './quiz';

const lesson = await loadLesson('encryption-in-flight');

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
  itChecksTheQuiz(lesson, {
    expected,
    fixed: ['still-visible', 'never-sent', 'forward-secrecy', 's3-secure-transport', 'after-tls'],
    everyKind: true,
    explanationOver: 20,
    whyOver: 10,
  });

  it('names the options of every question uniquely', () => {
    for (const question of quiz.questions) {
      const options = question.kind === 'order' ? question.items : question.options;
      expect(new Set(options.map((o) => o.id)).size, question.id).toBe(options.length);
    }
  });

  it('computes at least four answers by running the scenario', () => {
    const computed = quiz.questions.filter((q) => isComputed(q.answer));
    expect(computed.length).toBeGreaterThanOrEqual(4);
  });
});
