import { describe, expect, it } from 'vitest';
import { createKms } from '../../../src/kms/index.ts';
import { createWorld } from '../../../src/sim/world/index.ts';
import { failure } from '../kms/fixtures.ts';

/**
 * PutKeyPolicy (and CreateKey with a Policy) check the document before storing it.
 * Sources: https://docs.aws.amazon.com/kms/latest/APIReference/API_PutKeyPolicy.html (the
 * lock-out safety check, BypassPolicyLockoutSafetyCheck, MalformedPolicyDocumentException),
 * https://docs.aws.amazon.com/kms/latest/developerguide/resource-limits.html (32 KB), recorded
 * messages in reference §15; an unreadable document is answered with an empty message
 * (https://github.com/aws/aws-sdk-ruby/issues/1784).
 */
const ACCOUNT = '111122223333';
const CAROL = `arn:aws:iam::${ACCOUNT}:user/carol`;
const ROOT_STATEMENT = { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' };
const doc = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });

async function setup() {
  const world = createWorld();
  const kms = createKms({ quotas: false, accountId: ACCOUNT });
  const { KeyMetadata } = await kms.call('CreateKey', {}, world.callContext());
  const key = KeyMetadata as { KeyId: string; Arn: string };
  const put = (policy: string, extra: Record<string, unknown> = {}) => kms.call('PutKeyPolicy', { KeyId: key.KeyId, Policy: policy, ...extra }, world.callContext());
  const refusal = async (policy: string) => {
    const error = await failure(put(policy));
    return [error.code, error.message];
  };
  return { world, kms, key, put, refusal };
}

describe('PutKeyPolicy validation', () => {
  it('answers a document it cannot read with an empty MalformedPolicyDocumentException', async () => {
    const { refusal } = await setup();
    expect(await refusal('{"Statement": [')).toEqual(['MalformedPolicyDocumentException', '']);
    expect(await refusal('"just text"')).toEqual(['MalformedPolicyDocumentException', '']);
    expect(await refusal('{"Version": "2012-10-17"}')).toEqual(['MalformedPolicyDocumentException', '']);
  });

  it("words statement errors as AWS does", async () => {
    const { refusal } = await setup();
    expect(await refusal(doc(ROOT_STATEMENT, { Effect: 'Allow', Action: 'kms:*', Resource: '*' }))).toEqual(['MalformedPolicyDocumentException', 'Policy contains a statement with no principal.']);
    expect(await refusal(doc(ROOT_STATEMENT, { Effect: 'Allow', Principal: { AWS: [] }, Action: 'kms:*', Resource: '*' }))).toEqual(['MalformedPolicyDocumentException', 'Policy contains a statement with no principal.']);
    expect(await refusal(doc(ROOT_STATEMENT, { Effect: 'Allow', Principal: { AWS: 'bob' }, Action: 'kms:*', Resource: '*' }))).toEqual(['MalformedPolicyDocumentException', 'Policy contains a statement with one or more invalid principals.']);
    expect(await refusal(doc(ROOT_STATEMENT, { Effect: 'Allow', Principal: '*', Resource: '*' }))).toEqual(['MalformedPolicyDocumentException', 'Missing required field Action']);
    expect(await refusal(doc(ROOT_STATEMENT, { Effect: 'Allow', Principal: '*', Action: 'kms:Decrypt' }))).toEqual(['MalformedPolicyDocumentException', 'Missing required field Resource']);
    expect(await refusal(doc(ROOT_STATEMENT, { Effect: 'Permit', Principal: '*', Action: 'kms:Decrypt', Resource: '*' }))).toEqual(['MalformedPolicyDocumentException', '']);
  });

  it('refuses a policy over 32,768 bytes with LimitExceededException', async () => {
    const { refusal } = await setup();
    const padded = JSON.stringify({ Version: '2012-10-17', Statement: [{ ...ROOT_STATEMENT, Sid: 'x'.repeat(32_768) }] });
    expect((await refusal(padded))[0]).toBe('LimitExceededException');
  });

  it("lock-out safety check: judged with the caller's own identity policies, unless bypassed", async () => {
    const { world, kms, key, put } = await setup();
    // Carol's IAM policy allows kms:Put*: with the account statement, she keeps PutKeyPolicy.
    world.actAs(CAROL);
    await put(doc(ROOT_STATEMENT));
    // A policy without the account statement and without carol would lock her out.
    const onlyAlice = doc({ Sid: 'alice', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/alice` }, Action: 'kms:*', Resource: '*' });
    const error = await failure(put(onlyAlice));
    expect([error.code, error.message]).toEqual(['MalformedPolicyDocumentException', 'The new key policy will not allow you to update the key policy in the future.']);
    await put(onlyAlice, { BypassPolicyLockoutSafetyCheck: true });
    // Now only alice may change it: carol is refused by the key policy.
    const denied = await failure(put(doc(ROOT_STATEMENT)));
    expect(denied.message).toBe(`User: ${CAROL} is not authorized to perform: kms:PutKeyPolicy on resource: ${key.Arn} because no resource-based policy allows the kms:PutKeyPolicy action`);
    world.actAs(`arn:aws:iam::${ACCOUNT}:user/alice`);
    await kms.call('PutKeyPolicy', { KeyId: key.KeyId, Policy: doc(ROOT_STATEMENT) }, world.callContext());
  });

  it('CreateKey applies the same checks to its Policy', async () => {
    const { world, kms } = await setup();
    const error = await failure(kms.call('CreateKey', { Policy: doc({ Effect: 'Allow', Action: 'kms:*', Resource: '*' }) }, world.callContext()));
    expect([error.code, error.message]).toEqual(['MalformedPolicyDocumentException', 'Policy contains a statement with no principal.']);
  });

  it('refuses partial wildcards in a principal ARN', async () => {
    const { refusal } = await setup();
    expect(await refusal(doc(ROOT_STATEMENT, { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/*` }, Action: 'kms:Decrypt', Resource: '*' }))).toEqual(['MalformedPolicyDocumentException', 'Policy contains a statement with one or more invalid principals.']);
  });

  it("with the world's directory, refuses a policy naming an IAM user or role that does not exist", async () => {
    // https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html: KMS validates the principals of a key policy.
    const world = createWorld();
    const kms = createKms({ quotas: false, accountId: ACCOUNT, principalExists: (arn) => world.principalExists(arn) });
    const { KeyMetadata } = await kms.call('CreateKey', {}, world.callContext());
    const put = (principal: string) => kms.call('PutKeyPolicy', { KeyId: (KeyMetadata as { KeyId: string }).KeyId, Policy: doc(ROOT_STATEMENT, { Effect: 'Allow', Principal: { AWS: principal }, Action: 'kms:Decrypt', Resource: '*' }) }, world.callContext());
    await put(`arn:aws:iam::${ACCOUNT}:user/bob`);
    await put(`arn:aws:iam::${ACCOUNT}:role/AppServer`);
    await put(`arn:aws:sts::${ACCOUNT}:assumed-role/AppServer/any-session`);
    await put('arn:aws:iam::444455556666:user/dave');
    await put('arn:aws:iam::999999999999:role/OutsideTheWorld');
    const missing = await failure(put(`arn:aws:iam::${ACCOUNT}:role/DeletedRole`));
    expect([missing.code, missing.message]).toEqual(['MalformedPolicyDocumentException', 'Policy contains a statement with one or more invalid principals.']);
  });
});
