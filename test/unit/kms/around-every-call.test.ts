import { describe, expect, it } from 'vitest';
import { createKms } from '../../../src/kms/index.ts';
import { createModelClock } from '../../../src/sim/core/clock.ts';
import { createRng } from '../../../src/sim/core/rng.ts';
import { ACCOUNT, REGION, alice, failure, newKey, testKms, text } from './fixtures.ts';

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

describe('audit: one CloudTrail event per call', () => {
  it('records allowed, failed and denied calls with AWS fields and never plaintext or key material', async () => {
    const { kms, call } = testKms();
    const key = await newKey(call, { Description: 'audit me' });
    const plaintext = text('top secret payload');
    const enc = await call('Encrypt', { KeyId: key.KeyId, Plaintext: plaintext, EncryptionContext: { dept: 'hr' } });
    const dk = await call('GenerateDataKey', { KeyId: key.KeyId, KeySpec: 'AES_256' });
    await failure(call('Decrypt', { CiphertextBlob: enc.CiphertextBlob }));
    await failure(call('DescribeKey', { KeyId: 'alias/none' }));
    expect(kms.audit.events.map((e) => e.eventName)).toEqual(['CreateKey', 'Encrypt', 'GenerateDataKey', 'Decrypt', 'DescribeKey']);

    const encrypt = kms.audit.events[1];
    expect(encrypt).toMatchObject({
      eventVersion: '1.08', eventSource: 'kms.amazonaws.com', eventName: 'Encrypt', awsRegion: REGION, eventType: 'AwsApiCall',
      readOnly: true, managementEvent: true, eventCategory: 'Management', recipientAccountId: ACCOUNT, responseElements: null,
      eventTime: '2026-01-01T00:00:00Z',
      userIdentity: { type: 'IAMUser', arn: alice.caller.arn, accountId: ACCOUNT, userName: 'alice' },
      requestParameters: { keyId: key.KeyId, encryptionContext: { dept: 'hr' } },
      resources: [{ accountId: ACCOUNT, type: 'AWS::KMS::Key', ARN: key.Arn }],
    });
    expect(encrypt.requestID).toMatch(/^[0-9a-f-]{36}$/);
    expect(encrypt.eventID).not.toBe(encrypt.requestID);

    const create = kms.audit.events[0];
    expect(create.readOnly).toBe(false);
    expect((create.responseElements?.keyMetadata as Record<string, unknown>).creationDate).toBe('Jan 1, 2026, 12:00:00 AM');

    const decrypt = kms.audit.events[3];
    expect([decrypt.errorCode, decrypt.errorMessage]).toEqual(['InvalidCiphertextException', '']);
    expect(decrypt.requestParameters).toEqual({ encryptionAlgorithm: 'SYMMETRIC_DEFAULT' });
    expect(kms.audit.events[2].requestParameters).toEqual({ keyId: key.KeyId, keySpec: 'AES_256' });

    const missing = kms.audit.events[4];
    expect(missing.errorCode).toBe('NotFoundException');

    const everything = JSON.stringify(kms.audit.events);
    for (const secret of [plaintext, dk.Plaintext as Uint8Array, enc.CiphertextBlob as Uint8Array]) {
      expect(everything).not.toContain(b64(secret));
    }
    expect(everything).not.toContain('top secret');
  });

  it('management calls log their response with CloudTrail dates; cryptographic calls log null', async () => {
    const { kms, call } = testKms();
    const key = await newKey(call);
    await call('ScheduleKeyDeletion', { KeyId: key.KeyId, PendingWindowInDays: 7 });
    const event = kms.audit.events.at(-1)!;
    expect([event.readOnly, event.requestParameters, event.responseElements]).toEqual([
      false,
      { keyId: key.KeyId, pendingWindowInDays: 7 },
      { keyId: key.Arn, deletionDate: 'Jan 8, 2026, 12:00:00 AM', keyState: 'PendingDeletion', pendingWindowInDays: 7 },
    ]);
  });

  it('subscribers see each event as it is appended', async () => {
    const { kms, call } = testKms();
    const seen: string[] = [];
    const stop = kms.audit.subscribe((e) => seen.push(e.eventName));
    await call('GenerateRandom', { NumberOfBytes: 8 });
    stop();
    await call('GenerateRandom', { NumberOfBytes: 8 });
    expect(seen).toEqual(['GenerateRandom']);
  });

  it('same seed, same ids: a run replays exactly', async () => {
    const run = async () => {
      const kms = createKms({ quotas: false, rng: createRng(42), clock: createModelClock() });
      const out = (await kms.call('CreateKey', {}, alice)).KeyMetadata as Record<string, unknown>;
      return [out.KeyId, kms.audit.events[0].requestID];
    };
    expect(await run()).toEqual(await run());
  });
});

