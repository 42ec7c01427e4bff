import { describe, expect, it } from 'vitest';
import { defaultAuthorizer } from '../../../src/kms/access/authorize.ts';
import type { KmsKey } from '../../../src/kms/keys/kms-key.ts';
import { consoleKeyPolicy } from '../../../src/kms/access/policy/index.ts';
import { ACCOUNT, ALICE, ENABLE_IAM, EXTERNAL, KEY_ARN, USER_ROLE, USER_SESSION, keyPolicy } from './fixtures.ts';

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

  it("evaluates a caller's own identity policies and tags for real", () => {
    const key = keyWith(keyPolicy(ENABLE_IAM, { Sid: 'Tagged', Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:Decrypt', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/Team': 'red', 'kms:CallerAccount': ACCOUNT } } }));
    const decryptOnly = [{ name: 'DecryptOnly', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: KEY_ARN }] } }];
    const alice = { arn: ALICE, identityPolicies: decryptOnly, tags: { Team: 'blue' } };
    const viaIam = defaultAuthorizer({ caller: alice, action: 'kms:Decrypt', key, accountId: ACCOUNT });
    expect([viaIam.allowed, viaIam.access?.trace.path, viaIam.request?.identityPolicies]).toEqual([true, 'key-policy-and-iam-allow', decryptOnly]);
    expect(defaultAuthorizer({ caller: alice, action: 'kms:Encrypt', key, accountId: ACCOUNT }).reason).toBe('iam-denies');
    const byTag = defaultAuthorizer({ caller: { ...alice, identityPolicies: [], tags: { Team: 'red' } }, action: 'kms:Decrypt', key, accountId: ACCOUNT });
    expect([byTag.allowed, byTag.request?.caller.tags]).toEqual([true, { Team: 'red' }]);
    // identityPolicies wins over the older iamAllows.
    expect(defaultAuthorizer({ caller: { arn: ALICE, identityPolicies: [], iamAllows: () => true }, action: 'kms:Encrypt', key, accountId: ACCOUNT }).allowed).toBe(false);
  });

  it('gives aws:CurrentTime and aws:EpochTime from the model time of the call', () => {
    const key = keyWith(keyPolicy(ENABLE_IAM, { Sid: 'Until 2027', Effect: 'Allow', Principal: { AWS: USER_ROLE }, Action: 'kms:Decrypt', Resource: '*', Condition: { DateLessThan: { 'aws:CurrentTime': '2027-01-01T00:00:00Z' } } }));
    const at = (iso: string) => defaultAuthorizer({ caller: session, action: 'kms:Decrypt', key, accountId: ACCOUNT, now: Date.parse(iso) });
    expect(at('2026-06-01T00:00:00Z').allowed).toBe(true);
    expect(at('2027-06-01T00:00:00Z').allowed).toBe(false);
    expect(at('2026-06-01T00:00:00Z').request?.context).toMatchObject({ 'aws:CurrentTime': '2026-06-01T00:00:00.000Z', 'aws:EpochTime': 1780272000 });
  });

  it('decides key-less calls by the identity policies, explicit deny included', () => {
    const admin = [{ name: 'Admin', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }, { Sid: 'NoNewKeys', Effect: 'Deny', Action: 'kms:CreateKey', Resource: '*' }] } }];
    const createKey = defaultAuthorizer({ caller: { arn: ALICE, identityPolicies: admin }, action: 'kms:CreateKey', accountId: ACCOUNT });
    expect([createKey.allowed, createKey.reason, createKey.message]).toEqual([false, 'explicit-deny', `User: ${ALICE} is not authorized to perform: kms:CreateKey on resource: * with an explicit deny in an identity-based policy`]);
    const listKeys = defaultAuthorizer({ caller: { arn: ALICE, identityPolicies: admin }, action: 'kms:ListKeys', accountId: ACCOUNT });
    expect([listKeys.allowed, listKeys.reason, listKeys.request?.key]).toEqual([true, 'iam-only', undefined]);
    // The root user needs no identity policy.
    expect(defaultAuthorizer({ caller: { arn: `arn:aws:iam::${ACCOUNT}:root`, identityPolicies: [] }, action: 'kms:CreateKey', accountId: ACCOUNT }).allowed).toBe(true);
  });

  it('refuses operations KMS never performs on another account\'s key, whatever the policies say', () => {
    const everyone = keyWith(keyPolicy(ENABLE_IAM, { Sid: 'Partner', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${EXTERNAL}:root` }, Action: 'kms:*', Resource: '*' }));
    const partner = { arn: `arn:aws:iam::${EXTERNAL}:user/dave`, identityPolicies: [{ name: 'All', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }] } }] };
    const put = defaultAuthorizer({ caller: partner, action: 'kms:PutKeyPolicy', key: everyone, accountId: EXTERNAL });
    expect([put.allowed, put.reason, put.access?.trace.path]).toEqual([false, 'cross-account-not-supported', 'cross-account-operation-not-supported']);
    expect(put.message).toMatch(/because no resource-based policy allows the kms:PutKeyPolicy action$/);
    expect(defaultAuthorizer({ caller: partner, action: 'kms:DescribeKey', key: everyone, accountId: EXTERNAL }).allowed).toBe(true);
  });

  it('adds what every request carries: TLS, the Region called and the caller\'s unique id', () => {
    const key = keyWith(keyPolicy(ENABLE_IAM));
    const decision = defaultAuthorizer({ caller: { arn: USER_SESSION, principalId: 'AROAEXAMPLEID:app-session' }, action: 'kms:Decrypt', key, accountId: ACCOUNT, region: 'eu-west-2' });
    expect(decision.request?.context).toMatchObject({ 'aws:SecureTransport': true, 'aws:RequestedRegion': 'eu-west-2', 'aws:userid': 'AROAEXAMPLEID:app-session' });
    // A Region-pinning deny in an identity policy (a common guard) now sees the Region.
    const pinned = [{ name: 'Pin', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }, { Effect: 'Deny', Action: '*', Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': 'eu-west-2' } } }] } }];
    const at = (region: string) => defaultAuthorizer({ caller: { arn: ALICE, identityPolicies: pinned }, action: 'kms:CreateKey', accountId: ACCOUNT, region }).allowed;
    expect([at('eu-west-2'), at('us-east-1')]).toEqual([true, false]);
  });
});
