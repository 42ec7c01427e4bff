import { describe, expect, it } from 'vitest';
import { verifyDigest } from '../../../src/kms/crypto/digest-verify.ts';
import type { HashName, SigningScheme } from '../../../src/kms/keys/key-specs.ts';
import { hex, loadVectors } from './wycheproof.ts';

/**
 * Verify with MessageType DIGEST runs outside WebCrypto (big-integer checks from the public key), so
 * it is held to the same Wycheproof vectors: the digest of each vector's message must verify exactly
 * when Wycheproof says the signature is valid.
 */
const CURVES: Record<string, string> = { secp256r1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' };

async function run(file: string, scheme: (g: Record<string, unknown>) => SigningScheme | undefined, importKey: (g: Record<string, unknown>) => Promise<CryptoKey>) {
  const failures: string[] = [];
  let checked = 0;
  for (const group of loadVectors(file).testGroups) {
    const s = scheme(group);
    if (!s) continue;
    const key = await importKey(group);
    for (const t of group.tests) {
      checked++;
      const digest = new Uint8Array(await crypto.subtle.digest(s.hash, hex(t.msg)));
      const ok = await verifyDigest(s, key, digest, hex(t.sig));
      if ((t.result === 'valid') !== ok) failures.push(`tc${t.tcId} (${t.result}): ${ok ? 'accepted' : 'rejected'}`);
    }
  }
  return { failures, checked };
}

describe('Verify with DIGEST against Wycheproof', () => {
  it.each(['rsa_signature_2048_sha256_test.json', 'rsa_signature_3072_sha384_test.json', 'rsa_signature_4096_sha512_test.json'])('PKCS#1 v1.5 %s', async (file) => {
    const { failures, checked } = await run(
      file,
      (g) => ({ webCrypto: 'RSASSA-PKCS1-v1_5', hash: g.sha as HashName }),
      (g) => crypto.subtle.importKey('spki', hex(g.publicKeyDer), { name: 'RSASSA-PKCS1-v1_5', hash: g.sha as string }, true, ['verify']),
    );
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(250);
  });

  it.each(['rsa_pss_2048_sha256_mgf1_32_test.json', 'rsa_pss_2048_sha384_mgf1_48_test.json', 'rsa_pss_4096_sha512_mgf1_64_test.json'])('PSS %s', async (file) => {
    const { failures, checked } = await run(
      file,
      (g) => ({ webCrypto: 'RSA-PSS', hash: g.sha as HashName }),
      (g) => crypto.subtle.importKey('spki', hex(g.publicKeyDer), { name: 'RSA-PSS', hash: g.sha as string }, true, ['verify']),
    );
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });

  it.each([['secp256r1_sha256', 'SHA-256'], ['secp384r1_sha384', 'SHA-384'], ['secp521r1_sha512', 'SHA-512']])('ECDSA DER %s', async (name, hash) => {
    const { failures, checked } = await run(
      `ecdsa_${name}_test.json`,
      () => ({ webCrypto: 'ECDSA', hash: hash as HashName }),
      (g) => crypto.subtle.importKey('spki', hex(g.publicKeyDer), { name: 'ECDSA', namedCurve: CURVES[(g.publicKey as { curve: string }).curve] }, true, ['verify']),
    );
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(480);
  }, 120_000);
});
