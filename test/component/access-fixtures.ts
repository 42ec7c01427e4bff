/**
 * Requests for the access views' tests, decided by the real engine (evaluateKmsAccess): the same
 * accounts and principals as the AWS documentation examples.
 */
import { defaultKeyPolicy, evaluateKmsAccess, type KmsAccessRequest, type NamedPolicy, type RecordedDecision } from '../../src/kms/index.ts';

export const ACCOUNT = '111122223333';
export const KEY_ARN = `arn:aws:kms:eu-west-2:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
export const ALICE = `arn:aws:iam::${ACCOUNT}:user/alice`;
export const BOB = `arn:aws:iam::${ACCOUNT}:user/bob`;
export const PARTNER = 'arn:aws:iam::444455556666:user/partner';

type DecideOptions = Pick<Partial<KmsAccessRequest>, 'action' | 'grants' | 'context'> & { caller?: string; policy?: string | object; identityPolicies?: NamedPolicy[] };

export function decide(request: DecideOptions): RecordedDecision {
  const arn = request.caller ?? BOB;
  const full: KmsAccessRequest = {
    caller: { arn, accountId: /::(\d{12}):/.exec(arn)?.[1] ?? ACCOUNT },
    action: request.action ?? 'kms:Decrypt',
    key: { arn: KEY_ARN, accountId: ACCOUNT, policy: request.policy ?? defaultKeyPolicy(ACCOUNT) },
    identityPolicies: request.identityPolicies ?? [],
    grants: request.grants ?? [],
    context: request.context ?? {},
  };
  return { request: full, result: evaluateKmsAccess(full) };
}

export const allowDecrypt: NamedPolicy = {
  name: 'AppDecrypt',
  document: { Version: '2012-10-17', Statement: [{ Sid: 'UseKey', Effect: 'Allow', Action: 'kms:Decrypt', Resource: KEY_ARN }] },
};

/** A key policy that only lets Alice use the key through S3, and never lets anyone disable it. */
export const viaS3Policy = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' },
    { Sid: 'DenyOutsideS3', Effect: 'Deny', Principal: '*', Action: 'kms:Decrypt', Resource: '*', Condition: { StringNotEquals: { 'kms:ViaService': 's3.eu-west-2.amazonaws.com' } } },
  ],
};
