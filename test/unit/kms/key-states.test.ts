import { describe, expect, it } from 'vitest';
import { keyStateMachine, stateAllows } from '../../../src/kms/index.ts';
import { nextKeyState } from '../../../src/kms/keys/key-state-machine.ts';
import { failure, newKey, testKms, text } from './fixtures.ts';

describe('the key lifecycle machine', () => {
  it('has the states learners see and AWS transitions', () => {
    expect(Object.keys(keyStateMachine.states)).toEqual(['Creating', 'Enabled', 'Disabled', 'PendingImport', 'PendingDeletion', 'Unavailable', 'Deleted']);
    expect(nextKeyState('Enabled', { type: 'DISABLE' }, true)).toBe('Disabled');
    expect(nextKeyState('Disabled', { type: 'ENABLE' }, true)).toBe('Enabled');
    expect(nextKeyState('PendingImport', { type: 'SCHEDULE_DELETION' }, false)).toBe('PendingDeletion');
    expect(nextKeyState('PendingDeletion', { type: 'CANCEL_DELETION' }, true)).toBe('Disabled');
    expect(nextKeyState('PendingDeletion', { type: 'CANCEL_DELETION' }, false)).toBe('PendingImport');
    expect(nextKeyState('PendingDeletion', { type: 'DELETION_WINDOW_ENDED' }, true)).toBe('Deleted');
    expect(nextKeyState('PendingImport', { type: 'IMPORT_MATERIAL' }, false)).toBe('Enabled');
    expect(nextKeyState('Enabled', { type: 'MATERIAL_REMOVED' }, true)).toBe('PendingImport');
    expect(nextKeyState('PendingDeletion', { type: 'ENABLE' }, true)).toBeUndefined();
    expect(nextKeyState('PendingImport', { type: 'DISABLE' }, false)).toBeUndefined();
  });

  it('the key-state table says which operations each state allows', () => {
    expect(stateAllows('Encrypt', 'Disabled')).toBe(false);
    expect(stateAllows('DescribeKey', 'PendingDeletion')).toBe(true);
    expect(stateAllows('CancelKeyDeletion', 'Enabled')).toBe(false);
    expect(stateAllows('DeleteAlias', 'PendingDeletion')).toBe(true);
  });
});

