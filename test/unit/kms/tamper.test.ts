import { describe, expect, it } from 'vitest';
import { failure, newKey, testKms, text } from './fixtures.ts';

/** Any change to a blob or its context is InvalidCiphertextException with an empty message — never garbage. */
describe('tampering', () => {
  it('every single-bit flip of sample blobs is InvalidCiphertextException', async () => {
    const { call } = testKms();
    const key = await newKey(call);
    const samples = [
      (await call('Encrypt', { KeyId: key.KeyId, Plaintext: text('pay 10 EUR') })).CiphertextBlob as Uint8Array,
      (await call('Encrypt', { KeyId: key.KeyId, Plaintext: text('x'), EncryptionContext: { order: '42' } })).CiphertextBlob as Uint8Array,
      (await call('GenerateDataKey', { KeyId: key.KeyId, KeySpec: 'AES_128' })).CiphertextBlob as Uint8Array,
    ];
    const contexts = [undefined, { order: '42' }, undefined];
    let flips = 0;
    for (const [i, blob] of samples.entries()) {
      for (let bit = 0; bit < blob.length * 8; bit++) {
        const bad = blob.slice();
        bad[bit >> 3] ^= 1 << (bit & 7);
        const error = await failure(call('Decrypt', { CiphertextBlob: bad, EncryptionContext: contexts[i] }));
        expect([error.code, error.message], `sample ${i} bit ${bit}`).toEqual(['InvalidCiphertextException', '']);
        flips++;
      }
    }
    expect(flips).toBeGreaterThan(1500);
  });

  it('truncated, extended and random blobs are InvalidCiphertextException', async () => {
    const { call } = testKms();
    const key = await newKey(call);
    const blob = (await call('Encrypt', { KeyId: key.KeyId, Plaintext: text('hello') })).CiphertextBlob as Uint8Array;
    const variants = [blob.slice(0, blob.length - 1), blob.slice(68), new Uint8Array([...blob, 0]), crypto.getRandomValues(new Uint8Array(blob.length)), new Uint8Array(1)];
    for (const bad of variants) {
      expect((await failure(call('Decrypt', { CiphertextBlob: bad }))).code).toBe('InvalidCiphertextException');
    }
  });

  it('every wrong or missing encryption context is InvalidCiphertextException; pair order does not matter', async () => {
    const { call } = testKms();
    const key = await newKey(call);
    const context = { purpose: 'invoice', tenant: 'acme' };
    const blob = (await call('Encrypt', { KeyId: key.KeyId, Plaintext: text('x'), EncryptionContext: context })).CiphertextBlob;
    const wrong = [
      undefined, {}, { purpose: 'invoice' }, { purpose: 'invoice', tenant: 'Acme' }, { Purpose: 'invoice', tenant: 'acme' },
      { purpose: 'invoice', tenant: 'acme', extra: '' }, { purpose: 'invoicetenant', '': 'acme' }, { purpose: 'invoice', tenant: 'acme ' },
    ];
    for (const EncryptionContext of wrong) {
      const error = await failure(call('Decrypt', { CiphertextBlob: blob, EncryptionContext }));
      expect([error.code, error.message], JSON.stringify(EncryptionContext)).toEqual(['InvalidCiphertextException', '']);
    }
    const reordered = await call('Decrypt', { CiphertextBlob: blob, EncryptionContext: { tenant: 'acme', purpose: 'invoice' } });
    expect(new TextDecoder().decode(reordered.Plaintext as Uint8Array)).toBe('x');
  });

  it('a blob from one key cannot be passed off under another (header is authenticated)', async () => {
    const { call } = testKms();
    const a = await newKey(call);
    const b = await newKey(call);
    const blob = (await call('Encrypt', { KeyId: a.KeyId, Plaintext: text('x') })).CiphertextBlob as Uint8Array;
    const forged = blob.slice();
    const bId = b.KeyId.replace(/-/g, '');
    for (let i = 0; i < 16; i++) forged[2 + i] = parseInt(bId.slice(2 * i, 2 * i + 2), 16);
    expect((await failure(call('Decrypt', { CiphertextBlob: forged }))).code).toBe('InvalidCiphertextException');
  });
});
