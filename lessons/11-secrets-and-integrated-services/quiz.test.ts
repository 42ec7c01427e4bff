/**
 * The quiz, checked against the scenario through the engine's own answer key: every computed
 * answer is computed (for the lesson's seed and two others) and must equal the answer the prompt,
 * options and explanations were written for.
 */
import { describe } from 'vitest';
import { loadLesson } from '../../src/lessons/catalogue';
import type { Lesson } from '../../src/lessons/types';
import { itChecksTheQuiz } from '../../test/support/quiz-checks';

const lesson: Lesson = await loadLesson('secrets-and-integrated-services');

/** The answers the prompts, options and explanations were written for. */
const expected: Record<string, string | string[]> = {
  'standard-securestring-calls': ['Decrypt', 'Encrypt'],
  'advanced-securestring-calls': ['Decrypt', 'GenerateDataKey'],
  'ssm-encryption-context': 'parameter-arn',
  'ssm-via-service': 'ssm.eu-west-2.amazonaws.com',
  'role-without-decrypt': 'AccessDeniedException',
  'starts-per-day': '3',
  'aws-ssm-shared': 'value',
  'parameter-not-found': 'empty-message',
  'ebs-calls': ['CreateGrant', 'Decrypt', 'GenerateDataKeyWithoutPlaintext'],
  's3-default-key': 'aws-managed',
  'redshift-hierarchy': ['kms', 'cek', 'dek', 'blocks'],
  'password-in-code': ['copies', 'no-audit', 'no-rotation'],
};

describe('secrets-and-integrated-services quiz', () => {
  itChecksTheQuiz(lesson, { expected, fixed: ['redshift-hierarchy', 'password-in-code'], everyQuestionLinked: true });
});
