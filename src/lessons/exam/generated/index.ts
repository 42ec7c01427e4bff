/**
 * Every family of generated exam questions (see family.ts). Each draws its parameters from a seed and
 * has the engine compute the answer: the policy engine, the simulated KMS and its CloudTrail events, S3, Parameter Store and the traffic models.
 */
import type { QuestionFamily } from './family.ts';
import { auditReadOnly } from './audit-read-only.ts';
import { dataKeyCache } from './data-key-cache.ts';
import { deletionWindow } from './deletion-window.ts';
import { encryptSizeLimit } from './encrypt-size-limit.ts';
import { keyLifecycleState } from './key-lifecycle-state.ts';
import { keyStateException } from './key-state-exception.ts';
import { monthlyPrice } from './monthly-price.ts';
import { policyDecision } from './policy-decision.ts';
import { sseKmsCalls } from './sse-kms-calls.ts';
import { ssmKmsCallsFamily } from './ssm-kms-calls.ts';
import { whichApi } from './which-api.ts';

export const QUESTION_FAMILIES: readonly QuestionFamily<any>[] = [
  policyDecision,
  keyStateException,
  keyLifecycleState,
  deletionWindow,
  encryptSizeLimit,
  dataKeyCache,
  sseKmsCalls,
  whichApi,
  monthlyPrice,
  auditReadOnly,
  ssmKmsCallsFamily,
];

export function familyById(id: string): QuestionFamily<any> | undefined {
  return QUESTION_FAMILIES.find((family) => family.id === id);
}

export { generateQuestion, generatedId, parseGeneratedId, drawParams, type QuestionFamily } from './family.ts';
