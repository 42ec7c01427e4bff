import { describe, expect, it } from 'vitest';
import { defaultAuthorizer } from '../../../src/kms/access/authorize.ts';
import type { KmsKey } from '../../../src/kms/keys/kms-key.ts';
import { consoleKeyPolicy } from '../../../src/kms/access/policy/index.ts';
import { ACCOUNT, ENABLE_IAM, KEY_ARN, USER_ROLE, USER_SESSION, keyPolicy } from './fixtures.ts';

/** The engine's seam feeds the request context to the decision engine.
 * Sources: https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html (kms:GrantIsForAWSResource),
 * https://docs.aws.amazon.com/kms/latest/developerguide/conditions-aws.html (aws:SourceIp) */
const keyWith = (policy: object | string): KmsKey =>
  // Only the members the seam reads; the rest of a key is irrelevant to authorization.
  ({ arn: KEY_ARN, accountId: ACCOUNT, policy: typeof policy === 'string' ? policy : JSON.stringify(policy), grants: [] }) as unknown as KmsKey;
const session = { arn: USER_SESSION, iamAllows: () => false };

describe('defaultAuthorizer', () => {
  it('sets kms:GrantIsForAWSResource on CreateGrant from whether a service is asking', () => {
    const key = keyWith(consoleKeyPolicy({ accountId: ACCOUNT, administrators: [], users: [USER_ROLE] }));
    const viaEbs = defaultAuthorizer({ caller: session, action: 'kms:CreateGrant', key, accountId: ACCOUNT, viaService: 'ec2.us-west-2.amazonaws.com' });
    expect([viaEbs.allowed, viaEbs.reason]).toEqual([true, 'key-policy-principal']);
    const direct = defaultAuthorizer({ caller: session, action: 'kms:CreateGrant', key, accountId: ACCOUNT });
    expect([direct.allowed, direct.reason]).toEqual([false, 'iam-denies']);
  });

  it('passes aws:SourceIp when the request carries it', () => {
    const key = keyWith(keyPolicy(ENABLE_IAM, { Sid: 'Office', Effect: 'Allow', Principal: { AWS: USER_ROLE }, Action: 'kms:Decrypt', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '192.0.2.0/24' } } }));
    expect(defaultAuthorizer({ caller: session, action: 'kms:Decrypt', key, accountId: ACCOUNT, sourceIp: '192.0.2.8' }).allowed).toBe(true);
    expect(defaultAuthorizer({ caller: session, action: 'kms:Decrypt', key, accountId: ACCOUNT, sourceIp: '198.51.100.8' }).allowed).toBe(false);
    expect(defaultAuthorizer({ caller: session, action: 'kms:Decrypt', key, accountId: ACCOUNT }).allowed).toBe(false);
  });

  it('attaches the full decision and names statements it could not evaluate', () => {
    const key = keyWith(keyPolicy(ENABLE_IAM, { Effect: 'Allow', Principal: { AWS: USER_ROLE }, Action: 'kms:Decrypt', Resource: '*', Condition: { StringEquals: { 'ec2:Region': 'us-west-2' } } }));
    const decision = defaultAuthorizer({ caller: session, action: 'kms:Decrypt', key, accountId: ACCOUNT });
    expect(decision.notEvaluated).toEqual(['Statement[1]']);
    expect(decision.access?.trace.policies[0].statements).toHaveLength(2);
    expect(decision.message).toBe(decision.access?.message);
  });

  it('without iamAllows the caller is treated as allowed by IAM, and the trace says so', () => {
    const decision = defaultAuthorizer({ caller: { arn: USER_SESSION }, action: 'kms:Decrypt', key: keyWith(keyPolicy(ENABLE_IAM)), accountId: ACCOUNT });
    expect([decision.allowed, decision.reason]).toEqual([true, 'key-policy-delegates-to-iam']);
    expect(decision.access?.trace.policies[1].name).toBe('IAM (not modelled for this caller: allows everything)');
  });
});
