/**
 * The quiz, checked against the scenario through the engine's own answer key: every computed
 * answer is computed (for the lesson's seed and two others) and must equal the answer the prompt,
 * options and explanations were written for.
 */
import { describe } from 'vitest';
import { loadLesson } from '../../src/lessons/catalogue';
import type { Lesson } from '../../src/lessons/types';
import { itChecksTheQuiz } from '../../test/support/quiz-checks';

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
  itChecksTheQuiz(lesson, { expected, fixed: ['choose-approach', 'why-data-key'], everyKind: true, timeout: 30_000 });
});
