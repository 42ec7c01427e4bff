import { type KmsCaller, callerAccount } from '../caller.ts';
import type { Grant, KmsKey } from '../keys/kms-key.ts';
import { actionMatches, conditionsHold, parsePolicy, principalsOf } from './policy-document.ts';

/**
 * THE authorization seam. Every call is authorized here before it acts: the engine asks one
 * question — may this caller perform this action on this key? — and a later issue's full policy
 * engine (with explanations) replaces `defaultAuthorizer` through `createKms({ authorize })`.
 *
 * What the default already does (reference §11.2): explicit Deny in the key policy wins; a
 * statement naming the caller allows; a statement naming the caller's account root delegates to
 * IAM (`caller.iamAllows`, allow-all unless the world says otherwise); otherwise a grant for the
 * caller allows the grant's operations; otherwise the call is denied with AWS's message.
 * Conditions other than StringEquals on kms:CallerAccount/kms:ViaService are not evaluated here:
 * such a statement is skipped and the decision says so.
 */
export interface AuthorizationRequest {
  caller: KmsCaller;
  /** e.g. `kms:Encrypt`. */
  action: string;
  /** Absent for operations without a key (CreateKey, ListKeys, GenerateRandom …). */
  key?: KmsKey;
  /** The account a key-less call acts in. */
  accountId: string;
  viaService?: string;
  encryptionContext?: Record<string, string>;
}

export interface AuthorizationDecision {
  allowed: boolean;
  /** Which rule decided: machine-readable, for the later explanation views. */
  reason:
    | 'iam-only' // no key involved: IAM decides
    | 'key-policy-principal'
    | 'key-policy-delegates-to-iam'
    | 'grant'
    | 'explicit-deny'
    | 'iam-denies'
    | 'no-key-policy-allow'
    | 'cross-account-not-supported';
  /** Statements whose conditions this seam could not evaluate (skipped, never guessed). */
  notEvaluated: string[];
  /** AccessDeniedException text when denied. */
  message?: string;
}

export type Authorizer = (request: AuthorizationRequest) => AuthorizationDecision;

/** Operations that may use a key of another account (reference §2). */
const CROSS_ACCOUNT_ACTIONS = new Set(
  [
    'Encrypt', 'Decrypt', 'ReEncryptFrom', 'ReEncryptTo', 'GenerateDataKey', 'GenerateDataKeyWithoutPlaintext',
    'GenerateDataKeyPair', 'GenerateDataKeyPairWithoutPlaintext', 'Sign', 'Verify', 'GenerateMac', 'VerifyMac',
    'DeriveSharedSecret', 'CreateGrant', 'DescribeKey', 'GetKeyRotationStatus', 'GetPublicKey', 'ListGrants',
    'RetireGrant', 'RevokeGrant',
  ].map((a) => `kms:${a}`),
);

function grantAllows(grant: Grant, caller: KmsCaller, action: string, context: Record<string, string> | undefined): boolean {
  if (grant.granteePrincipal !== caller.arn) return false;
  if (!grant.operations.includes(action.slice('kms:'.length))) return false;
  const c = grant.constraints;
  if (c?.EncryptionContextEquals) {
    const want = c.EncryptionContextEquals;
    const got = context ?? {};
    if (Object.keys(want).length !== Object.keys(got).length) return false;
    if (!Object.entries(want).every(([k, v]) => got[k] === v)) return false;
  }
  if (c?.EncryptionContextSubset) {
    const got = context ?? {};
    if (!Object.entries(c.EncryptionContextSubset).every(([k, v]) => got[k] === v)) return false;
  }
  return true;
}

export const defaultAuthorizer: Authorizer = ({ caller, action, key, accountId, viaService, encryptionContext }) => {
  const account = callerAccount(caller, accountId);
  const iam = (resource: string) => caller.iamAllows?.(action, resource) ?? true;
  const denied = (reason: AuthorizationDecision['reason'], because: string, notEvaluated: string[] = []): AuthorizationDecision => ({
    allowed: false,
    reason,
    notEvaluated,
    message: `User: ${caller.arn} is not authorized to perform: ${action} on resource: ${key?.arn ?? '*'} ${because}`,
  });

  if (!key) {
    return iam('*')
      ? { allowed: true, reason: 'iam-only', notEvaluated: [] }
      : denied('iam-denies', `because no identity-based policy allows the ${action} action`);
  }
  if (key.accountId !== account && !CROSS_ACCOUNT_ACTIONS.has(action)) {
    return denied('cross-account-not-supported', `because no resource-based policy allows the ${action} action`);
  }

  const policy = parsePolicy(key.policy);
  const facts = { callerAccount: account, viaService };
  const notEvaluated: string[] = [];
  let directAllow = false;
  let delegatesToIam = false;
  for (const [index, statement] of (policy?.Statement ?? []).entries()) {
    if (!actionMatches(statement, action)) continue;
    const principals = principalsOf(statement);
    const namesCaller = principals.includes('*') || principals.includes(caller.arn);
    const namesAccount = principals.includes(`arn:aws:iam::${account}:root`);
    if (!namesCaller && !namesAccount) continue;
    const condition = conditionsHold(statement, facts);
    if (condition === 'unknown') {
      notEvaluated.push(statement.Sid ?? `Statement[${index}]`);
      continue;
    }
    if (condition === 'no-match') continue;
    if (statement.Effect === 'Deny') {
      return denied('explicit-deny', 'with an explicit deny in a resource-based policy', notEvaluated);
    }
    if (namesCaller) directAllow = true;
    if (namesAccount) delegatesToIam = true;
  }
  if (directAllow) return { allowed: true, reason: 'key-policy-principal', notEvaluated };
  if (delegatesToIam) {
    return iam(key.arn)
      ? { allowed: true, reason: 'key-policy-delegates-to-iam', notEvaluated }
      : denied('iam-denies', `because no identity-based policy allows the ${action} action`, notEvaluated);
  }
  if (key.grants.some((g) => grantAllows(g, caller, action, encryptionContext))) {
    return { allowed: true, reason: 'grant', notEvaluated };
  }
  return denied('no-key-policy-allow', `because no resource-based policy allows the ${action} action`, notEvaluated);
};
