/**
 * The quiz, checked against the scenario through the engine's own answer key: every computed
 * answer is computed (for the lesson's seed and two others) and must equal the answer the prompt,
 * options and explanations were written for.
 */
import { describe } from 'vitest';
import { loadLesson } from '../../src/lessons/catalogue';
import type { Lesson } from '../../src/lessons/types';
import { itChecksTheQuiz } from '../../test/support/quiz-checks';

const lesson: Lesson = await loadLesson('key-types');

/** The answers the prompts, options and explanations were written for. */
const expected: Record<string, string | string[]> = {
  'symmetric-export': 'unsupported',
  'partner-key': 'rsa-encrypt',
  'ecc-encrypt': 'validation',
  'decrypt-parameters': ['key-id', 'algorithm'],
  'algorithm-mismatch': 'invalid-ciphertext',
  'partner-flow': ['get-public-key', 'send-pem', 'send-ciphertext', 'decrypt'],
  'rsa-limit': '190',
  'envelope-key': 'invalid-usage',
  'tampered-verify': 'exception',
  'who-verifies': ['kms-caller', 'offline'],
  'hmac-offline': 'needs-kms',
  'monthly-price': 'four',
};

describe('key-types quiz', () => {
  itChecksTheQuiz(lesson, { expected, fixed: ['monthly-price'], everyKind: true });
});
