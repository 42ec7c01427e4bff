import { isKnownConditionKey } from './condition-keys.ts';
import { OPERATORS, parseOperator } from './operators.ts';
import { parsePolicyDocument } from './parse.ts';
import type { PolicyInput } from './types.ts';

/**
 * What a policy editor shows before saving: errors (the document would be refused or cannot be
 * read) and warnings (it would be stored, but part of it is something KMS Lab does not evaluate).
 * The engine's PutKeyPolicy keeps its own checks and AWS's recorded messages (operations/
 * policy-checks.ts); the wording here is KMS Lab's, for the editor, not AWS's.
 */
export interface PolicyProblem {
  severity: 'error' | 'warning';
  /** Index of the statement, when the problem is inside one. */
  statement?: number;
  message: string;
}

/** Reference §11.4: 32 KB, not adjustable (flagged there as possibly raised since). */
export const KEY_POLICY_MAX_BYTES = 32_768;
const VERSIONS = new Set(['2012-10-17', '2008-10-17']);
const VALID_AWS_PRINCIPAL = /^(\*|\d{12}|arn:aws[a-z-]*:(iam|sts)::\d{12}:.+)$/;

export function validatePolicy(input: PolicyInput, kind: 'key-policy' | 'identity-policy' = 'key-policy'): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  if (typeof input === 'string' && new TextEncoder().encode(input).length > KEY_POLICY_MAX_BYTES && kind === 'key-policy') {
    problems.push({ severity: 'error', message: `The key policy is larger than ${KEY_POLICY_MAX_BYTES} bytes.` });
  }
  const parsed = parsePolicyDocument(input);
  if (!parsed.ok) return [...problems, { severity: 'error', message: parsed.error }];
  const { policy } = parsed;
  if (policy.version === undefined) problems.push({ severity: 'warning', message: 'No Version: policy variables are then read as literal text. Use "2012-10-17".' });
  else if (!VERSIONS.has(policy.version)) problems.push({ severity: 'error', message: `Version must be "2012-10-17" or "2008-10-17" (found "${policy.version}").` });

  for (const s of policy.statements) {
    const at = (severity: PolicyProblem['severity'], message: string) => problems.push({ severity, statement: s.index, message });
    for (const message of s.problems) at('error', message);
    if (kind === 'key-policy' && !s.principal) at('error', 'A key policy statement needs Principal or NotPrincipal.');
    if (kind === 'identity-policy' && s.principal) at('error', 'An identity-based policy cannot contain Principal or NotPrincipal.');
    if (s.principal && !s.principal.set.AWS.every((p) => VALID_AWS_PRINCIPAL.test(p))) at('error', 'Policy contains a statement with one or more invalid principals.');
    if (!s.action) at('error', 'The statement needs Action or NotAction.');
    if (!s.resource) at('error', 'The statement needs Resource or NotResource.');
    for (const c of s.conditions) {
      const op = parseOperator(c.operator);
      if (!OPERATORS[op.base] && !(op.base === 'Null' && !op.set && !op.ifExists)) at('warning', `The condition operator ${c.operator} is not simulated in KMS Lab: the statement will be reported "not evaluated".`);
      if (!isKnownConditionKey(c.key)) at('warning', `The condition key ${c.key} is not simulated in KMS Lab: evaluated only when a request supplies it.`);
    }
  }
  return problems;
}
