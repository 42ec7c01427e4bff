import { describe, expect, it } from 'vitest';
import { createModelClock, MS_PER_DAY } from '../../../src/sim/core/clock.ts';
import type { Call } from './fixtures.ts';
import { failure, newKey, testKms, text } from './fixtures.ts';

/** What a key owner does outside KMS: make 256-bit material and wrap it with the public key. */
async function wrapFor(call: Call, keyId: string, material: CryptoKey, algorithm = 'RSAES_OAEP_SHA_256') {
  const params = await call('GetParametersForImport', { KeyId: keyId, WrappingAlgorithm: algorithm, WrappingKeySpec: 'RSA_2048' });
  const hash = algorithm === 'RSAES_OAEP_SHA_1' ? 'SHA-1' : 'SHA-256';
  const wrapping = await crypto.subtle.importKey('spki', params.PublicKey as Uint8Array<ArrayBuffer>, { name: 'RSA-OAEP', hash }, false, ['wrapKey']);
  const wrapped = new Uint8Array(await crypto.subtle.wrapKey('raw', material, wrapping, { name: 'RSA-OAEP' }));
  return { ImportToken: params.ImportToken, EncryptedKeyMaterial: wrapped, params };
}

const newMaterial = () => crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt']);

describe('imported key material (Origin EXTERNAL)', () => {
  it('round trip: parameters, import, use, expiry on the model clock, re-import of the same material', async () => {
    const clock = createModelClock();
    const { kms, call } = testKms({ clock });
    const key = await newKey(call, { Origin: 'EXTERNAL', Description: 'BYOK' });
    const material = await newMaterial();
    const wrapped = await wrapFor(call, key.KeyId, material);
    expect(wrapped.params.KeyId).toBe(key.Arn);
    expect((wrapped.params.ParametersValidTo as Date).toISOString()).toBe('2026-01-02T00:00:00.000Z');

    const noValidTo = await failure(call('ImportKeyMaterial', { KeyId: key.KeyId, ImportToken: wrapped.ImportToken, EncryptedKeyMaterial: wrapped.EncryptedKeyMaterial }));
    expect([noValidTo.code, noValidTo.message]).toEqual(['ValidationException', 'A validTo date must be set if the ExpirationModel is KEY_MATERIAL_EXPIRES']);

    const validTo = new Date(clock.now() + 10 * MS_PER_DAY);
    const imported = await call('ImportKeyMaterial', { KeyId: key.KeyId, ...wrapped, params: undefined, ValidTo: validTo });
    expect(imported.KeyId).toBe(key.Arn);
    expect(imported.KeyMaterialId).toMatch(/^[0-9a-f]{64}$/);
    const meta = (await call('DescribeKey', { KeyId: key.KeyId })).KeyMetadata as Record<string, unknown>;
    expect([meta.KeyState, meta.Enabled, meta.ExpirationModel, (meta.ValidTo as Date).toISOString(), meta.CurrentKeyMaterialId])
      .toEqual(['Enabled', true, 'KEY_MATERIAL_EXPIRES', validTo.toISOString(), imported.KeyMaterialId]);

    const blob = (await call('Encrypt', { KeyId: key.KeyId, Plaintext: text('byok') })).CiphertextBlob;
    clock.advance(10 * MS_PER_DAY);
    await kms.settle();
    const expired = await failure(call('Decrypt', { CiphertextBlob: blob }));
    expect([expired.code, expired.message]).toEqual(['KMSInvalidStateException', `${key.Arn} is pending import.`]);
    expect(kms.audit.events.some((e) => e.eventName === 'DeleteExpiredKeyMaterial')).toBe(true);

    const again = await wrapFor(call, key.KeyId, material, 'RSAES_OAEP_SHA_1');
    await call('ImportKeyMaterial', { KeyId: key.KeyId, ImportToken: again.ImportToken, EncryptedKeyMaterial: again.EncryptedKeyMaterial, ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' });
    const back = await call('Decrypt', { CiphertextBlob: blob });
    expect(new TextDecoder().decode(back.Plaintext as Uint8Array)).toBe('byok');
    const after = (await call('DescribeKey', { KeyId: key.KeyId })).KeyMetadata as Record<string, unknown>;
    expect([after.ExpirationModel, 'ValidTo' in after]).toEqual(['KEY_MATERIAL_DOES_NOT_EXPIRE', false]);
  });

  it('other material, bad and expired tokens, wrong-size material are refused', async () => {
    const clock = createModelClock();
    const { call } = testKms({ clock });
    const key = await newKey(call, { Origin: 'EXTERNAL' });
    const first = await wrapFor(call, key.KeyId, await newMaterial());
    await call('ImportKeyMaterial', { KeyId: key.KeyId, ImportToken: first.ImportToken, EncryptedKeyMaterial: first.EncryptedKeyMaterial, ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' });

    const other = await wrapFor(call, key.KeyId, await newMaterial());
    const incorrect = await failure(call('ImportKeyMaterial', { KeyId: key.KeyId, ImportToken: other.ImportToken, EncryptedKeyMaterial: other.EncryptedKeyMaterial, ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE', ImportType: 'EXISTING_KEY_MATERIAL' }));
    expect(incorrect.code).toBe('IncorrectKeyMaterialException');

    const badToken = await failure(call('ImportKeyMaterial', { KeyId: key.KeyId, ImportToken: text('forged'), EncryptedKeyMaterial: other.EncryptedKeyMaterial, ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' }));
    expect(badToken.code).toBe('InvalidImportTokenException');

    const aes128 = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 128 }, true, ['encrypt']);
    const small = await wrapFor(call, key.KeyId, aes128);
    const wrongSize = await failure(call('ImportKeyMaterial', { KeyId: key.KeyId, ImportToken: small.ImportToken, EncryptedKeyMaterial: small.EncryptedKeyMaterial, ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' }));
    expect(wrongSize.code).toBe('IncorrectKeyMaterialException');

    const late = await wrapFor(call, key.KeyId, await newMaterial());
    clock.advance(24 * 3_600_000 + 1);
    const expired = await failure(call('ImportKeyMaterial', { KeyId: key.KeyId, ImportToken: late.ImportToken, EncryptedKeyMaterial: late.EncryptedKeyMaterial, ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' }));
    expect(expired.code).toBe('ExpiredImportTokenException');
  });

  it('NEW_KEY_MATERIAL waits for RotateKeyOnDemand; a third while one is pending is refused', async () => {
    const { call } = testKms();
    const key = await newKey(call, { Origin: 'EXTERNAL' });
    const once = { ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' };
    const a = await wrapFor(call, key.KeyId, await newMaterial());
    const first = await call('ImportKeyMaterial', { KeyId: key.KeyId, ImportToken: a.ImportToken, EncryptedKeyMaterial: a.EncryptedKeyMaterial, ...once });
    const nothingPending = await failure(call('RotateKeyOnDemand', { KeyId: key.KeyId }));
    expect([nothingPending.code, nothingPending.message]).toEqual(['KMSInvalidStateException', `No available key material pending rotation for the key: ${key.Arn}.`]);
    const b = await wrapFor(call, key.KeyId, await newMaterial());
    const second = await call('ImportKeyMaterial', { KeyId: key.KeyId, ImportToken: b.ImportToken, EncryptedKeyMaterial: b.EncryptedKeyMaterial, ImportType: 'NEW_KEY_MATERIAL', ...once });
    const c = await wrapFor(call, key.KeyId, await newMaterial());
    const third = await failure(call('ImportKeyMaterial', { KeyId: key.KeyId, ImportToken: c.ImportToken, EncryptedKeyMaterial: c.EncryptedKeyMaterial, ImportType: 'NEW_KEY_MATERIAL', ...once }));
    expect(third.code).toBe('KMSInvalidStateException');
    expect(third.message).toContain(`because another key material (id: ${second.KeyMaterialId}) is pending rotation.`);
    expect(((await call('DescribeKey', { KeyId: key.KeyId })).KeyMetadata as Record<string, unknown>).CurrentKeyMaterialId).toBe(first.KeyMaterialId);
    await call('RotateKeyOnDemand', { KeyId: key.KeyId });
    expect(((await call('DescribeKey', { KeyId: key.KeyId })).KeyMetadata as Record<string, unknown>).CurrentKeyMaterialId).toBe(second.KeyMaterialId);
  });

  it('DeleteImportedKeyMaterial returns the key to PendingImport; AWS_KMS keys refuse import operations', async () => {
    const { call } = testKms();
    const key = await newKey(call, { Origin: 'EXTERNAL' });
    const w = await wrapFor(call, key.KeyId, await newMaterial());
    await call('ImportKeyMaterial', { KeyId: key.KeyId, ImportToken: w.ImportToken, EncryptedKeyMaterial: w.EncryptedKeyMaterial, ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' });
    await call('DeleteImportedKeyMaterial', { KeyId: key.KeyId });
    const meta = (await call('DescribeKey', { KeyId: key.KeyId })).KeyMetadata as Record<string, unknown>;
    expect([meta.KeyState, meta.Enabled, 'ExpirationModel' in meta]).toEqual(['PendingImport', false, false]);
    const normal = await newKey(call);
    const error = await failure(call('GetParametersForImport', { KeyId: normal.KeyId, WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_2048' }));
    expect([error.code, error.message]).toEqual(['UnsupportedOperationException', `${normal.Arn} origin is AWS_KMS which is not valid for this operation.`]);
  });
});
