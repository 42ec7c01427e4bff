/**
 * The quiz, checked against the scenario through the engine's own answer key: every computed
 * answer is computed (for the lesson's seed and two others) and must equal the answer the prompt,
 * options and explanations were written for.
 */
import { describe } from 'vitest';
import { loadLesson } from '../../src/lessons/catalogue';
import type { Lesson } from '../../src/lessons/types';
import { itChecksTheQuiz } from '../../test/support/quiz-checks';

const lesson: Lesson = await loadLesson('quotas-and-backoff');

/** The answers the prompts, options and explanations were written for. */
const expected: Record<string, string | string[]> = {
  'throttle-exception': 'throttling',
  'throttle-status': '400',
  'shared-quota': ['Decrypt', 'GenerateDataKey', 'GenerateRandom'],
  'fourth-wait': '800',
  'slowest-strategy': 'exponential',
  'least-work': 'full',
  'fastest-with-backoff': 'decorrelated',
  'spike-retry-mode': 'adaptive-3',
  'retry-quota': '100',
  'cached-calls': '12',
  'message-limit': '900',
  'second-key': 'same-quota',
  'increase-how': 'service-quotas',
};

describe('quotas-and-backoff quiz', () => {
  itChecksTheQuiz(lesson, { expected, fixed: ['second-key', 'increase-how'], everyQuestionLinked: true, computedBy: 'the engine' });
});
