import { describe, expect, it } from 'vitest';
import type { CallContext } from '../../../src/kms/caller.ts';
import { ACCOUNT, REGION, alice, failure, newKey, testKms, text } from '../kms/fixtures.ts';

/**
 * The engine decides every key call with the access decision engine (src/kms/access/authorize.ts).
 * Sources: https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html (encryption
 * context conditions), https://docs.aws.amazon.com/kms/latest/developerguide/grants.html (grants,
 * retiring), https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html
 * (the lock-out safety check).
 */
const BOB_ARN = `arn:aws:iam::${ACCOUNT}:user/bob`;
// bob has no identity policies at all: only the key policy or a grant can let him in.
const bob: CallContext = { caller: { arn: BOB_ARN, iamAllows: () => false }, region: REGION };
const ROOT_STATEMENT = { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' };
const policy = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: [ROOT_STATEMENT, ...statements] });

describe('the engine uses the access decision engine', () => {
  it('enforces a kms:EncryptionContext condition, with AWS message and audit errorCode on denial', async () => {
    const { kms, call } = testKms();
    const key = await newKey(call);
    await call('PutKeyPolicy', { KeyId: key.KeyId, Policy: policy({ Sid: 'IT only', Effect: 'Allow', Principal: { AWS: BOB_ARN }, Action: 'kms:Encrypt', Resource: '*', Condition: { StringEquals: { 'kms:EncryptionContext:Dept': 'IT' } } }) });
    await kms.call('Encrypt', { KeyId: key.KeyId, Plaintext: text('x'), EncryptionContext: { Dept: 'IT' } }, bob);
    const denied = await failure(kms.call('Encrypt', { KeyId: key.KeyId, Plaintext: text('x'), EncryptionContext: { Dept: 'HR' } }, bob));
    expect([denied.code, denied.message]).toEqual([
      'AccessDeniedException',
      `User: ${BOB_ARN} is not authorized to perform: kms:Encrypt on resource: ${key.Arn} because no identity-based policy allows the kms:Encrypt action`,
    ]);
    expect(kms.audit.events.at(-1)?.errorCode).toBe('AccessDeniedException');
  });

  it('passes the source IP of the call to aws:SourceIp conditions', async () => {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-sourceip
    const { kms, call } = testKms();
    const key = await newKey(call);
    await call('PutKeyPolicy', { KeyId: key.KeyId, Policy: policy({ Sid: 'Office only', Effect: 'Allow', Principal: { AWS: BOB_ARN }, Action: 'kms:Encrypt', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }) });
    await kms.call('Encrypt', { KeyId: key.KeyId, Plaintext: text('x') }, { ...bob, sourceIp: '203.0.113.7' });
    const denied = await failure(kms.call('Encrypt', { KeyId: key.KeyId, Plaintext: text('x') }, { ...bob, sourceIp: '198.51.100.7' }));
    expect(denied.code).toBe('AccessDeniedException');
  });

  it('a grant lets a principal with no policy decrypt, under its constraint, until it is retired', async () => {
    const { kms, call } = testKms();
    const key = await newKey(call);
    const { CiphertextBlob } = await call('Encrypt', { KeyId: key.KeyId, Plaintext: text('secret'), EncryptionContext: { Dept: 'IT', Project: 'x' } });
    const decrypt = (ctx: Record<string, string>) => kms.call('Decrypt', { CiphertextBlob, EncryptionContext: ctx }, bob);
    expect((await failure(decrypt({ Dept: 'IT', Project: 'x' }))).message).toMatch(/because no identity-based policy allows the kms:Decrypt action$/);
    const { GrantId } = await call('CreateGrant', { KeyId: key.KeyId, GranteePrincipal: BOB_ARN, Operations: ['Decrypt'], Constraints: { EncryptionContextSubset: { Dept: 'IT' } } });
    expect((await decrypt({ Dept: 'IT', Project: 'x' })).Plaintext).toEqual(text('secret'));
    await call('RetireGrant', { KeyId: key.Arn, GrantId });
    expect((await failure(decrypt({ Dept: 'IT', Project: 'x' }))).code).toBe('AccessDeniedException');
  });

  it('a Deny it cannot evaluate still denies (no false allow)', async () => {
    const { kms, call } = testKms();
    const key = await newKey(call);
    await call('PutKeyPolicy', { KeyId: key.KeyId, Policy: policy({ Sid: 'Odd deny', Effect: 'Deny', Principal: { AWS: BOB_ARN }, Action: 'kms:Encrypt', Resource: '*', Condition: { StringEquals: { 'ec2:Region': 'eu-west-2' } } }) });
    const denied = await failure(kms.call('Encrypt', { KeyId: key.KeyId, Plaintext: text('x') }, bob));
    expect(denied.message).toMatch(/with an explicit deny in a resource-based policy$/);
    await call('Encrypt', { KeyId: key.KeyId, Plaintext: text('x') });
  });

  it('lock-out check: a policy naming the caller directly keeps PutKeyPolicy possible', async () => {
    const { call } = testKms();
    const key = await newKey(call);
    const aliceOnly = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'alice', Effect: 'Allow', Principal: { AWS: alice.caller.arn }, Action: 'kms:*', Resource: '*' }] });
    await call('PutKeyPolicy', { KeyId: key.KeyId, Policy: aliceOnly });
    const deniesAlice = JSON.stringify({ Version: '2012-10-17', Statement: [ROOT_STATEMENT, { Sid: 'no policy changes', Effect: 'Deny', Principal: { AWS: alice.caller.arn }, Action: 'kms:PutKeyPolicy', Resource: '*' }] });
    const error = await failure(call('PutKeyPolicy', { KeyId: key.KeyId, Policy: deniesAlice }));
    expect([error.code, error.message]).toEqual(['MalformedPolicyDocumentException', 'The new key policy will not allow you to update the key policy in the future.']);
  });
});
