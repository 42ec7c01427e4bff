import { displayName } from './principals.ts';
import type { DecisiveRef, KmsAccessResult, StatementRef } from './types.ts';

/**
 * One plain-language sentence for a decision, for the decision view and screen readers, e.g.
 * "Denied: the key policy does not delegate to IAM, so alice's IAM permission does not count."
 */
const label = (ref: StatementRef) => (ref.sid ? `"${ref.sid}"` : `#${ref.index + 1}`);
const isStatement = (ref: DecisiveRef): ref is StatementRef => ref.source !== 'grant';

export function explainDecision(result: KmsAccessResult): string {
  const { trace } = result;
  const { action, callerAccount, keyAccount } = trace.request;
  const who = displayName(trace.request.principal);
  const statements = trace.decisive.filter(isStatement);
  const keyRefs = statements.filter((r) => r.source === 'key-policy');
  const iamRefs = statements.filter((r) => r.source === 'identity-policy');
  const keyList = keyRefs.map(label).join(', ');
  const iamList = iamRefs.map((r) => `${r.policyName} (statement ${label(r)})`).join(', ');
  const iamAllowsSomewhere = trace.policies.some((p) => p.kind === 'identity-policy' && p.statements.some((s) => s.effect === 'Allow' && s.result === 'match'));
  const unsure = trace.notEvaluated.length ? ` ${trace.notEvaluated.length} part(s) of the policies could not be evaluated; see the trace.` : '';

  switch (trace.path) {
    case 'explicit-deny-key-policy':
      return `Denied: the key policy's Deny statement ${keyList} applies to ${who} for ${action}, and an explicit deny overrides every allow.${unsure}`;
    case 'explicit-deny-identity-policy':
      return `Denied: ${who}'s IAM policy ${iamList} denies ${action}${trace.request.hasKey ? ' on this key' : ''}, and an explicit deny overrides every allow.${unsure}`;
    case 'key-policy-allows-principal':
      return `Allowed: the key policy statement ${keyList} allows ${who} ${action} directly, so no IAM policy is needed.${unsure}`;
    case 'key-policy-and-iam-allow': {
      const iamPart = iamRefs.length ? `${who}'s IAM policy ${iamList} allows ${action}` : `${who} is the account's root user, which needs no IAM policy`;
      return trace.request.crossAccount
        ? `Allowed: the key policy of account ${keyAccount} allows account ${callerAccount} (statement ${keyList}), and ${iamPart}; cross-account use needs both.${unsure}`
        : `Allowed: the key policy delegates to IAM (statement ${keyList}), and ${iamPart}.${unsure}`;
    }
    case 'grant-allows': {
      const grant = trace.decisive.find((r) => r.source === 'grant');
      const id = grant && 'grantId' in grant && grant.grantId ? `grant ${grant.grantId}` : 'a grant';
      return `Allowed: ${id} gives ${who} the ${action.replace(/^kms:/, '')} operation, even though no policy allows it.${unsure}`;
    }
    case 'key-policy-delegates-but-iam-lacks':
      return `Denied: the key policy delegates to IAM (statement ${keyList}), but no IAM policy of ${who} allows ${action} on this key, and no grant gives it.${unsure}`;
    case 'key-policy-does-not-delegate':
      return iamAllowsSomewhere
        ? `Denied: the key policy does not delegate to IAM, so ${who}'s IAM permission does not count; the key policy itself must allow ${who}.${unsure}`
        : `Denied: the key policy does not allow ${who} ${action}, does not delegate to IAM, and no grant gives the operation.${unsure}`;
    case 'cross-account-key-policy-lacks':
      return `Denied: the key belongs to account ${keyAccount}, and its key policy does not allow account ${callerAccount} or ${who}; an IAM policy alone cannot open another account's key.${unsure}`;
    case 'cross-account-operation-not-supported':
      return `Denied: the key belongs to account ${keyAccount}, and KMS never performs ${action} on another account's key — whatever the policies say, only the key's own account can.${unsure}`;
    case 'keyless-iam-allows':
      return iamRefs.length
        ? `Allowed: ${action} acts on the account, not on a key, and ${who}'s IAM policy ${iamList} allows it.${unsure}`
        : `Allowed: ${action} acts on the account, not on a key, and ${who} is the account's root user, which needs no IAM policy.${unsure}`;
    case 'keyless-iam-lacks':
      return `Denied: ${action} acts on the account, not on a key, so only IAM policies can allow it, and no IAM policy of ${who} does.${unsure}`;
    case 'cross-account-iam-lacks':
      return `Denied: the key policy of account ${keyAccount} allows account ${callerAccount} (statement ${keyList}), but no IAM policy in account ${callerAccount} allows ${who} ${action} on the key; cross-account use needs both.${unsure}`;
  }
}
