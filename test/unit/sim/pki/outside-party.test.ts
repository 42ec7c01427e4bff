/**
 * The outside party against the simulated KMS: a public key from GetPublicKey, handed over as PEM,
 * encrypts what only KMS Decrypt opens, and verifies what only KMS Sign made. Nothing here calls
 * KMS on the party's behalf.
 */
import { describe, expect, it } from 'vitest';
import { createKms, type KmsCaller } from '../../../../src/kms/index';
import { createModelClock } from '../../../../src/sim/core/clock';
import { createRng } from '../../../../src/sim/core/rng';
import { OutsideParty, PlaintextTooLargeError, pemToSpki, spkiToPem } from '../../../../src/sim/pki';

const admin: KmsCaller = { arn: 'arn:aws:iam::111122223333:user/alice', identityPolicies: [{ name: 'AdministratorAccess', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } }] };
const text = (s: string) => new TextEncoder().encode(s);

async function setUp(KeySpec: string, KeyUsage: string) {
  const clock = createModelClock();
  const kms = createKms({ clock, rng: createRng(7), accountId: '111122223333' });
  const context = { caller: admin, region: 'eu-west-2' };
  const created = await kms.call('CreateKey', { KeySpec, KeyUsage }, context);
  const keyId = (created.KeyMetadata as { KeyId: string }).KeyId;
  const { PublicKey } = await kms.call('GetPublicKey', { KeyId: keyId }, context);
  return { kms, context, keyId, der: PublicKey as Uint8Array, party: new OutsideParty('partner', spkiToPem(PublicKey as Uint8Array)) };
}

describe('PEM', () => {
  it('writes 64-character base64 lines between the PUBLIC KEY markers and reads the same bytes back', () => {
    const der = Uint8Array.from({ length: 100 }, (_, i) => (i * 37) % 256);
    const pem = spkiToPem(der);
    const lines = pem.trimEnd().split('\n');
    expect(lines[0]).toBe('-----BEGIN PUBLIC KEY-----');
    expect(lines.at(-1)).toBe('-----END PUBLIC KEY-----');
    // 100 bytes are 136 base64 characters: two full lines and one of 8.
    expect(lines.slice(1, -1).map((l) => l.length)).toEqual([64, 64, 8]);
    expect([...pemToSpki(pem)]).toEqual([...der]);
    expect([...pemToSpki(`junk before\n${pem}junk after`)]).toEqual([...der]);
  });

  it('refuses what is not a PEM public key', () => {
    expect(() => pemToSpki('-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----')).toThrow(/not a PEM public key/);
    expect(() => pemToSpki('-----BEGIN PUBLIC KEY-----\n%%%\n-----END PUBLIC KEY-----')).toThrow(/not base64/);
    expect(() => new OutsideParty('x', 'hello')).toThrow(/not a PEM public key/);
  });
});

describe('OutsideParty', () => {
  it('encrypts with the downloaded RSA_2048 public key; only KMS Decrypt with the same algorithm opens it', async () => {
    const { kms, context, keyId, party } = await setUp('RSA_2048', 'ENCRYPT_DECRYPT');
    const ciphertext = await party.encrypt(text('the launch code'), 'RSAES_OAEP_SHA_256');
    expect(ciphertext.length).toBe(256);
    const opened = await kms.call('Decrypt', { KeyId: keyId, CiphertextBlob: ciphertext, EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' }, context);
    expect(new TextDecoder().decode(opened.Plaintext as Uint8Array)).toBe('the launch code');
    await expect(kms.call('Decrypt', { KeyId: keyId, CiphertextBlob: ciphertext, EncryptionAlgorithm: 'RSAES_OAEP_SHA_1' }, context)).rejects.toMatchObject({ code: 'InvalidCiphertextException', message: '' });
  });

  it('knows the RSA-OAEP limits KMS enforces (190 and 214 bytes for RSA_2048) and refuses one byte more', async () => {
    const { party } = await setUp('RSA_2048', 'ENCRYPT_DECRYPT');
    expect(await party.maxPlaintext('RSAES_OAEP_SHA_256')).toBe(190);
    expect(await party.maxPlaintext('RSAES_OAEP_SHA_1')).toBe(214);
    expect((await party.encrypt(new Uint8Array(190), 'RSAES_OAEP_SHA_256')).length).toBe(256);
    const refusal = await party.encrypt(new Uint8Array(191), 'RSAES_OAEP_SHA_256').catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(PlaintextTooLargeError);
    expect(refusal).toMatchObject({ bytes: 191, maxBytes: 190 });
    await expect(party.encrypt(new Uint8Array(1), 'SYMMETRIC_DEFAULT')).rejects.toThrow(/not RSA-OAEP/);
  });

  it('verifies an ECC_NIST_P256 signature from KMS Sign offline, and rejects a message with one byte changed', async () => {
    const { kms, context, keyId, party } = await setUp('ECC_NIST_P256', 'SIGN_VERIFY');
    const message = text('release 2.4.0 sha256=9f86d081884c7d65');
    const { Signature } = await kms.call('Sign', { KeyId: keyId, Message: message, SigningAlgorithm: 'ECDSA_SHA_256' }, context);
    expect(await party.verify(message, Signature as Uint8Array, 'ECDSA_SHA_256')).toBe(true);
    const tampered = message.slice();
    tampered[8] ^= 0x01;
    expect(await party.verify(tampered, Signature as Uint8Array, 'ECDSA_SHA_256')).toBe(false);
    await expect(party.verify(message, Signature as Uint8Array, 'ECDSA_SHA_384')).rejects.toThrow();
  });

  it('verifies RSASSA-PSS signatures of an RSA SIGN_VERIFY key (salt length = hash length, as KMS signs)', async () => {
    const { kms, context, keyId, party } = await setUp('RSA_2048', 'SIGN_VERIFY');
    const message = text('invoice 77');
    const { Signature } = await kms.call('Sign', { KeyId: keyId, Message: message, SigningAlgorithm: 'RSASSA_PSS_SHA_256' }, context);
    expect(await party.verify(message, Signature as Uint8Array, 'RSASSA_PSS_SHA_256')).toBe(true);
    expect(await party.verify(text('invoice 78'), Signature as Uint8Array, 'RSASSA_PSS_SHA_256')).toBe(false);
  });
});
