/**
 * The quiz, checked against the scenario through the engine's own answer key: every computed
 * answer is computed (for the lesson's seed and two others) and must equal the answer the prompt,
 * options and explanations were written for.
 */
import { describe } from 'vitest';
import { loadLesson } from '../../src/lessons/catalogue';
import type { Lesson } from '../../src/lessons/types';
import { itChecksTheQuiz } from '../../test/support/quiz-checks';

const lesson: Lesson = await loadLesson('key-policies-and-iam');

/** The answers the prompts, options and explanations were written for. */
const expected: Record<string, string | string[]> = {
  'default-policy-no-iam': 'denied-iam',
  'admin-decrypt': 'denied',
  'admins-and-users': ['kim-rotation', 'app-decrypt'],
  'no-delegation-path': 'does-not-delegate',
  'which-message': 'no-resource-based',
  'vault-fixes': ['bob-in-key-policy', 'enable-iam'],
  'cross-account': 'both',
  'explicit-deny': 'NeverBob',
  'grant-retired': 'allowed-then-denied',
  'via-service': 'denied',
};

describe('key-policies-and-iam quiz', () => {
  itChecksTheQuiz(lesson, { expected, computedBy: 'the policy engine' });
});
