/**
 * The quiz, checked against the scenario through the engine's own answer key: every computed
 * answer is computed (for the lesson's seed and two others) and must equal the answer the prompt,
 * options and explanations were written for.
 */
import { describe } from 'vitest';
import { loadLesson } from '../../src/lessons/catalogue';
import type { Lesson } from '../../src/lessons/types';
import { itChecksTheQuiz } from '../../test/support/quiz-checks';

const lesson: Lesson = await loadLesson('key-management');

/** The answers the prompts, options and explanations were written for. */
const expected: Record<string, string | string[]> = {
  'disabled-encrypt': 'disabled',
  'pending-deletion-exception': 'invalid-state',
  'state-after-cancel': 'Disabled',
  'minimum-window': '7',
  'old-ciphertext-after-rotation': 'yes-same-call',
  'versions-after-year': '3',
  'deleted-key-data': 'nothing',
  'imported-expired': 'pending-import',
  'aws-managed-facts': ['created-by-service', 'rotates-yearly'],
  'monthly-price': '6',
};

describe('key-management quiz', () => {
  itChecksTheQuiz(lesson, { expected, everyQuestionLinked: true });
});
