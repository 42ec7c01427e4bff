import { describe, expect, it } from 'vitest';
import { createModelClock, MS_PER_DAY } from '../../../src/sim/core/clock.ts';
import { failure, newKey, testKms, text } from './fixtures.ts';

describe('rotation on the model clock', () => {
  it('automatic rotation makes a new backing key every period; old ciphertexts still decrypt', async () => {
    const clock = createModelClock();
    const { kms, call } = testKms({ clock });
    const key = await newKey(call);
    expect(await call('GetKeyRotationStatus', { KeyId: key.KeyId })).toEqual({ KeyRotationEnabled: false, KeyId: key.Arn });
    await call('EnableKeyRotation', { KeyId: key.KeyId, RotationPeriodInDays: 90 });
    const status = await call('GetKeyRotationStatus', { KeyId: key.KeyId });
    expect(status.RotationPeriodInDays).toBe(90);
    expect((status.NextRotationDate as Date).toISOString()).toBe('2026-04-01T00:00:00.000Z');

    const before = await call('Encrypt', { KeyId: key.KeyId, Plaintext: text('old') });
    clock.advance(181 * MS_PER_DAY);
    await kms.settle();
    const meta = (await call('DescribeKey', { KeyId: key.KeyId })).KeyMetadata as Record<string, unknown>;
    expect(meta.CurrentKeyMaterialId).not.toBe(key.CurrentKeyMaterialId);
    const rotations = await call('ListKeyRotations', { KeyId: key.KeyId });
    expect((rotations.Rotations as Record<string, unknown>[]).map((r) => [r.RotationType, (r.RotationDate as Date).toISOString()])).toEqual([
      ['AUTOMATIC', '2026-04-01T00:00:00.000Z'],
      ['AUTOMATIC', '2026-06-30T00:00:00.000Z'],
    ]);
    expect(rotations.Truncated).toBe(false);
    const all = await call('ListKeyRotations', { KeyId: key.KeyId, IncludeKeyMaterial: 'ALL_KEY_MATERIAL' });
    expect((all.Rotations as Record<string, unknown>[]).map((r) => r.KeyMaterialState)).toEqual(['NON_CURRENT', 'NON_CURRENT', 'CURRENT']);
    const old = await call('Decrypt', { CiphertextBlob: before.CiphertextBlob });
    expect(new TextDecoder().decode(old.Plaintext as Uint8Array)).toBe('old');
    expect(old.KeyMaterialId).toBe(key.CurrentKeyMaterialId);
    expect(kms.audit.events.filter((e) => e.eventName === 'RotateKey' && e.eventType === 'AwsServiceEvent')).toHaveLength(2);
  });

  it('RotateKeyOnDemand rotates now, keeps NextRotationDate, and stops at the limit of 25', async () => {
    const { call } = testKms();
    const key = await newKey(call);
    await call('EnableKeyRotation', { KeyId: key.KeyId });
    const next = (await call('GetKeyRotationStatus', { KeyId: key.KeyId })).NextRotationDate;
    const blob = (await call('Encrypt', { KeyId: key.KeyId, Plaintext: text('x') })).CiphertextBlob;
    for (let i = 0; i < 25; i++) expect((await call('RotateKeyOnDemand', { KeyId: key.KeyId })).KeyId).toBe(key.Arn);
    const error = await failure(call('RotateKeyOnDemand', { KeyId: key.KeyId }));
    expect([error.code, error.message]).toEqual([
      'LimitExceededException',
      `The on-demand rotations limit has been reached for the given keyId. No more on-demand rotations can be performed for this key: ${key.Arn}`,
    ]);
    expect((await call('GetKeyRotationStatus', { KeyId: key.KeyId })).NextRotationDate).toEqual(next);
    expect(((await call('ListKeyRotations', { KeyId: key.KeyId, Limit: 10 })).Rotations as unknown[]).length).toBe(10);
    expect((await call('Decrypt', { CiphertextBlob: blob })).KeyId).toBe(key.Arn);
  });

  it('rotation is for symmetric AWS_KMS keys only', async () => {
    const { call } = testKms();
    const hmac = await newKey(call, { KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' });
    expect((await failure(call('EnableKeyRotation', { KeyId: hmac.KeyId }))).code).toBe('UnsupportedOperationException');
  });
});

describe('deletion on the model clock', () => {
  it('when the window passes the key, its aliases and its ciphertexts are gone for good', async () => {
    const clock = createModelClock();
    const { kms, call } = testKms({ clock });
    const key = await newKey(call);
    await call('CreateAlias', { AliasName: 'alias/doomed', TargetKeyId: key.KeyId });
    const blob = (await call('Encrypt', { KeyId: key.KeyId, Plaintext: text('x') })).CiphertextBlob;
    await call('ScheduleKeyDeletion', { KeyId: key.KeyId, PendingWindowInDays: 7 });
    clock.advance(7 * MS_PER_DAY - 1);
    await kms.settle();
    expect(((await call('DescribeKey', { KeyId: key.KeyId })).KeyMetadata as Record<string, unknown>).KeyState).toBe('PendingDeletion');
    clock.advance(1);
    await kms.settle();
    const gone = `Key '${key.Arn}' does not exist`;
    for (const [op, input] of [['DescribeKey', { KeyId: key.KeyId }], ['Decrypt', { CiphertextBlob: blob }]] as const) {
      const error = await failure(call(op, input));
      expect([error.code, error.message]).toEqual(['NotFoundException', gone]);
    }
    expect((await call('ListAliases', {})).Aliases).toEqual([]);
    expect(kms.keys()).toEqual([]);
    const deleteEvent = kms.audit.events.find((e) => e.eventName === 'DeleteKey')!;
    expect([deleteEvent.eventType, deleteEvent.eventTime, deleteEvent.resources?.[0].ARN]).toEqual(['AwsServiceEvent', '2026-01-08T00:00:00Z', key.Arn]);
  });
});
