import { describe, expect, it } from 'vitest';
import { createKms, explainDecision } from '../../../src/kms/index.ts';
import { createWorld } from '../../../src/sim/world/index.ts';
import { failure, text } from '../kms/fixtures.ts';

/**
 * The engine end to end with the simulated world's callers: real identity policies, tags and
 * source addresses, every decision recorded with its audit event (kms.audit.decisionOf).
 * Sources: https://docs.aws.amazon.com/kms/latest/developerguide/determining-access.html (the
 * evaluation), https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-modifying-external-accounts.html
 * (cross-account), https://docs.aws.amazon.com/kms/latest/developerguide/grants.html (grants),
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html (${aws:username}),
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html (aws:PrincipalTag).
 */
const ACCOUNT = '111122223333';
const ALICE = `arn:aws:iam::${ACCOUNT}:user/alice`;
const BOB = `arn:aws:iam::${ACCOUNT}:user/bob`;
const CAROL = `arn:aws:iam::${ACCOUNT}:user/carol`;
const APP = `arn:aws:sts::${ACCOUNT}:assumed-role/AppServer/i-0a1b2c3d4e5f67890`;
const DAVE = 'arn:aws:iam::444455556666:user/dave';
const ROOT_STATEMENT = { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' };
const keyPolicy = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Id: 'key-default-1', Statement: [ROOT_STATEMENT, ...statements] });

function setup() {
  const world = createWorld();
  const kms = createKms({ quotas: false, accountId: ACCOUNT });
  const as = (arn: string, options?: Parameters<typeof world.callContext>[0]) => {
    world.actAs(arn);
    return world.callContext(options);
  };
  const lastEvent = () => kms.audit.events.at(-1)!;
  const newKey = async (policy?: string) => {
    const { KeyMetadata } = await kms.call('CreateKey', policy ? { Policy: policy } : {}, as(ALICE));
    return KeyMetadata as { KeyId: string; Arn: string };
  };
  return { world, kms, as, lastEvent, newKey };
}