describe('key states through the API (reference §7)', () => {
  it('Disabled: cryptographic operations get DisabledException; Enable/Disable are idempotent', async () => {
    const { call } = testKms();
    const key = await newKey(call);
    await call('DisableKey', { KeyId: key.KeyId });
    await call('DisableKey', { KeyId: key.KeyId });
    const meta = (await call('DescribeKey', { KeyId: key.KeyId })).KeyMetadata as Record<string, unknown>;
    expect([meta.Enabled, meta.KeyState]).toEqual([false, 'Disabled']);
    for (const [op, input] of [['Encrypt', { Plaintext: text('x') }], ['GenerateDataKey', { KeySpec: 'AES_256' }]] as const) {
      const error = await failure(call(op, { KeyId: key.KeyId, ...input }));
      expect([error.code, error.message]).toEqual(['DisabledException', `${key.Arn} is disabled.`]);
    }
    await call('EnableKey', { KeyId: key.KeyId });
    await call('EnableKey', { KeyId: key.KeyId });
    expect(((await call('DescribeKey', { KeyId: key.KeyId })).KeyMetadata as Record<string, unknown>).KeyState).toBe('Enabled');
  });

  it('PendingDeletion: KMSInvalidStateException, DeletionDate shown, scheduling twice refused, cancel lands Disabled', async () => {
    const { call } = testKms();
    const key = await newKey(call);
    const scheduled = await call('ScheduleKeyDeletion', { KeyId: key.KeyId, PendingWindowInDays: 7 });
    expect(scheduled.KeyId).toBe(key.Arn);
    expect(scheduled.KeyState).toBe('PendingDeletion');
    expect(scheduled.PendingWindowInDays).toBe(7);
    expect((scheduled.DeletionDate as Date).toISOString()).toBe('2026-01-08T00:00:00.000Z');
    const meta = (await call('DescribeKey', { KeyId: key.KeyId })).KeyMetadata as Record<string, unknown>;
    expect([meta.Enabled, meta.KeyState, (meta.DeletionDate as Date).toISOString()]).toEqual([false, 'PendingDeletion', '2026-01-08T00:00:00.000Z']);
    const cases: [string, Record<string, unknown>][] = [
      ['Encrypt', { Plaintext: text('x') }], ['GenerateDataKey', { KeySpec: 'AES_256' }], ['ScheduleKeyDeletion', {}],
      ['EnableKey', {}], ['DisableKey', {}], ['TagResource', { Tags: [{ TagKey: 'a', TagValue: 'b' }] }], ['UpdateKeyDescription', { Description: 'd' }],
    ];
    for (const [op, input] of cases) {
      const error = await failure(call(op, { KeyId: key.KeyId, ...input }));
      expect([op, error.code, error.message]).toEqual([op, 'KMSInvalidStateException', `${key.Arn} is pending deletion.`]);
    }
    await call('CancelKeyDeletion', { KeyId: key.KeyId });
    const after = (await call('DescribeKey', { KeyId: key.KeyId })).KeyMetadata as Record<string, unknown>;
    expect([after.KeyState, after.Enabled, 'DeletionDate' in after]).toEqual(['Disabled', false, false]);
    const notPending = await failure(call('CancelKeyDeletion', { KeyId: key.KeyId }));
    expect([notPending.code, notPending.message]).toEqual(['KMSInvalidStateException', `${key.Arn} is not pending deletion.`]);
  });

  it('PendingDeletion window must be 7–30 days', async () => {
    const { call } = testKms();
    const key = await newKey(call);
    for (const days of [6, 31]) {
      expect((await failure(call('ScheduleKeyDeletion', { KeyId: key.KeyId, PendingWindowInDays: days }))).code).toBe('ValidationException');
    }
    expect((await call('ScheduleKeyDeletion', { KeyId: key.KeyId })).PendingWindowInDays).toBe(30);
  });

  it('PendingImport: an EXTERNAL key is born waiting for material', async () => {
    const { call } = testKms();
    const key = await newKey(call, { Origin: 'EXTERNAL' });
    expect([key.KeyState, key.Enabled, key.Origin, 'CurrentKeyMaterialId' in key]).toEqual(['PendingImport', false, 'EXTERNAL', false]);
    const error = await failure(call('Encrypt', { KeyId: key.KeyId, Plaintext: text('x') }));
    expect([error.code, error.message]).toEqual(['KMSInvalidStateException', `${key.Arn} is pending import.`]);
    const rotation = await failure(call('EnableKeyRotation', { KeyId: key.KeyId }));
    expect([rotation.code, rotation.message]).toEqual(['UnsupportedOperationException', `${key.Arn} origin is EXTERNAL which is not valid for this operation.`]);
  });

  it('order of checks: lookup, then state, then spec (disabled RSA key + RotateKeyOnDemand → DisabledException)', async () => {
    const { call } = testKms();
    const rsa = await newKey(call, { KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' });
    expect([(await failure(call('RotateKeyOnDemand', { KeyId: rsa.KeyId }))).code]).toEqual(['UnsupportedOperationException']);
    await call('DisableKey', { KeyId: rsa.KeyId });
    const error = await failure(call('RotateKeyOnDemand', { KeyId: rsa.KeyId }));
    expect([error.code, error.message]).toEqual(['DisabledException', `${rsa.Arn} is disabled.`]);
  });
});

describe('KeyMetadata', () => {
  it('has exactly the members AWS returns, in the model order', async () => {
    const { call } = testKms();
    const symmetric = await newKey(call, { Description: 'd' });
    expect(Object.keys(symmetric)).toEqual([
      'AWSAccountId', 'KeyId', 'Arn', 'CreationDate', 'Enabled', 'Description', 'KeyUsage', 'KeyState', 'Origin', 'KeyManager',
      'CustomerMasterKeySpec', 'KeySpec', 'EncryptionAlgorithms', 'MultiRegion', 'CurrentKeyMaterialId',
    ]);
    expect(symmetric).toMatchObject({
      AWSAccountId: '111122223333', Enabled: true, Description: 'd', KeyUsage: 'ENCRYPT_DECRYPT', KeyState: 'Enabled', Origin: 'AWS_KMS',
      KeyManager: 'CUSTOMER', CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT', KeySpec: 'SYMMETRIC_DEFAULT', EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'], MultiRegion: false,
    });
    expect(symmetric.Arn).toBe(`arn:aws:kms:eu-west-2:111122223333:key/${symmetric.KeyId}`);
    expect(symmetric.CurrentKeyMaterialId).toMatch(/^[0-9a-f]{64}$/);
    expect((symmetric.CreationDate as Date).toISOString()).toBe('2026-01-01T00:00:00.000Z');
    const hmac = await newKey(call, { KeySpec: 'HMAC_384', KeyUsage: 'GENERATE_VERIFY_MAC' });
    expect(Object.keys(hmac).slice(-3)).toEqual(['KeySpec', 'MultiRegion', 'MacAlgorithms']);
    expect(hmac.MacAlgorithms).toEqual(['HMAC_SHA_384']);
    const rsa = await newKey(call, { KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' });
    expect(rsa.SigningAlgorithms).toEqual([
      'RSASSA_PKCS1_V1_5_SHA_256', 'RSASSA_PKCS1_V1_5_SHA_384', 'RSASSA_PKCS1_V1_5_SHA_512', 'RSASSA_PSS_SHA_256', 'RSASSA_PSS_SHA_384', 'RSASSA_PSS_SHA_512',
    ]);
    expect('CurrentKeyMaterialId' in rsa).toBe(false);
  });
});
