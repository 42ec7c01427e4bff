import { describe, expect, it } from 'vitest';
import { testKms, text, failure } from './fixtures.ts';

describe('smoke', () => {
  it('creates a key, encrypts and decrypts', async () => {
    const { call } = testKms();
    const { KeyMetadata } = (await call('CreateKey', { Description: 'tutorial' })) as { KeyMetadata: Record<string, unknown> };
    expect(KeyMetadata.KeyState).toBe('Enabled');
    const enc = await call('Encrypt', { KeyId: KeyMetadata.KeyId, Plaintext: text('hello') });
    const dec = await call('Decrypt', { CiphertextBlob: enc.CiphertextBlob });
    expect(new TextDecoder().decode(dec.Plaintext as Uint8Array)).toBe('hello');
    expect(dec.KeyId).toBe(KeyMetadata.Arn);
    const err = await failure(call('Decrypt', { CiphertextBlob: enc.CiphertextBlob, EncryptionContext: { a: 'b' } }));
    expect(err.code).toBe('InvalidCiphertextException');
  });
});
