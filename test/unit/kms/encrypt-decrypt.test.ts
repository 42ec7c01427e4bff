import { describe, expect, it } from 'vitest';
import { rsaOaepMaxPlaintext } from '../../../src/kms/keys/key-specs.ts';
import { ACCOUNT, REGION, bytesOf, failure, newKey, testKms, text } from './fixtures.ts';

describe('Encrypt / Decrypt / ReEncrypt', () => {
  it('accepts key id, key ARN, alias name and alias ARN, and always answers the key ARN', async () => {
    const { call } = testKms();
    const key = await newKey(call);
    await call('CreateAlias', { AliasName: 'alias/tutorial', TargetKeyId: key.KeyId });
    const forms = [key.KeyId, key.Arn, 'alias/tutorial', `arn:aws:kms:${REGION}:${ACCOUNT}:alias/tutorial`];
    for (const KeyId of forms) {
      const out = await call('Encrypt', { KeyId, Plaintext: text('secret') });
      expect(out.KeyId).toBe(key.Arn);
      expect(out.EncryptionAlgorithm).toBe('SYMMETRIC_DEFAULT');
      const back = await call('Decrypt', { CiphertextBlob: out.CiphertextBlob });
      expect(back.KeyId).toBe(key.Arn);
      expect(back.KeyMaterialId).toBe(key.CurrentKeyMaterialId);
      expect(new TextDecoder().decode(back.Plaintext as Uint8Array)).toBe('secret');
    }
  });

  it('encrypts exactly 4,096 bytes and the blob stays within 6,144', async () => {
    const { call } = testKms();
    const key = await newKey(call);
    const out = await call('Encrypt', { KeyId: key.KeyId, Plaintext: bytesOf(4096) });
    expect((out.CiphertextBlob as Uint8Array).length).toBeLessThanOrEqual(6144);
    const again = await call('Encrypt', { KeyId: key.KeyId, Plaintext: bytesOf(4096) });
    expect(again.CiphertextBlob).not.toEqual(out.CiphertextBlob); // random IV
  });

  it('resolution errors use AWS messages', async () => {
    const { call } = testKms();
    const missing = '1234abcd-12ab-34cd-56ef-1234567890ab';
    const cases: [string, string][] = [
      ['fake-key-id', "Invalid keyId 'fake-key-id'"],
      ['134f2428cec14b25a1ae9048164dba47', "Invalid keyId '134f2428cec14b25a1ae9048164dba47'"],
      [missing, `Key 'arn:aws:kms:${REGION}:${ACCOUNT}:key/${missing}' does not exist`],
      [`arn:aws:kms:us-east-1:${ACCOUNT}:key/${missing}`, 'Invalid arn us-east-1'],
      ['alias/nope', `Alias arn:aws:kms:${REGION}:${ACCOUNT}:alias/nope is not found.`],
    ];
    for (const [KeyId, message] of cases) {
      const error = await failure(call('Encrypt', { KeyId, Plaintext: text('x') }));
      expect([error.code, error.message]).toEqual(['NotFoundException', message]);
    }
  });

  it('Decrypt with a KeyId that did not encrypt is IncorrectKeyException', async () => {
    const { call } = testKms();
    const a = await newKey(call);
    const b = await newKey(call);
    const { CiphertextBlob } = await call('Encrypt', { KeyId: a.KeyId, Plaintext: text('x') });
    const error = await failure(call('Decrypt', { CiphertextBlob, KeyId: b.KeyId }));
    expect(error.code).toBe('IncorrectKeyException');
    expect(error.message).toBe('The key ID in the request does not identify a CMK that can perform this operation.');
  });

  it('RSA: OAEP limits per key size and algorithm, modulus-length ciphertext, KeyId required to decrypt', async () => {
    const { call } = testKms();
    const key = await newKey(call, { KeySpec: 'RSA_2048', KeyUsage: 'ENCRYPT_DECRYPT' });
    expect(key.EncryptionAlgorithms).toEqual(['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256']);
    for (const [algorithm, max] of [['RSAES_OAEP_SHA_1', 214], ['RSAES_OAEP_SHA_256', 190]] as const) {
      const ok = await call('Encrypt', { KeyId: key.KeyId, Plaintext: bytesOf(max), EncryptionAlgorithm: algorithm });
      expect((ok.CiphertextBlob as Uint8Array).length).toBe(256);
      const back = await call('Decrypt', { CiphertextBlob: ok.CiphertextBlob, KeyId: key.KeyId, EncryptionAlgorithm: algorithm });
      expect(back.Plaintext).toEqual(bytesOf(max));
      const tooBig = await failure(call('Encrypt', { KeyId: key.KeyId, Plaintext: bytesOf(max + 1), EncryptionAlgorithm: algorithm }));
      expect([tooBig.code, tooBig.message]).toEqual(['ValidationException', `Algorithm ${algorithm} and key spec RSA_2048 cannot encrypt data larger than ${max} bytes.`]);
    }
    const noAlgorithm = await failure(call('Encrypt', { KeyId: key.KeyId, Plaintext: text('x') }));
    expect([noAlgorithm.code, noAlgorithm.message]).toEqual(['InvalidKeyUsageException', 'Algorithm SYMMETRIC_DEFAULT is incompatible with key spec RSA_2048.']);
    const { CiphertextBlob } = await call('Encrypt', { KeyId: key.KeyId, Plaintext: text('x'), EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' });
    const noKeyId = await failure(call('Decrypt', { CiphertextBlob, EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' }));
    expect([noKeyId.code, noKeyId.message]).toEqual(['InvalidCiphertextException', '']);
    const wrongAlgorithm = await failure(call('Decrypt', { CiphertextBlob, KeyId: key.KeyId, EncryptionAlgorithm: 'RSAES_OAEP_SHA_1' }));
    expect(wrongAlgorithm.code).toBe('InvalidCiphertextException');
  });

  it('RSA-OAEP plaintext limits follow the reference table (§6) for every key size', () => {
    const table: [number, 'SHA-1' | 'SHA-256', number][] = [
      [2048, 'SHA-1', 214], [2048, 'SHA-256', 190], [3072, 'SHA-1', 342], [3072, 'SHA-256', 318], [4096, 'SHA-1', 470], [4096, 'SHA-256', 446],
    ];
    for (const [bits, hash, max] of table) expect(rsaOaepMaxPlaintext(bits, hash)).toBe(max);
  });

  it('RSA ciphertext made offline with the public key decrypts in KMS', async () => {
    const { call } = testKms();
    const key = await newKey(call, { KeySpec: 'RSA_2048', KeyUsage: 'ENCRYPT_DECRYPT' });
    const { PublicKey } = await call('GetPublicKey', { KeyId: key.KeyId });
    const publicKey = await crypto.subtle.importKey('spki', PublicKey as Uint8Array<ArrayBuffer>, { name: 'RSA-OAEP', hash: 'SHA-256' }, false, ['encrypt']);
    const offline = new Uint8Array(await crypto.subtle.encrypt({ name: 'RSA-OAEP' }, publicKey, text('made outside KMS')));
    const back = await call('Decrypt', { CiphertextBlob: offline, KeyId: key.Arn, EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' });
    expect(new TextDecoder().decode(back.Plaintext as Uint8Array)).toBe('made outside KMS');
  });

  it('wrong key usage: InvalidKeyUsageException with the key ARN', async () => {
    const { call } = testKms();
    const key = await newKey(call, { KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' });
    const error = await failure(call('Encrypt', { KeyId: key.KeyId, Plaintext: text('x') }));
    expect([error.code, error.message]).toEqual(['InvalidKeyUsageException', `${key.Arn} key usage is SIGN_VERIFY which is not valid for Encrypt.`]);
  });

  it('ReEncrypt moves a ciphertext to another key and context without exposing plaintext', async () => {
    const { kms, call } = testKms();
    const a = await newKey(call);
    const b = await newKey(call);
    const { CiphertextBlob } = await call('Encrypt', { KeyId: a.KeyId, Plaintext: text('move me'), EncryptionContext: { dept: 'a' } });
    const re = await call('ReEncrypt', {
      CiphertextBlob, SourceEncryptionContext: { dept: 'a' }, DestinationKeyId: b.KeyId, DestinationEncryptionContext: { dept: 'b' },
    });
    expect([re.SourceKeyId, re.KeyId]).toEqual([a.Arn, b.Arn]);
    expect(re).not.toHaveProperty('Plaintext');
    const back = await call('Decrypt', { CiphertextBlob: re.CiphertextBlob, EncryptionContext: { dept: 'b' } });
    expect(new TextDecoder().decode(back.Plaintext as Uint8Array)).toBe('move me');
    const event = kms.audit.events.find((e) => e.eventName === 'ReEncrypt')!;
    expect(event.resources?.map((r) => r.ARN).sort()).toEqual([a.Arn, b.Arn].sort());
  });

  it('DryRun answers DryRunOperationException after every check passed', async () => {
    const { call } = testKms();
    const key = await newKey(call);
    const error = await failure(call('Encrypt', { KeyId: key.KeyId, Plaintext: text('x'), DryRun: true }));
    expect([error.code, error.message]).toEqual(['DryRunOperationException', 'The request would have succeeded, but the DryRun option is set.']);
    const ignored = await failure(call('Decrypt', { CiphertextBlob: text('not a blob'), KeyId: key.KeyId, DryRun: true, DryRunModifiers: ['IGNORE_CIPHERTEXT'] }));
    expect(ignored.code).toBe('DryRunOperationException');
    const checked = await failure(call('Decrypt', { CiphertextBlob: text('not a blob'), KeyId: key.KeyId, DryRun: true }));
    expect(checked.code).toBe('InvalidCiphertextException');
  });
});

describe('data keys and random bytes', () => {
  it('GenerateDataKey: AES_256 → 32 bytes, AES_128 → 16, NumberOfBytes → N; the blob decrypts to the plaintext', async () => {
    const { call } = testKms();
    const key = await newKey(call);
    for (const [input, size] of [[{ KeySpec: 'AES_256' }, 32], [{ KeySpec: 'AES_128' }, 16], [{ NumberOfBytes: 1 }, 1], [{ NumberOfBytes: 1024 }, 1024]] as const) {
      const out = await call('GenerateDataKey', { KeyId: key.KeyId, EncryptionContext: { app: 'x' }, ...input });
      expect((out.Plaintext as Uint8Array).length).toBe(size);
      expect(out.KeyId).toBe(key.Arn);
      const back = await call('Decrypt', { CiphertextBlob: out.CiphertextBlob, EncryptionContext: { app: 'x' } });
      expect(back.Plaintext).toEqual(out.Plaintext);
    }
    const without = await call('GenerateDataKeyWithoutPlaintext', { KeyId: key.KeyId, KeySpec: 'AES_256' });
    expect(without).not.toHaveProperty('Plaintext');
    expect(((await call('Decrypt', { CiphertextBlob: without.CiphertextBlob })).Plaintext as Uint8Array).length).toBe(32);
  });

  it('GenerateDataKey needs exactly one of KeySpec and NumberOfBytes, and a symmetric key', async () => {
    const { call } = testKms();
    const key = await newKey(call);
    for (const input of [{}, { KeySpec: 'AES_256', NumberOfBytes: 32 }]) {
      expect((await failure(call('GenerateDataKey', { KeyId: key.KeyId, ...input }))).code).toBe('ValidationException');
    }
    const hmac = await newKey(call, { KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' });
    const error = await failure(call('GenerateDataKey', { KeyId: hmac.KeyId, KeySpec: 'AES_256' }));
    expect([error.code, error.message]).toEqual(['InvalidKeyUsageException', `${hmac.Arn} key usage is GENERATE_VERIFY_MAC which is not valid for GenerateDataKey.`]);
  });

  it('GenerateDataKeyPair: SPKI public key, PKCS#8 private key, and Decrypt(PrivateKeyCiphertextBlob) == PrivateKeyPlaintext', async () => {
    const { call } = testKms();
    const key = await newKey(call);
    const out = await call('GenerateDataKeyPair', { KeyId: key.KeyId, KeyPairSpec: 'ECC_NIST_P256' });
    const back = await call('Decrypt', { CiphertextBlob: out.PrivateKeyCiphertextBlob });
    expect(back.Plaintext).toEqual(out.PrivateKeyPlaintext);
    const priv = await crypto.subtle.importKey('pkcs8', out.PrivateKeyPlaintext as Uint8Array<ArrayBuffer>, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
    const pub = await crypto.subtle.importKey('spki', out.PublicKey as Uint8Array<ArrayBuffer>, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    const sig = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, priv, text('m'));
    expect(await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, pub, sig, text('m'))).toBe(true);
    const without = await call('GenerateDataKeyPairWithoutPlaintext', { KeyId: key.KeyId, KeyPairSpec: 'RSA_2048' });
    expect(without).not.toHaveProperty('PrivateKeyPlaintext');
    expect(without.KeyPairSpec).toBe('RSA_2048');
    const secp = await failure(call('GenerateDataKeyPair', { KeyId: key.KeyId, KeyPairSpec: 'ECC_SECG_P256K1' }));
    expect(secp.code).toBe('UnsupportedOperationException');
    expect(secp.message).toMatch(/not simulated in KMS Lab/);
  });

  it('GenerateRandom returns exactly the bytes asked for', async () => {
    const { call } = testKms();
    for (const n of [1, 12, 44, 91, 1024]) {
      expect(((await call('GenerateRandom', { NumberOfBytes: n })).Plaintext as Uint8Array).length).toBe(n);
    }
  });
});
