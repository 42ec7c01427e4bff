import { describe, expect, it } from 'vitest';
import { toHex } from '../../../src/kms/crypto/bytes.ts';
import { BLOB_HEADER_BYTES, parseBlob } from '../../../src/kms/crypto/ciphertext-blob.ts';
import { encodeEncryptionContext } from '../../../src/kms/crypto/encryption-context.ts';
import { newKey, testKms, text } from './fixtures.ts';

describe('symmetric ciphertext blob layout', () => {
  it('carries version, type, key id and backing key id in a 62-byte header, then IV and ciphertext‖tag', async () => {
    const { call } = testKms();
    const key = await newKey(call);
    const blob = (await call('Encrypt', { KeyId: key.KeyId, Plaintext: text('12345') })).CiphertextBlob as Uint8Array;
    expect(BLOB_HEADER_BYTES).toBe(62);
    expect(blob.length).toBe(62 + 5 + 16);
    expect([blob[0], blob[1]]).toEqual([1, 1]);
    expect(toHex(blob.subarray(2, 18))).toBe(key.KeyId.replace(/-/g, ''));
    expect(toHex(blob.subarray(18, 50))).toBe(key.CurrentKeyMaterialId);
    const parsed = parseBlob(blob)!;
    expect([parsed.keyId, parsed.materialId, parsed.iv.length, parsed.sealed.length]).toEqual([key.KeyId, key.CurrentKeyMaterialId, 12, 21]);
    expect(parseBlob(blob.subarray(0, 77))).toBeUndefined();
    expect(parseBlob(new Uint8Array([2, ...blob.subarray(1)]))).toBeUndefined();
  });

  it('encodes the encryption context canonically: order-independent and unambiguous', () => {
    const a = encodeEncryptionContext({ b: '2', a: '1' });
    expect(toHex(a)).toBe(toHex(encodeEncryptionContext({ a: '1', b: '2' })));
    expect(toHex(encodeEncryptionContext({ ab: 'c' }))).not.toBe(toHex(encodeEncryptionContext({ a: 'bc' })));
    expect(toHex(encodeEncryptionContext(undefined))).toBe(toHex(encodeEncryptionContext({})));
    expect(toHex(encodeEncryptionContext({ k: 'é' }))).toBe('00000001' + '00000001' + '6b' + '00000002' + 'c3a9');
  });
});
