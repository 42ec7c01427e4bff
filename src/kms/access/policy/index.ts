/**
 * The KMS access decision engine: key policies, identity policies and grants, every decision
 * explained. `evaluateKmsAccess` decides; `explainDecision` says it in one sentence;
 * `parsePolicyDocument` normalises a document for editors and validators.
 */
export { evaluateKmsAccess } from './evaluate.ts';
export { explainDecision } from './explain.ts';
export { parsePolicyDocument } from './parse.ts';
export { validatePolicy, KEY_POLICY_MAX_BYTES, type PolicyProblem } from './validate.ts';
export { accessDeniedMessage, type DenialKind } from './messages.ts';
export { defaultKeyPolicy, consoleKeyPolicy, type ConsoleKeyPolicyOptions } from './templates.ts';
export type * from './types.ts';
