import type { NamedPolicy } from './access/policy/types.ts';

/**
 * Who is calling. The world (a lesson, the terminal, the SDK client) says who the caller is; KMS
 * Lab has no authentication, so any SigV4 identity the wire layer sees maps to one of these.
 */
export interface KmsCaller {
  /** IAM ARN of the principal, e.g. `arn:aws:iam::111122223333:user/alice` or `arn:aws:iam::111122223333:root`. */
  arn: string;
  /** Defaults to the account in the ARN. */
  accountId?: string;
  /** CloudTrail userIdentity.type; derived from the ARN when absent. */
  type?: 'IAMUser' | 'AssumedRole' | 'Root' | 'AWSService' | 'FederatedUser';
  principalId?: string;
  accessKeyId?: string;
  /**
   * The caller's IAM identity policies, as far as this issue models them: whether they allow
   * `action` on `resource`. Absent = IAM allows everything (the world says otherwise by setting it).
   */
  iamAllows?: (action: string, resource: string) => boolean;
  /**
   * The caller's IAM identity policies (attached and inline; for an assumed-role session, its
   * role's), evaluated for real by the policy engine. When set, it replaces `iamAllows`; an empty
   * list means "no IAM permissions at all". The simulated world (src/sim/world) fills it.
   */
  identityPolicies?: NamedPolicy[];
  /** The principal's IAM tags, seen by conditions as `aws:PrincipalTag/<key>`. */
  tags?: Record<string, string>;
}

export interface CallContext {
  caller: KmsCaller;
  /** The Region of the endpoint called, e.g. `eu-west-2`. */
  region: string;
  sourceIp?: string;
  userAgent?: string;
  /** Set when an integrated AWS service calls on the caller's behalf, e.g. `s3.eu-west-2.amazonaws.com`. */
  viaService?: string;
  /** The request id the transport already answered with (x-amzn-RequestId), so CloudTrail's requestID matches it. */
  requestId?: string;
}

export function callerAccount(caller: KmsCaller, fallback: string): string {
  return caller.accountId ?? /^arn:aws[a-z-]*:(?:iam|sts)::(\d{12}):/.exec(caller.arn)?.[1] ?? fallback;
}

export function callerType(caller: KmsCaller): NonNullable<KmsCaller['type']> {
  if (caller.type) return caller.type;
  if (caller.arn.endsWith(':root')) return 'Root';
  if (caller.arn.includes(':assumed-role/')) return 'AssumedRole';
  return 'IAMUser';
}