describe('quotas: token buckets per family per account and Region', () => {
  it('throttles beyond the rate with AWS message and refills in model time', async () => {
    const clock = createModelClock();
    const kms = createKms({ clock });
    kms.quotas.setRate('symmetric-crypto', 2);
    expect(kms.quotas.rateOf({ operation: 'CreateKey' }, REGION)).toBe(5);
    expect(kms.quotas.rateOf('symmetric-crypto', 'ap-south-1')).toBe(2);
    const call = () => kms.call('GenerateRandom', { NumberOfBytes: 1 }, alice);
    await call();
    await call();
    const error = await failure(call());
    expect([error.code, error.message, error.status]).toEqual([
      'ThrottlingException', 'You have exceeded the rate at which you may call KMS. Reduce the frequency of your calls.', 400,
    ]);
    expect(kms.audit.events.at(-1)?.errorCode).toBe('ThrottlingException');
    clock.advance(500);
    await call();
  });

  it('keeps one bucket per family per account and Region', async () => {
    const kms = createKms();
    kms.quotas.setRate('symmetric-crypto', 1);
    const random = (ctx: typeof alice) => kms.call('GenerateRandom', { NumberOfBytes: 1 }, ctx);
    await random(alice);
    expect((await failure(random(alice))).code).toBe('ThrottlingException');
    await random({ ...alice, region: 'us-east-1' });
    await random({ caller: { arn: 'arn:aws:iam::444455556666:user/erin' }, region: REGION });
    await kms.call('CreateKey', {}, alice); // another family: its own bucket
  });

  it('uses the current default rates', () => {
    const kms = createKms();
    expect(kms.quotas.rateOf('symmetric-crypto', 'ap-south-1')).toBe(10_000);
    expect(kms.quotas.rateOf('symmetric-crypto', 'eu-west-2')).toBe(20_000);
    expect(kms.quotas.rateOf('rsa-crypto', 'eu-west-2')).toBe(1_000);
    expect(kms.quotas.rateOf('ecc-crypto', 'eu-west-2')).toBe(1_000);
    expect(kms.quotas.rateOf('data-key-pair:RSA_4096', 'eu-west-2')).toBe(0.1);
    expect(kms.quotas.rateOf({ operation: 'GetParametersForImport' }, 'eu-west-2')).toBe(0.25);
  });
});

describe('views', () => {
  it('keys() and aliases() are plain data: no CryptoKey, JSON-serialisable', async () => {
    const { kms, call } = testKms();
    const key = await newKey(call, { Tags: [{ TagKey: 'team', TagValue: 'blue' }] });
    await call('CreateAlias', { AliasName: 'alias/view', TargetKeyId: key.KeyId });
    await call('EnableKeyRotation', { KeyId: key.KeyId });
    const [summary] = kms.keys({ region: REGION });
    expect(summary.metadata.Arn).toBe(key.Arn);
    expect(summary.aliases).toEqual(['alias/view']);
    expect(summary.tags).toEqual({ team: 'blue' });
    expect(summary.rotation).toMatchObject({ enabled: true, periodDays: 365, onDemandRotations: 0 });
    expect(summary.backingKeyVersions).toHaveLength(1);
    const walk = (v: unknown): boolean => v instanceof CryptoKey || (!!v && typeof v === 'object' && Object.values(v).some(walk));
    expect(walk(kms.keys())).toBe(false);
    expect(() => JSON.stringify([kms.keys(), kms.aliases({ region: REGION })])).not.toThrow();
    expect(kms.keys({ region: 'us-east-1' })).toEqual([]);
  });
});

