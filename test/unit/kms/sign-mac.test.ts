import { createPublicKey, verify as nodeVerify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { failure, newKey, testKms, text } from './fixtures.ts';

describe('Sign / Verify', () => {
  it.each([
    ['ECC_NIST_P256', 'ECDSA_SHA_256', 'sha256'],
    ['ECC_NIST_P384', 'ECDSA_SHA_384', 'sha384'],
    ['ECC_NIST_P521', 'ECDSA_SHA_512', 'sha512'],
  ])('%s signs DER signatures that OpenSSL verifies with the public key', async (KeySpec, SigningAlgorithm, hash) => {
    const { call } = testKms();
    const key = await newKey(call, { KeySpec, KeyUsage: 'SIGN_VERIFY' });
    expect(key.SigningAlgorithms).toEqual([SigningAlgorithm]);
    const message = text('I owe you 10 EUR');
    const signed = await call('Sign', { KeyId: key.KeyId, Message: message, SigningAlgorithm });
    expect([signed.KeyId, signed.SigningAlgorithm]).toEqual([key.Arn, SigningAlgorithm]);
    const signature = signed.Signature as Uint8Array;
    expect(signature[0]).toBe(0x30); // DER SEQUENCE, as KMS returns
    const { PublicKey } = await call('GetPublicKey', { KeyId: key.KeyId });
    const publicKey = createPublicKey({ key: Buffer.from(PublicKey as Uint8Array), format: 'der', type: 'spki' });
    expect(nodeVerify(hash, message, { key: publicKey, dsaEncoding: 'der' }, signature)).toBe(true);
    const verified = await call('Verify', { KeyId: key.KeyId, Message: message, Signature: signature, SigningAlgorithm });
    expect(verified).toEqual({ KeyId: key.Arn, SignatureValid: true, SigningAlgorithm });
    const bad = await failure(call('Verify', { KeyId: key.KeyId, Message: text('I owe you 99 EUR'), Signature: signature, SigningAlgorithm }));
    expect([bad.code, bad.message]).toEqual(['KMSInvalidSignatureException', '']);
  });

  it('RSA: PSS with salt = hash length and PKCS#1 v1.5, all six algorithms, checked by OpenSSL', async () => {
    const { call } = testKms();
    const key = await newKey(call, { KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' });
    const { PublicKey } = await call('GetPublicKey', { KeyId: key.KeyId });
    const publicKey = createPublicKey({ key: Buffer.from(PublicKey as Uint8Array), format: 'der', type: 'spki' });
    const message = text('contract');
    for (const bits of ['256', '384', '512']) {
      for (const scheme of ['RSASSA_PSS', 'RSASSA_PKCS1_V1_5']) {
        const SigningAlgorithm = `${scheme}_SHA_${bits}`;
        const { Signature } = await call('Sign', { KeyId: key.KeyId, Message: message, SigningAlgorithm });
        expect((Signature as Uint8Array).length).toBe(256);
        const pss = scheme === 'RSASSA_PSS';
        const ok = nodeVerify(`sha${bits}`, message, pss ? { key: publicKey, padding: 6, saltLength: Number(bits) / 8 } : publicKey, Signature as Uint8Array);
        expect(ok, SigningAlgorithm).toBe(true);
        await call('Verify', { KeyId: key.KeyId, Message: message, Signature, SigningAlgorithm });
      }
    }
  });

  it('refusals: wrong usage, algorithm for another curve, digest length, DIGEST not simulated', async () => {
    const { call } = testKms();
    const symmetric = await newKey(call);
    const usage = await failure(call('Verify', { KeyId: symmetric.KeyId, Message: text('m'), Signature: text('s'), SigningAlgorithm: 'ECDSA_SHA_256' }));
    expect([usage.code, usage.message]).toEqual(['InvalidKeyUsageException', `${symmetric.Arn} key usage is ENCRYPT_DECRYPT which is not valid for Verify.`]);
    const p256 = await newKey(call, { KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' });
    expect((await failure(call('Sign', { KeyId: p256.KeyId, Message: text('m'), SigningAlgorithm: 'ECDSA_SHA_384' }))).code).toBe('InvalidKeyUsageException');
    const digest = await failure(call('Sign', { KeyId: p256.KeyId, Message: new Uint8Array(31), MessageType: 'DIGEST', SigningAlgorithm: 'ECDSA_SHA_256' }));
    expect([digest.code, digest.message]).toEqual(['ValidationException', 'Digest is invalid length for algorithm ECDSA_SHA_256.']);
    const notSimulated = await failure(call('Sign', { KeyId: p256.KeyId, Message: new Uint8Array(32), MessageType: 'DIGEST', SigningAlgorithm: 'ECDSA_SHA_256' }));
    expect(notSimulated.code).toBe('UnsupportedOperationException');
    expect(notSimulated.message).toMatch(/not simulated in KMS Lab/);
  });

  it.each([
    ['ECC_NIST_P384', 'ECDSA_SHA_384', 'SHA-384'],
    ['RSA_2048', 'RSASSA_PSS_SHA_256', 'SHA-256'],
    ['RSA_2048', 'RSASSA_PKCS1_V1_5_SHA_512', 'SHA-512'],
  ])('%s %s: a RAW signature verifies with MessageType DIGEST and the message digest', async (KeySpec, SigningAlgorithm, hash) => {
    const { call } = testKms();
    const key = await newKey(call, { KeySpec, KeyUsage: 'SIGN_VERIFY' });
    const message = text('release v1.2.3');
    const { Signature } = await call('Sign', { KeyId: key.KeyId, Message: message, SigningAlgorithm });
    const digest = new Uint8Array(await crypto.subtle.digest(hash, message));
    const ok = await call('Verify', { KeyId: key.KeyId, Message: digest, MessageType: 'DIGEST', Signature, SigningAlgorithm });
    expect(ok.SignatureValid).toBe(true);
    digest[0] ^= 1;
    const bad = await failure(call('Verify', { KeyId: key.KeyId, Message: digest, MessageType: 'DIGEST', Signature, SigningAlgorithm }));
    expect([bad.code, bad.message]).toEqual(['KMSInvalidSignatureException', '']);
  });

  it('specs WebCrypto cannot do are refused at CreateKey with "not simulated"', async () => {
    const { call } = testKms();
    for (const [KeySpec, KeyUsage] of [['ECC_SECG_P256K1', 'SIGN_VERIFY'], ['HMAC_224', 'GENERATE_VERIFY_MAC'], ['SM2', 'SIGN_VERIFY']]) {
      const error = await failure(call('CreateKey', { KeySpec, KeyUsage }));
      expect(error.code).toBe('UnsupportedOperationException');
      expect(error.message).toMatch(/is not simulated in KMS Lab\.$/);
    }
  });

  it('CreateKey usage rules', async () => {
    const { call } = testKms();
    const missing = await failure(call('CreateKey', { KeySpec: 'HMAC_256' }));
    expect([missing.code, missing.message]).toEqual(['ValidationException', 'You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.']);
    const agreement = await failure(call('CreateKey', { KeySpec: 'RSA_2048', KeyUsage: 'KEY_AGREEMENT' }));
    expect([agreement.code, agreement.message]).toEqual(['ValidationException', 'KeyUsage KEY_AGREEMENT is not compatible with KeySpec RSA_2048']);
  });
});

describe('GenerateMac / VerifyMac', () => {
  it('HMAC_256 round trip, wrong MAC, algorithm mismatch and non-HMAC key', async () => {
    const { call } = testKms();
    const key = await newKey(call, { KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' });
    expect([key.MacAlgorithms, 'EncryptionAlgorithms' in key, 'CurrentKeyMaterialId' in key]).toEqual([['HMAC_SHA_256'], false, false]);
    const { Mac, MacAlgorithm, KeyId } = await call('GenerateMac', { KeyId: key.KeyId, Message: text('m'), MacAlgorithm: 'HMAC_SHA_256' });
    expect([(Mac as Uint8Array).length, MacAlgorithm, KeyId]).toEqual([32, 'HMAC_SHA_256', key.Arn]);
    expect(await call('VerifyMac', { KeyId: key.KeyId, Message: text('m'), Mac, MacAlgorithm: 'HMAC_SHA_256' })).toEqual({ KeyId: key.Arn, MacValid: true, MacAlgorithm: 'HMAC_SHA_256' });
    const wrong = await failure(call('VerifyMac', { KeyId: key.KeyId, Message: text('n'), Mac, MacAlgorithm: 'HMAC_SHA_256' }));
    expect([wrong.code, wrong.message]).toEqual(['KMSInvalidMacException', '']);
    const mismatch = await failure(call('GenerateMac', { KeyId: key.KeyId, Message: text('m'), MacAlgorithm: 'HMAC_SHA_512' }));
    expect([mismatch.code, mismatch.message]).toEqual(['InvalidKeyUsageException', 'Algorithm HMAC_SHA_512 is incompatible with key spec HMAC_256.']);
    const symmetric = await newKey(call);
    const usage = await failure(call('GenerateMac', { KeyId: symmetric.KeyId, Message: text('m'), MacAlgorithm: 'HMAC_SHA_256' }));
    expect(usage.message).toBe(`${symmetric.Arn} key usage is ENCRYPT_DECRYPT which is not valid for GenerateMac.`);
    const publicKey = await failure(call('GetPublicKey', { KeyId: symmetric.KeyId }));
    expect(publicKey.code).toBe('UnsupportedOperationException');
  });
});

describe('DeriveSharedSecret (KEY_AGREEMENT keys)', () => {
  it('agrees with the peer: both sides derive the same ECDH secret', async () => {
    const { call } = testKms();
    const key = await newKey(call, { KeySpec: 'ECC_NIST_P256', KeyUsage: 'KEY_AGREEMENT' });
    expect(key.KeyAgreementAlgorithms).toEqual(['ECDH']);
    const peer = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits']);
    const peerSpki = new Uint8Array(await crypto.subtle.exportKey('spki', peer.publicKey));
    const out = await call('DeriveSharedSecret', { KeyId: key.KeyId, KeyAgreementAlgorithm: 'ECDH', PublicKey: peerSpki });
    expect([out.KeyId, out.KeyAgreementAlgorithm, out.KeyOrigin]).toEqual([key.Arn, 'ECDH', 'AWS_KMS']);
    const { PublicKey } = await call('GetPublicKey', { KeyId: key.KeyId });
    const kmsPublic = await crypto.subtle.importKey('spki', PublicKey as Uint8Array<ArrayBuffer>, { name: 'ECDH', namedCurve: 'P-256' }, false, []);
    const peerSide = new Uint8Array(await crypto.subtle.deriveBits({ name: 'ECDH', public: kmsPublic }, peer.privateKey, null));
    expect(out.SharedSecret).toEqual(peerSide);
    const garbage = await failure(call('DeriveSharedSecret', { KeyId: key.KeyId, KeyAgreementAlgorithm: 'ECDH', PublicKey: text('not a key') }));
    expect([garbage.code, garbage.message]).toEqual(['ValidationException', '']);
    const signing = await newKey(call, { KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' });
    const usage = await failure(call('DeriveSharedSecret', { KeyId: signing.KeyId, KeyAgreementAlgorithm: 'ECDH', PublicKey: peerSpki }));
    expect(usage.message).toBe(`${signing.Arn} key usage is SIGN_VERIFY which is not valid for DeriveSharedSecret.`);
  });
});
