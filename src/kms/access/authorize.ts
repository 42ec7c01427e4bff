import { type KmsCaller, callerAccount } from '../caller.ts';
import type { KmsKey } from '../keys/kms-key.ts';
import { evaluateKmsAccess } from './policy/evaluate.ts';
import type { ContextValue, DecisionPath, KmsAccessRequest, KmsAccessResult, NamedPolicy } from './policy/types.ts';

/**
 * THE authorization seam. Every call is authorized here before it acts: the engine asks one
 * question — may this caller perform this action (on this key)? — and `createKms({ authorize })`
 * can replace `defaultAuthorizer`.
 *
 * Every call, with a key or without, is decided by the access decision engine
 * (`policy/evaluate.ts`, reference §11.2): explicit Deny anywhere wins (also a Deny it cannot fully
 * evaluate); the key policy allows the caller directly, or delegates to IAM through the account
 * statement and IAM allows; across accounts both the key policy and the caller's own IAM must
 * allow, and only the operations KMS performs across accounts are possible; a grant allows its
 * operations under its encryption-context constraint; otherwise AWS's AccessDeniedException
 * message. Key-less calls (CreateKey, ListKeys …) are decided by the identity policies alone.
 *
 * IAM is the caller's `identityPolicies` (the simulated world's real documents), or for callers
 * that predate them `iamAllows` (allow-all when absent). The request context carries what AWS
 * derives from the caller (aws:PrincipalArn, aws:username, aws:userid, aws:PrincipalTag/… from
 * `tags`), kms:ViaService, the encryption context, aws:SourceIp, aws:RequestedRegion,
 * aws:SecureTransport, aws:CurrentTime / aws:EpochTime from the model clock,
 * kms:GrantIsForAWSResource on CreateGrant, and the keys the operation adds (request-keys.ts).
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
  /** Model time of the call in ms (aws:CurrentTime, aws:EpochTime); absent = those keys are absent. */
  now?: number;
  /** The Region of the endpoint called (aws:RequestedRegion). */
  region?: string;
  /** Further request context keys the operation supplies (e.g. kms:EncryptionAlgorithm). */
  context?: Readonly<Record<string, ContextValue>>;
}

export interface AuthorizationDecision {
  allowed: boolean;
  /** Which rule decided: machine-readable, for the explanation views. */
  reason:
    | 'iam-only' // no key involved: IAM decided
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
  /** The full decision with its trace, for the decision view and the audit. */
  access?: KmsAccessResult;
  /** The exact input `access` was computed from (recorded with the audit event: kms.audit.decisionOf). */
  request?: KmsAccessRequest;
}

export type Authorizer = (request: AuthorizationRequest) => AuthorizationDecision;

// Frozen: recorded decisions share it, and a view must not be able to change what they saw.
const ALLOW_ALL: NamedPolicy = Object.freeze({
  name: 'IAM (not modelled for this caller: allows everything)',
  document: Object.freeze({ Version: '2012-10-17', Statement: Object.freeze([Object.freeze({ Sid: 'AllowAll', Effect: 'Allow', Action: '*', Resource: '*' })]) }),
});

/**
 * The caller's identity policies as the evaluator takes them. A caller from the simulated world
 * brings its real documents. An older caller says only `iamAllows(action, resource)`: that answer
 * becomes one policy, so the trace still shows what IAM contributed.
 */
function identityPoliciesOf(caller: KmsCaller, action: string, resource: string): NamedPolicy[] {
  if (caller.identityPolicies) return caller.identityPolicies;
  if (!caller.iamAllows) return [ALLOW_ALL];
  if (!caller.iamAllows(action, resource)) return [];
  return [{ name: "IAM (the world's answer for this call)", document: { Version: '2012-10-17', Statement: [{ Sid: 'Allow', Effect: 'Allow', Action: action, Resource: resource }] } }];
}

// Model time often stands still between calls: format each instant once.
let lastInstant: { now: number; iso: string } | undefined;
const isoAt = (now: number): string => {
  if (lastInstant?.now !== now) lastInstant = { now, iso: new Date(now).toISOString() };
  return lastInstant.iso;
};

function requestContext(request: AuthorizationRequest): Record<string, ContextValue> {
  const { caller, action, viaService, encryptionContext, sourceIp, now, region } = request;
  // Every KMS endpoint is HTTPS-only, so every request arrived over TLS.
  const context: Record<string, ContextValue> = { 'aws:SecureTransport': true };
  if (region) context['aws:RequestedRegion'] = region;
  if (caller.principalId) context['aws:userid'] = caller.principalId;
  if (now !== undefined) {
    context['aws:CurrentTime'] = isoAt(now);
    context['aws:EpochTime'] = Math.floor(now / 1000);
  }
  if (viaService) context['kms:ViaService'] = viaService;
  if (sourceIp) context['aws:SourceIp'] = sourceIp;
  // AWS sets this key on CreateGrant: true only when an integrated service asks on the caller's behalf.
  if (action === 'kms:CreateGrant') context['kms:GrantIsForAWSResource'] = viaService !== undefined;
  for (const [k, v] of Object.entries(encryptionContext ?? {})) context[`kms:EncryptionContext:${k}`] = v;
  return { ...context, ...request.context };
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
  'cross-account-operation-not-supported': 'cross-account-not-supported',
  'keyless-iam-allows': 'iam-only',
  'keyless-iam-lacks': 'iam-denies',
};

/** What the seam gives the decision engine for one call: recorded as is for the decision view. */
export function accessRequestOf(request: AuthorizationRequest): KmsAccessRequest {
  const { caller, action, key } = request;
  const tags = caller.tags && Object.keys(caller.tags).length ? { tags: { ...caller.tags } } : {};
  return {
    caller: { arn: caller.arn, accountId: callerAccount(caller, request.accountId), ...tags },
    action,
    ...(key ? { key: { arn: key.arn, accountId: key.accountId, policy: key.policy } } : {}),
    identityPolicies: identityPoliciesOf(caller, action, key?.arn ?? '*'),
    ...(key
      ? {
          grants: key.grants.map((g) => ({
            GrantId: g.grantId,
            GranteePrincipal: g.granteePrincipal,
            Operations: g.operations,
            ...(g.constraints ? { Constraints: g.constraints } : {}),
          })),
        }
      : {}),
    context: requestContext(request),
  };
}

export const defaultAuthorizer: Authorizer = (authorization) => {
  const request = accessRequestOf(authorization);
  const access = evaluateKmsAccess(request);
  const notEvaluated = [...new Set(access.trace.notEvaluated.map((n) => n.where.sid ?? `Statement[${n.where.index}]`))];
  const decision: AuthorizationDecision = { allowed: access.decision === 'Allow', reason: REASON_BY_PATH[access.trace.path], notEvaluated, access, request };
  if (access.message) decision.message = access.message;
  return decision;
};