describe('authorization seam (default key policy semantics)', () => {
  it('the default key policy is exactly as AWS writes it', async () => {
    const { call } = testKms();
    const key = await newKey(call);
    const { Policy, PolicyName } = await call('GetKeyPolicy', { KeyId: key.KeyId });
    expect(PolicyName).toBe('default');
    expect(Policy).toBe(`{
  "Version" : "2012-10-17",
  "Id" : "key-default-1",
  "Statement" : [ {
    "Sid" : "Enable IAM User Permissions",
    "Effect" : "Allow",
    "Principal" : {
      "AWS" : "arn:aws:iam::${ACCOUNT}:root"
    },
    "Action" : "kms:*",
    "Resource" : "*"
  } ]
}`);
    expect(await call('ListKeyPolicies', { KeyId: key.KeyId })).toEqual({ PolicyNames: ['default'], Truncated: false });
  });

  it('root statement delegates to IAM: an IAM policy without kms:Decrypt denies with AWS message', async () => {
    const { kms, call } = testKms();
    const key = await newKey(call);
    const { CiphertextBlob } = await call('Encrypt', { KeyId: key.KeyId, Plaintext: text('x') });
    const bob = { caller: { arn: `arn:aws:iam::${ACCOUNT}:user/bob`, iamAllows: (action: string) => action !== 'kms:Decrypt' }, region: REGION };
    const error = await failure(kms.call('Decrypt', { CiphertextBlob }, bob));
    expect(error.code).toBe('AccessDeniedException');
    expect(error.messageKey).toBe('Message');
    expect(error.message).toBe(`User: ${bob.caller.arn} is not authorized to perform: kms:Decrypt on resource: ${key.Arn} because no identity-based policy allows the kms:Decrypt action`);
    const event = kms.audit.events.at(-1)!;
    expect([event.errorCode, event.resources?.[0].ARN]).toEqual(['AccessDeniedException', key.Arn]);
  });

  it('explicit deny wins, other accounts need a statement, grants allow their operations', async () => {
    const { kms, call } = testKms();
    const key = await newKey(call);
    const carol = { caller: { arn: `arn:aws:iam::${ACCOUNT}:user/carol` }, region: REGION };
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'root', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' },
        { Sid: 'no carol', Effect: 'Deny', Principal: { AWS: carol.caller.arn }, Action: 'kms:Encrypt', Resource: '*' },
      ],
    });
    await call('PutKeyPolicy', { KeyId: key.KeyId, Policy: policy });
    expect(JSON.parse((await call('GetKeyPolicy', { KeyId: key.KeyId })).Policy as string)).toEqual(JSON.parse(policy));
    const denied = await failure(kms.call('Encrypt', { KeyId: key.KeyId, Plaintext: text('x') }, carol));
    expect(denied.message).toMatch(/with an explicit deny in a resource-based policy$/);

    const outsider = { caller: { arn: 'arn:aws:iam::444455556666:user/dave' }, region: REGION };
    expect((await failure(kms.call('Encrypt', { KeyId: key.Arn, Plaintext: text('x') }, outsider))).code).toBe('AccessDeniedException');
    const { GrantId, GrantToken } = await call('CreateGrant', { KeyId: key.KeyId, GranteePrincipal: outsider.caller.arn, Operations: ['Encrypt'] });
    expect(GrantId).toMatch(/^[0-9a-f]{64}$/);
    expect(GrantToken).toBeTruthy();
    await kms.call('Encrypt', { KeyId: key.Arn, Plaintext: text('x') }, outsider);
    expect((await failure(kms.call('Decrypt', { CiphertextBlob: new Uint8Array(90), KeyId: key.Arn }, outsider))).code).toBe('AccessDeniedException');
    await call('RevokeGrant', { KeyId: key.KeyId, GrantId });
    expect((await failure(kms.call('Encrypt', { KeyId: key.Arn, Plaintext: text('x') }, outsider))).code).toBe('AccessDeniedException');
  });

  it('lock-out safety check and invalid principals', async () => {
    const { call } = testKms();
    const key = await newKey(call);
    const lockout = JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:user/someone' }, Action: 'kms:Encrypt', Resource: '*' }] });
    const error = await failure(call('PutKeyPolicy', { KeyId: key.KeyId, Policy: lockout }));
    expect([error.code, error.message]).toEqual(['MalformedPolicyDocumentException', 'The new key policy will not allow you to update the key policy in the future.']);
    await call('PutKeyPolicy', { KeyId: key.KeyId, Policy: lockout, BypassPolicyLockoutSafetyCheck: true });
    const invalid = JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { AWS: 'bob' }, Action: 'kms:*', Resource: '*' }] });
    expect((await failure(call('CreateKey', { Policy: invalid }))).message).toBe('Policy contains a statement with one or more invalid principals.');
  });

  it('AWS managed keys: created on first use, usable only through the service, not deletable', async () => {
    const { kms, call } = testKms();
    const meta = await kms.awsManagedKey('s3', { region: REGION });
    expect([meta.KeyManager, meta.KeyState]).toEqual(['AWS', 'Enabled']);
    expect(await kms.awsManagedKey('s3', { region: REGION })).toEqual(meta);
    const viaS3 = { ...alice, viaService: `s3.${REGION}.amazonaws.com` };
    const out = await kms.call('GenerateDataKey', { KeyId: 'alias/aws/s3', KeySpec: 'AES_256' }, viaS3);
    expect(out.KeyId).toBe(meta.Arn);
    expect(kms.audit.events.at(-1)?.userIdentity.invokedBy).toBe('s3.amazonaws.com');
    expect((await failure(call('GenerateDataKey', { KeyId: 'alias/aws/s3', KeySpec: 'AES_256' }))).code).toBe('AccessDeniedException');
    expect((await failure(call('ScheduleKeyDeletion', { KeyId: meta.KeyId as string }))).code).toBe('AccessDeniedException');
    expect((await call('GetKeyRotationStatus', { KeyId: meta.KeyId as string })).RotationPeriodInDays).toBe(365);
    expect((await call('DescribeKey', { KeyId: 'alias/aws/s3' })).KeyMetadata).toEqual(meta);
  });

  it('naming alias/aws/<service> of an integrated service creates its AWS managed key on first use', async () => {
    const { kms, call } = testKms();
    const meta = (await call('DescribeKey', { KeyId: 'alias/aws/ebs' })).KeyMetadata as Record<string, unknown>;
    expect([meta.KeyManager, meta.Description]).toEqual(['AWS', 'Default key that protects my ebs data when no other key is defined']);
    expect(kms.aliases({ region: REGION }).map((a) => a.aliasName)).toEqual(['alias/aws/ebs']);
    expect((await failure(call('DescribeKey', { KeyId: 'alias/aws/not-a-service' }))).code).toBe('NotFoundException');
  });
});
