import { awsPrincipalMatches, type PrincipalIdentity } from './principals.ts';
import type { GrantTrace, KmsGrantInput } from './types.ts';

/**
 * Whether a grant allows this request: the caller is the grantee (a role grantee covers its
 * sessions), the operation is among the grant's operations, and the request's encryption context
 * meets the grant's constraint (EncryptionContextEquals: exactly these pairs;
 * EncryptionContextSubset: at least these pairs). Keys and values compare case-sensitively.
 */
export function evaluateGrant(grant: KmsGrantInput, caller: PrincipalIdentity, action: string, encryptionContext: Record<string, string>): GrantTrace {
  const base = { granteePrincipal: grant.GranteePrincipal, operations: grant.Operations, ...(grant.GrantId ? { grantId: grant.GrantId } : {}) };
  const grantee = caller.kind === 'service' ? (grant.GranteePrincipal === caller.service ? 'direct' : undefined) : (() => {
    const m = awsPrincipalMatches(grant.GranteePrincipal, caller);
    return m.result === 'match' && m.scope === 'direct' ? 'direct' : undefined;
  })();
  if (!grantee) return { ...base, result: 'no-match', reason: 'grantee-differs', detail: `The grantee is ${grant.GranteePrincipal}, not the caller ${caller.arn}.` };
  const operation = action.replace(/^kms:/i, '');
  if (!grant.Operations.includes(operation)) {
    return { ...base, result: 'no-match', reason: 'operation-not-granted', detail: `The grant allows ${grant.Operations.join(', ')}, not ${operation}.` };
  }
  const pairs = (ec: Readonly<Record<string, string>>) => Object.entries(ec).map(([k, v]) => `${k}=${v}`).join(', ') || 'none';
  const equals = grant.Constraints?.EncryptionContextEquals;
  if (equals) {
    const same = Object.keys(equals).length === Object.keys(encryptionContext).length && Object.entries(equals).every(([k, v]) => encryptionContext[k] === v);
    if (!same) return { ...base, result: 'no-match', reason: 'context-not-equal', detail: `EncryptionContextEquals requires exactly {${pairs(equals)}}; the request has {${pairs(encryptionContext)}}.` };
  }
  const subset = grant.Constraints?.EncryptionContextSubset;
  if (subset && !Object.entries(subset).every(([k, v]) => encryptionContext[k] === v)) {
    return { ...base, result: 'no-match', reason: 'context-not-subset', detail: `EncryptionContextSubset requires {${pairs(subset)}} among the request's pairs {${pairs(encryptionContext)}}.` };
  }
  return { ...base, result: 'match', reason: 'grant-matched', detail: `The grant gives ${grant.GranteePrincipal} ${operation}${equals || subset ? ' and the encryption context meets its constraint' : ''}.` };
}
