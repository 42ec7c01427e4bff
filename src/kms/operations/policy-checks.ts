import { parsePolicy, principalsOf } from '../access/policy-document.ts';
import { utf8 } from '../crypto/bytes.ts';
import type { OperationContext } from '../engine-context.ts';
import { KmsError } from '../errors.ts';
import type { KmsKey } from '../keys/kms-key.ts';

const VALID_PRINCIPAL = /^(\*|\d{12}|arn:aws[a-z-]*:(iam|sts)::\d{12}:.+)$/;

/**
 * What PutKeyPolicy and CreateKey check before storing a policy (reference §5, §11.4): size, JSON,
 * principals, and the lock-out safety check — the caller must still be allowed to change the policy
 * afterwards, unless BypassPolicyLockoutSafetyCheck is set.
 */
export function checkNewPolicy(ctx: OperationContext, key: Pick<KmsKey, 'arn' | 'accountId'> & Partial<KmsKey>, policy: string, bypass: boolean): void {
  if (utf8(policy).length > ctx.world.limits.keyPolicyBytes) {
    throw new KmsError('LimitExceededException', `The key policy exceeds the maximum size of ${ctx.world.limits.keyPolicyBytes} bytes.`);
  }
  const doc = parsePolicy(policy);
  if (!doc) throw new KmsError('MalformedPolicyDocumentException', 'The key policy is not a valid JSON policy document.');
  for (const statement of doc.Statement) {
    if (statement.Principal === undefined || !principalsOf(statement).every((p) => VALID_PRINCIPAL.test(p))) {
      throw new KmsError('MalformedPolicyDocumentException', 'Policy contains a statement with one or more invalid principals.');
    }
  }
  if (bypass) return;
  const candidate = { grants: [], ...key, policy } as KmsKey;
  const decision = ctx.world.authorize({ caller: ctx.caller, action: 'kms:PutKeyPolicy', key: candidate, accountId: ctx.scope.accountId });
  if (!decision.allowed) {
    throw new KmsError('MalformedPolicyDocumentException', 'The new key policy will not allow you to update the key policy in the future.');
  }
}