describe('the engine with the simulated world', () => {
  it('denies bob (no IAM policy) with AWS message, logs the errorCode and records the decision', async () => {
    const { kms, as, lastEvent, newKey } = setup();
    const key = await newKey();
    const denied = await failure(kms.call('Encrypt', { KeyId: key.KeyId, Plaintext: text('x') }, as(BOB)));
    const message = `User: ${BOB} is not authorized to perform: kms:Encrypt on resource: ${key.Arn} because no identity-based policy allows the kms:Encrypt action`;
    expect([denied.code, denied.message]).toEqual(['AccessDeniedException', message]);
    const event = lastEvent();
    expect([event.eventName, event.errorCode, event.errorMessage]).toEqual(['Encrypt', 'AccessDeniedException', message]);
    const recorded = kms.audit.decisionOf(event.eventID)!;
    expect(recorded.request).toMatchObject({ caller: { arn: BOB, accountId: ACCOUNT, tags: { Department: 'Engineering' } }, action: 'kms:Encrypt', key: { arn: key.Arn }, identityPolicies: [] });
    expect(recorded.request.context).toMatchObject({ 'aws:SourceIp': '203.0.113.11', 'aws:CurrentTime': '2026-01-01T00:00:00.000Z' });
    expect([recorded.result.decision, recorded.result.message, recorded.result.trace.path]).toEqual(['ImplicitDeny', message, 'key-policy-delegates-but-iam-lacks']);
    // The audit event itself stays pure CloudTrail JSON.
    expect(JSON.parse(JSON.stringify(event))).toEqual(event);
    expect(Object.keys(event)).not.toContain('decision');
  });

  it('records allowed calls and key-less calls decided by IAM alone', async () => {
    const { kms, as, lastEvent, newKey } = setup();
    const key = await newKey();
    const created = kms.audit.decisionOf(lastEvent().eventID)!;
    expect([created.request.key, created.result.decision, created.result.trace.path]).toEqual([undefined, 'Allow', 'keyless-iam-allows']);
    expect(created.result.trace.decisive).toEqual([{ source: 'identity-policy', policyName: 'AdministratorAccess', index: 0, effect: 'Allow' }]);
    await kms.call('Encrypt', { KeyId: key.KeyId, Plaintext: text('x') }, as(APP));
    expect(kms.audit.decisionOf(lastEvent().eventID)?.result.trace.path).toBe('key-policy-and-iam-allow');
    const denied = await failure(kms.call('CreateKey', {}, as(BOB)));
    expect(denied.message).toBe(`User: ${BOB} is not authorized to perform: kms:CreateKey on resource: * because no identity-based policy allows the kms:CreateKey action`);
    const decision = kms.audit.decisionOf(lastEvent().eventID)!;
    expect([decision.result.trace.path, explainDecision(decision.result)]).toEqual([
      'keyless-iam-lacks',
      'Denied: kms:CreateKey acts on the account, not on a key, so only IAM policies can allow it, and no IAM policy of bob does.',
    ]);
  });

  it('lets the key administrator manage but not use a key', async () => {
    const { kms, as, newKey } = setup();
    const key = await newKey();
    await kms.call('DisableKey', { KeyId: key.KeyId }, as(CAROL));
    await kms.call('EnableKey', { KeyId: key.KeyId }, as(CAROL));
    const denied = await failure(kms.call('Encrypt', { KeyId: key.KeyId, Plaintext: text('x') }, as(CAROL)));
    expect(denied.message).toMatch(/because no identity-based policy allows the kms:Encrypt action$/);
  });

  it('a grant lets bob decrypt with no policy at all, until it is retired', async () => {
    const { kms, as, lastEvent, newKey } = setup();
    const key = await newKey();
    const { CiphertextBlob } = await kms.call('Encrypt', { KeyId: key.KeyId, Plaintext: text('payroll'), EncryptionContext: { Dept: 'HR' } }, as(ALICE));
    const decrypt = () => kms.call('Decrypt', { CiphertextBlob, EncryptionContext: { Dept: 'HR' } }, as(BOB));
    expect((await failure(decrypt())).code).toBe('AccessDeniedException');
    const { GrantId } = await kms.call('CreateGrant', { KeyId: key.KeyId, GranteePrincipal: BOB, RetiringPrincipal: BOB, Operations: ['Decrypt'] }, as(ALICE));
    expect((await decrypt()).Plaintext).toEqual(text('payroll'));
    const allowed = kms.audit.decisionOf(lastEvent().eventID)!;
    expect([allowed.result.trace.path, allowed.result.trace.decisive]).toEqual(['grant-allows', [{ source: 'grant', grantId: GrantId, granteePrincipal: BOB }]]);
    await kms.call('RetireGrant', { KeyId: key.Arn, GrantId }, as(BOB));
    const after = await failure(decrypt());
    expect(after.message).toBe(`User: ${BOB} is not authorized to perform: kms:Decrypt on resource: ${key.Arn} because no identity-based policy allows the kms:Decrypt action`);
  });

  it('cross-account: dave needs both the key policy and his own IAM policy', async () => {
    const { world, kms, as, lastEvent, newKey } = setup();
    const partnerStatement = { Sid: 'Allow Partner Corp', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'kms:Decrypt', Resource: '*' };
    const key = await newKey();
    const { CiphertextBlob } = await kms.call('Encrypt', { KeyId: key.KeyId, Plaintext: text('shared') }, as(ALICE));
    const decrypt = () => kms.call('Decrypt', { CiphertextBlob, KeyId: key.Arn }, as(DAVE));

    const noKeyPolicy = await failure(decrypt());
    expect(noKeyPolicy.message).toBe(`User: ${DAVE} is not authorized to perform: kms:Decrypt on resource: ${key.Arn} because no resource-based policy allows the kms:Decrypt action`);
    expect(kms.audit.decisionOf(lastEvent().eventID)?.result.trace.path).toBe('cross-account-key-policy-lacks');

    await kms.call('PutKeyPolicy', { KeyId: key.KeyId, Policy: keyPolicy(partnerStatement) }, as(ALICE));
    expect((await decrypt()).Plaintext).toEqual(text('shared'));
    expect(kms.audit.decisionOf(lastEvent().eventID)?.result.trace.path).toBe('key-policy-and-iam-allow');

    world.setIdentityPolicies(DAVE, []);
    const noIam = await failure(decrypt());
    expect(noIam.message).toBe(`User: ${DAVE} is not authorized to perform: kms:Decrypt on resource: ${key.Arn} because no identity-based policy allows the kms:Decrypt action`);
    expect(kms.audit.decisionOf(lastEvent().eventID)?.result.trace.path).toBe('cross-account-iam-lacks');
  });

  it("an explicit deny in alice's identity policy beats AdministratorAccess", async () => {
    const { world, kms, as, newKey } = setup();
    const key = await newKey();
    world.setIdentityPolicies(ALICE, [
      ...world.identityPolicies(ALICE),
      { name: 'NoDeletion', document: { Version: '2012-10-17', Statement: [{ Sid: 'DenyDeletion', Effect: 'Deny', Action: 'kms:ScheduleKeyDeletion', Resource: '*' }] } },
    ]);
    const denied = await failure(kms.call('ScheduleKeyDeletion', { KeyId: key.KeyId, PendingWindowInDays: 7 }, as(ALICE)));
    expect(denied.message).toBe(`User: ${ALICE} is not authorized to perform: kms:ScheduleKeyDeletion on resource: ${key.Arn} with an explicit deny in an identity-based policy`);
  });

  it('an explicit deny in the key policy is named as resource-based', async () => {
    const { kms, as, newKey } = setup();
    const key = await newKey(keyPolicy({ Sid: 'NoAppDecrypt', Effect: 'Deny', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/AppServer` }, Action: 'kms:Decrypt', Resource: '*' }));
    const { CiphertextBlob } = await kms.call('Encrypt', { KeyId: key.KeyId, Plaintext: text('x') }, as(APP));
    const denied = await failure(kms.call('Decrypt', { CiphertextBlob }, as(APP)));
    expect(denied.message).toBe(`User: ${APP} is not authorized to perform: kms:Decrypt on resource: ${key.Arn} with an explicit deny in a resource-based policy`);
  });

  it('aws:PrincipalTag and ${aws:username} conditions see the world\'s tags and names', async () => {
    const { world, kms, as, newKey } = setup();
    const key = await newKey(keyPolicy(
      { Sid: 'EngineeringEncrypts', Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:Encrypt', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/Department': 'Engineering', 'kms:CallerAccount': ACCOUNT } } },
      { Sid: 'OwnContextOnly', Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:Decrypt', Resource: '*', Condition: { StringEquals: { 'kms:EncryptionContext:Owner': '${aws:username}', 'kms:CallerAccount': ACCOUNT } } },
    ));
    const bobEncrypts = await kms.call('Encrypt', { KeyId: key.KeyId, Plaintext: text('mine'), EncryptionContext: { Owner: 'bob' } }, as(BOB));
    await kms.call('Decrypt', { CiphertextBlob: bobEncrypts.CiphertextBlob, EncryptionContext: { Owner: 'bob' } }, as(BOB));
    world.setTags(BOB, { Department: 'Sales' });
    expect((await failure(kms.call('Encrypt', { KeyId: key.KeyId, Plaintext: text('x') }, as(BOB)))).code).toBe('AccessDeniedException');
    const aliceEncrypts = await kms.call('Encrypt', { KeyId: key.KeyId, Plaintext: text('hers'), EncryptionContext: { Owner: 'alice' } }, as(ALICE));
    const denied = await failure(kms.call('Decrypt', { CiphertextBlob: aliceEncrypts.CiphertextBlob, EncryptionContext: { Owner: 'alice' } }, as(BOB)));
    expect(denied.message).toMatch(/because no identity-based policy allows the kms:Decrypt action$/);
  });

  it('kms:ViaService: the app may use the key only through S3', async () => {
    const { kms, as, newKey } = setup();
    const key = await newKey(keyPolicy({ Sid: 'OnlyThroughS3', Effect: 'Deny', Principal: { AWS: '*' }, Action: 'kms:GenerateDataKey', Resource: '*', Condition: { StringNotEquals: { 'kms:ViaService': 's3.eu-west-2.amazonaws.com' } } }));
    await kms.call('GenerateDataKey', { KeyId: key.KeyId, KeySpec: 'AES_256' }, as(APP, { viaService: 's3' }));
    const direct = await failure(kms.call('GenerateDataKey', { KeyId: key.KeyId, KeySpec: 'AES_256' }, as(APP)));
    expect(direct.message).toMatch(/with an explicit deny in a resource-based policy$/);
  });

  it("an AWS managed key (alias/aws/s3) works for the app only through S3, as AWS's own key policy says", async () => {
    // https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#aws-managed-key (usable only through the service)
    const { kms, as } = setup();
    const viaS3 = await kms.call('GenerateDataKey', { KeyId: 'alias/aws/s3', KeySpec: 'AES_256' }, as(APP, { viaService: 's3' }));
    expect(viaS3.KeyId).toMatch(/^arn:aws:kms:eu-west-2:111122223333:key\//);
    const direct = await failure(kms.call('GenerateDataKey', { KeyId: 'alias/aws/s3', KeySpec: 'AES_256' }, as(APP)));
    expect(direct.message).toBe(`User: ${APP} is not authorized to perform: kms:GenerateDataKey on resource: ${viaS3.KeyId} because no resource-based policy allows the kms:GenerateDataKey action`);
    const viaEbs = await failure(kms.call('GenerateDataKey', { KeyId: 'alias/aws/s3', KeySpec: 'AES_256' }, as(APP, { viaService: 'ebs' })));
    expect(viaEbs.code).toBe('AccessDeniedException');
  });

  it("the account's root user needs no IAM policy at home, but another account's root needs the key policy", async () => {
    const { kms, as, newKey } = setup();
    const key = await newKey();
    await kms.call('DisableKey', { KeyId: key.KeyId }, as(`arn:aws:iam::${ACCOUNT}:root`));
    const partnerRoot = await failure(kms.call('DescribeKey', { KeyId: key.Arn }, as('arn:aws:iam::444455556666:root')));
    expect(partnerRoot.message).toMatch(/because no resource-based policy allows the kms:DescribeKey action$/);
  });

  it('CloudTrail names the world\'s caller: its type, unique id, access key and user name', async () => {
    const { world, kms, as, lastEvent } = setup();
    await failure(kms.call('ListKeys', {}, as(BOB)));
    expect(lastEvent().userIdentity).toEqual({ type: 'IAMUser', principalId: world.caller(BOB).principalId, arn: BOB, accountId: ACCOUNT, accessKeyId: world.caller(BOB).accessKeyId, userName: 'bob' });
    expect(lastEvent().sourceIPAddress).toBe('203.0.113.11');
  });
});
