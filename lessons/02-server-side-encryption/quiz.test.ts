/**
 * The quiz, checked against the scenario through the engine's own answer key: every computed
 * answer is computed (for the lesson's seed and two others) and must equal the answer the prompt,
 * options and explanations were written for.
 */
import { describe } from 'vitest';
import { loadLesson } from '../../src/lessons/catalogue';
import type { Lesson } from '../../src/lessons/types';
import { itChecksTheQuiz } from '../../test/support/quiz-checks';

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
  itChecksTheQuiz(lesson, { expected, fixed: ['via-service', 'choose-encryption', 'bucket-keys'], everyKind: true, timeout: 30_000 });
});
