/**
 * The quiz, checked against the scenario through the engine's own answer key: every computed
 * answer is computed (for the lesson's seed and two others) and must equal the answer the prompt,
 * options and explanations were written for.
 */
import { describe } from 'vitest';
import { loadLesson } from '../../src/lessons/catalogue';
import type { Lesson } from '../../src/lessons/types';
import { itChecksTheQuiz } from '../../test/support/quiz-checks';

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
  itChecksTheQuiz(lesson, { expected, everyKind: true });
});
