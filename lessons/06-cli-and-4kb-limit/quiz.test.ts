/**
 * The quiz, checked against the scenario through the engine's own answer key: every computed answer
 * is computed by running the command lines (for the lesson's seed and another) and must equal the
 * answer the prompt, options and explanations were written for.
 */
import { describe } from 'vitest';
import { loadLesson } from '../../src/lessons/catalogue';
import type { Lesson } from '../../src/lessons/types';
import { itChecksTheQuiz } from '../../test/support/quiz-checks';

const lesson: Lesson = await loadLesson('cli-and-4kb-limit');

/** The answers the prompts, options and explanations were written for. */
const expected: Record<string, string | string[]> = {
  'what-is-printed': 'base64',
  'file-instead-of-fileb': 'cli-refuses',
  'decrypt-the-base64': 'invalid-ciphertext',
  'decrypt-without-key-id': 'yes',
  'five-kb-exception': 'validation',
  'largest-plaintext': '4096',
  'query-typo': 'none-success',
  'wrong-context': 'invalid-ciphertext',
  'context-syntaxes': ['shorthand', 'reordered'],
  'failed-call-status': '254',
  'round-trip-order': ['encrypt', 'decode-blob', 'decrypt', 'decode-plaintext'],
  'large-file': 'envelope',
  'script-output': 'text',
};

describe('cli-and-4kb-limit quiz', () => {
  itChecksTheQuiz(lesson, { expected, fixed: ['round-trip-order', 'large-file', 'script-output'], seeds: [lesson.seed, 7], computedBy: 'a command line' });
});
