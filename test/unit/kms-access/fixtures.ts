import type { DecisiveRef, KmsAccessRequest, KmsAccessResult, KmsGrantInput, NamedPolicy, RequestContext } from '../../../src/kms/access/policy/index.ts';
import { evaluateKmsAccess } from '../../../src/kms/access/policy/index.ts';

/** The accounts, principals and key of the AWS documentation examples. */
export const ACCOUNT = '111122223333';
export const EXTERNAL = '444455556666';
export const KEY_ARN = `arn:aws:kms:us-west-2:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
export const ROOT = `arn:aws:iam::${ACCOUNT}:root`;
export const ALICE = `arn:aws:iam::${ACCOUNT}:user/alice`;
export const BOB = `arn:aws:iam::${ACCOUNT}:user/bob`;
export const ADMIN_ROLE = `arn:aws:iam::${ACCOUNT}:role/KMSAdminRole`;
export const ADMIN_SESSION = `arn:aws:sts::${ACCOUNT}:assumed-role/KMSAdminRole/admin-session`;
export const USER_ROLE = `arn:aws:iam::${ACCOUNT}:role/ExampleUserRole`;
export const USER_SESSION = `arn:aws:sts::${ACCOUNT}:assumed-role/ExampleUserRole/app-session`;
export const EXTERNAL_ROOT = `arn:aws:iam::${EXTERNAL}:root`;
export const EXTERNAL_ROLE = `arn:aws:iam::${EXTERNAL}:role/ExampleRole`;
export const EXTERNAL_SESSION = `arn:aws:sts::${EXTERNAL}:assumed-role/ExampleRole/partner`;

export interface Case {
  name: string;
  /** The AWS documentation page the case is taken from. */
  source: string;
  caller: string;
  callerTags?: Record<string, string>;
  action: string;
  keyPolicy: object | string;
  identityPolicies?: NamedPolicy[];
  grants?: KmsGrantInput[];
  context?: RequestContext;
  expect: {
    decision: KmsAccessResult['decision'];
    /** `key/<Sid>`, `iam/<policy>/<Sid>`, `grant/<GrantId>`. */
    decisive: string[];
    /** Denials only: which AWS message wording. */
    because?: 'no-identity' | 'no-resource' | 'resource-deny' | 'identity-deny';
    notEvaluated?: number;
  };
}

const accountOf = (arn: string) => /::(\d{12}):/.exec(arn)?.[1] ?? ACCOUNT;

export function run(c: Pick<Case, 'caller' | 'callerTags' | 'action' | 'keyPolicy' | 'identityPolicies' | 'grants' | 'context'>): KmsAccessResult {
  const request: KmsAccessRequest = {
    caller: { arn: c.caller, accountId: accountOf(c.caller), ...(c.callerTags ? { tags: c.callerTags } : {}) },
    action: c.action,
    key: { arn: KEY_ARN, accountId: ACCOUNT, policy: c.keyPolicy },
    identityPolicies: c.identityPolicies ?? [],
    grants: c.grants ?? [],
    context: c.context ?? {},
  };
  return evaluateKmsAccess(request);
}

export function decisiveLabels(result: KmsAccessResult): string[] {
  return result.trace.decisive.map((r: DecisiveRef) => {
    if (r.source === 'grant') return `grant/${r.grantId ?? r.granteePrincipal}`;
    const name = r.sid ?? `#${r.index}`;
    return r.source === 'key-policy' ? `key/${name}` : `iam/${r.policyName}/${name}`;
  });
}

/** AWS's AccessDeniedException wording, written out here independently of the engine's own table. */
export function awsMessage(caller: string, action: string, because: NonNullable<Case['expect']['because']>): string {
  const tail = {
    'no-identity': `because no identity-based policy allows the ${action} action`,
    'no-resource': `because no resource-based policy allows the ${action} action`,
    'resource-deny': 'with an explicit deny in a resource-based policy',
    'identity-deny': 'with an explicit deny in an identity-based policy',
  }[because];
  return `User: ${caller} is not authorized to perform: ${action} on resource: ${KEY_ARN} ${tail}`;
}

/** An identity policy with one statement. */
export function iam(name: string, statement: Record<string, unknown>): NamedPolicy {
  return { name, document: { Version: '2012-10-17', Statement: [statement] } };
}

export function keyPolicy(...statements: Record<string, unknown>[]): object {
  return { Version: '2012-10-17', Id: 'key-test-1', Statement: statements };
}

export const ENABLE_IAM = { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: ROOT }, Action: 'kms:*', Resource: '*' };
