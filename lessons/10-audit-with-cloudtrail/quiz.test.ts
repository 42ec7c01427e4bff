/**
 * The quiz, checked against the scenario through the engine's own answer key: every computed
 * answer is computed (for the lesson's seed and two others) and must equal the answer the prompt,
 * options and explanations were written for.
 */
import { describe } from 'vitest';
import { loadLesson } from '../../src/lessons/catalogue';
import type { Lesson } from '../../src/lessons/types';
import { itChecksTheQuiz } from '../../test/support/quiz-checks';

const lesson: Lesson = await loadLesson('audit-with-cloudtrail');

/** The answers the prompts, options and explanations were written for. */
const expected: Record<string, string | string[]> = {
  'decrypt-event-fields': ['context', 'key-arn'],
  'service-call-identity': 'alice-s3',
  'which-object': 'context',
  'who-read-november': 'app',
  'refused-error-code': 'AccessDeniedException',
  'how-many-refused': '3',
  'disabled-key-event': 'DisabledException',
  'context-in-log': 'plaintext-in-log',
  'events-per-object': '2',
  'write-events': ['DisableKey', 'CreateKey'],
  'data-events': 'all',
  'alarm-on-deletion': 'eventbridge',
};

describe('audit-with-cloudtrail quiz', () => {
  itChecksTheQuiz(lesson, { expected, fixed: ['alarm-on-deletion'], computedBy: 'the log' });
});
