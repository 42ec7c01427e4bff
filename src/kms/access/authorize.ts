import { type KmsCaller, callerAccount } from '../caller.ts';
import type { KmsKey } from '../keys/kms-key.ts';
import { evaluateKmsAccess } from './policy/evaluate.ts';
import type { DecisionPath, KmsAccessResult, NamedPolicy } from './policy/types.ts';

/**
 * THE authorization seam. Every call is authorized here before it acts: the engine asks one
 * question — may this caller perform this action on this key? — and `createKms({ authorize })`
 * can replace `defaultAuthorizer`.
 *
 * Key calls are decided by the access decision engine (`policy/evaluate.ts`, reference §11.2):
 * explicit Deny anywhere wins (also a Deny it cannot fully evaluate); the key policy allows the
 * caller directly, or delegates to IAM through the account statement and IAM allows; across
 * accounts both the key policy and the caller's IAM must allow; a grant allows its operations
 * under its encryption-context constraint; otherwise AWS's AccessDeniedException message. IAM is
 * `caller.iamAllows` (allow-all unless the world says otherwise). The request context carries
 * kms:ViaService, the encryption context, kms:GrantIsForAWSResource on CreateGrant, and
 * aws:SourceIp when the request carries `sourceIp` (the engine does not pass it yet).
 * Key-less calls (CreateKey, ListKeys …) are IAM's alone.
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
  /** The caller's IP address (aws:SourceIp), when the engine knows it. */
  sourceIp?: string;
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
  /**
   * Statements (Sid, or `Statement[i]`) with a part the engine could not evaluate: such an Allow
   * does not allow, such a Deny still denies. Details are in `access.trace.notEvaluated`.
   */
  notEvaluated: string[];
  /** AccessDeniedException text when denied. */
  message?: string;
  /** The full decision with its trace (key calls only), for the decision view and the audit. */
  access?: KmsAccessResult;
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

/**
 * The caller's identity policies as the world models them today: `iamAllows(action, resource)`
 * (absent = IAM allows everything). They become one identity policy for the evaluator, so the
 * trace shows what IAM contributed; a real set of identity policies replaces this when the
 * simulated world holds them.
 */
function identityPoliciesOf(caller: KmsCaller, action: string, keyArn: string): NamedPolicy[] {
  if (!caller.iamAllows) {
    return [{ name: 'IAM (not modelled for this caller: allows everything)', document: { Version: '2012-10-17', Statement: [{ Sid: 'AllowAll', Effect: 'Allow', Action: '*', Resource: '*' }] } }];
  }
  if (!caller.iamAllows(action, keyArn)) return [];
  return [{ name: "IAM (the world's answer for this call)", document: { Version: '2012-10-17', Statement: [{ Sid: 'Allow', Effect: 'Allow', Action: action, Resource: keyArn }] } }];
}

function requestContext(request: AuthorizationRequest): Record<string, string | boolean> {
  const { action, viaService, encryptionContext, sourceIp } = request;
  const context: Record<string, string | boolean> = {};
  if (viaService) context['kms:ViaService'] = viaService;
  if (sourceIp) context['aws:SourceIp'] = sourceIp;
  // AWS sets this key on CreateGrant: true only when an integrated service asks on the caller's behalf.
  if (action === 'kms:CreateGrant') context['kms:GrantIsForAWSResource'] = viaService !== undefined;
  for (const [k, v] of Object.entries(encryptionContext ?? {})) context[`kms:EncryptionContext:${k}`] = v;
  return context;
}

const REASON_BY_PATH: Record<DecisionPath, AuthorizationDecision['reason']> = {
  'explicit-deny-key-policy': 'explicit-deny',
  'explicit-deny-identity-policy': 'explicit-deny',
  'key-policy-allows-principal': 'key-policy-principal',
  'key-policy-and-iam-allow': 'key-policy-delegates-to-iam',
  'grant-allows': 'grant',
  'key-policy-delegates-but-iam-lacks': 'iam-denies',
  'cross-account-iam-lacks': 'iam-denies',
  'key-policy-does-not-delegate': 'no-key-policy-allow',
  'cross-account-key-policy-lacks': 'no-key-policy-allow',
};

export const defaultAuthorizer: Authorizer = (request) => {
  const { caller, action, key, accountId } = request;
  const account = callerAccount(caller, accountId);
  const denied = (reason: AuthorizationDecision['reason'], because: string): AuthorizationDecision => ({
    allowed: false,
    reason,
    notEvaluated: [],
    message: `User: ${caller.arn} is not authorized to perform: ${action} on resource: ${key?.arn ?? '*'} ${because}`,
  });

  if (!key) {
    return caller.iamAllows?.(action, '*') ?? true
      ? { allowed: true, reason: 'iam-only', notEvaluated: [] }
      : denied('iam-denies', `because no identity-based policy allows the ${action} action`);
  }
  if (key.accountId !== account && !CROSS_ACCOUNT_ACTIONS.has(action)) {
    return denied('cross-account-not-supported', `because no resource-based policy allows the ${action} action`);
  }

  const access = evaluateKmsAccess({
    caller: { arn: caller.arn, accountId: account },
    action,
    key: { arn: key.arn, accountId: key.accountId, policy: key.policy },
    identityPolicies: identityPoliciesOf(caller, action, key.arn),
    grants: key.grants.map((g) => ({
      GrantId: g.grantId,
      GranteePrincipal: g.granteePrincipal,
      Operations: g.operations,
      ...(g.constraints ? { Constraints: g.constraints } : {}),
    })),
    context: requestContext(request),
  });
  const notEvaluated = [...new Set(access.trace.notEvaluated.map((n) => n.where.sid ?? `Statement[${n.where.index}]`))];
  const decision: AuthorizationDecision = { allowed: access.decision === 'Allow', reason: REASON_BY_PATH[access.trace.path], notEvaluated, access };
  if (access.message) decision.message = access.message;
  return decision;
};
