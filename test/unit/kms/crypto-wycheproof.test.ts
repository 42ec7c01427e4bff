import { describe, expect, it } from 'vitest';
import { aesGcmDecrypt, aesGcmEncrypt } from '../../../src/kms/crypto/aes-gcm.ts';
import { toHex } from '../../../src/kms/crypto/bytes.ts';
import { CURVE_SCALAR_BYTES, derToP1363, p1363ToDer } from '../../../src/kms/crypto/ecdsa-der.ts';
import { rsaOaepDecrypt } from '../../../src/kms/crypto/rsa-oaep.ts';
import { signMessage, verifyMessage } from '../../../src/kms/crypto/signatures.ts';
import { HASH_BYTES, type HashName, type SigningScheme } from '../../../src/kms/keys/key-specs.ts';
import { hex, loadVectors } from './wycheproof.ts';

/**
 * The crypto layer of the engine against Project Wycheproof (C2SP, see the vectors' README).
 * Every vector the layer can express must give Wycheproof's answer; the ones it cannot express
 * (SHA-224, an MGF1 hash different from the message hash, a PSS salt other than the hash length,
 * AES-GCM IVs other than 96 bits, which KMS never uses) are counted and asserted as refused or skipped.
 * `acceptable` vectors are pinned to what the layer does.
 */
const WEBCRYPTO_HASHES = new Set<string>(['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512']);
const CURVES: Record<string, 'P-256' | 'P-384' | 'P-521'> = { secp256r1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' };

interface Tally {
  checked: number;
  failures: string[];
}

function expectClean(tally: Tally, minimum: number) {
  expect(tally.failures).toEqual([]);
  expect(tally.checked).toBeGreaterThanOrEqual(minimum);
}

describe('AES-256-GCM (aes_gcm_test.json)', () => {
  it('agrees with every 96-bit-IV vector and refuses every other IV length', async () => {
    const tally: Tally = { checked: 0, failures: [] };
    let refusedIvs = 0;
    for (const group of loadVectors('aes_gcm_test.json').testGroups) {
      for (const t of group.tests) {
        const key = await crypto.subtle.importKey('raw', hex(t.key), 'AES-GCM', false, ['encrypt', 'decrypt']);
        const sealed = new Uint8Array([...hex(t.ct), ...hex(t.tag)]);
        const opened = await aesGcmDecrypt(key, hex(t.iv), sealed, hex(t.aad));
        if (group.ivSize !== 96) {
          refusedIvs++;
          if (opened !== undefined) tally.failures.push(`tc${t.tcId}: non-96-bit IV accepted`);
          continue;
        }
        tally.checked++;
        if (t.result === 'valid') {
          const { sealed: produced } = await aesGcmEncrypt(key, hex(t.msg), hex(t.aad), hex(t.iv));
          if (toHex(produced) !== toHex(sealed)) tally.failures.push(`tc${t.tcId}: encrypt differs`);
          if (!opened || toHex(opened) !== t.msg) tally.failures.push(`tc${t.tcId}: valid vector rejected`);
        } else if (opened !== undefined) {
          tally.failures.push(`tc${t.tcId}: invalid vector accepted`);
        }
      }
    }
    expectClean(tally, 66);
    expect(refusedIvs).toBeGreaterThan(0);
  });
});

describe('RSAES-OAEP', () => {
  const files = [
    'rsa_oaep_2048_sha1_mgf1sha1_test.json',
    'rsa_oaep_2048_sha256_mgf1sha256_test.json',
    'rsa_oaep_3072_sha256_mgf1sha256_test.json',
    'rsa_oaep_4096_sha256_mgf1sha256_test.json',
    'rsa_oaep_misc_test.json',
  ];
  it.each(files)('%s: every vector with one hash for OAEP and MGF1 decrypts as Wycheproof says', async (file) => {
    const tally: Tally = { checked: 0, failures: [] };
    for (const group of loadVectors(file).testGroups) {
      const sha = group.sha as string;
      if (group.mgfSha !== sha || !WEBCRYPTO_HASHES.has(sha)) continue; // not expressible in WebCrypto
      const key = await crypto.subtle.importKey('pkcs8', hex(group.privateKeyPkcs8), { name: 'RSA-OAEP', hash: sha }, false, ['decrypt']);
      for (const t of group.tests) {
        tally.checked++;
        const plaintext = await rsaOaepDecrypt(key, hex(t.ct), hex(t.label));
        const ok = plaintext !== undefined && toHex(plaintext) === t.msg;
        // acceptable = SmallIntegerCiphertext: pinned to "decrypts", as Node does.
        if ((t.result === 'invalid') === ok) tally.failures.push(`tc${t.tcId} (${t.result}): ${ok ? 'decrypted' : 'refused'}`);
      }
    }
    expectClean(tally, 3);
  });
});

async function verifyFile(file: string, scheme: (group: Record<string, unknown>) => SigningScheme | undefined, importAs: (group: Record<string, unknown>) => Promise<CryptoKey>) {
  const tally: Tally = { checked: 0, failures: [] };
  for (const group of loadVectors(file).testGroups) {
    const s = scheme(group);
    if (!s) continue;
    const key = await importAs(group);
    for (const t of group.tests) {
      tally.checked++;
      const ok = await verifyMessage(s, key, hex(t.msg), hex(t.sig));
      // acceptable = MissingNull in PKCS#1 v1.5: pinned to "rejected", as Node does.
      if ((t.result === 'valid') !== ok) tally.failures.push(`tc${t.tcId} (${t.result}): ${ok ? 'accepted' : 'rejected'}`);
    }
  }
  return tally;
}

describe('RSASSA-PSS (salt length = hash length, as KMS)', () => {
  const files = [
    'rsa_pss_2048_sha256_mgf1_32_test.json', 'rsa_pss_2048_sha384_mgf1_48_test.json', 'rsa_pss_3072_sha256_mgf1_32_test.json',
    'rsa_pss_4096_sha256_mgf1_32_test.json', 'rsa_pss_4096_sha384_mgf1_48_test.json', 'rsa_pss_4096_sha512_mgf1_64_test.json',
    'rsa_pss_misc_test.json',
  ];
  it.each(files)('%s', async (file) => {
    const tally = await verifyFile(
      file,
      (g) => {
        const sha = g.sha as HashName;
        const expressible = g.mgfSha === sha && WEBCRYPTO_HASHES.has(sha) && g.sLen === HASH_BYTES[sha];
        return expressible ? { webCrypto: 'RSA-PSS', hash: sha } : undefined;
      },
      (g) => crypto.subtle.importKey('spki', hex(g.publicKeyDer), { name: 'RSA-PSS', hash: g.sha as string }, false, ['verify']),
    );
    expectClean(tally, 1);
  });
});

describe('RSASSA-PKCS1-v1_5', () => {
  const sizes = ['2048', '3072', '4096'];
  const hashes = ['sha256', 'sha384', 'sha512'];
  const verifyFiles = sizes.flatMap((s) => hashes.map((h) => `rsa_signature_${s}_${h}_test.json`));
  it.each(verifyFiles)('verify %s', async (file) => {
    const tally = await verifyFile(
      file,
      (g) => ({ webCrypto: 'RSASSA-PKCS1-v1_5', hash: g.sha as HashName }),
      (g) => crypto.subtle.importKey('spki', hex(g.publicKeyDer), { name: 'RSASSA-PKCS1-v1_5', hash: g.sha as string }, false, ['verify']),
    );
    expectClean(tally, 250);
  });

  it.each(sizes.map((s) => `rsa_pkcs1_${s}_sig_gen_test.json`))('sign %s byte for byte', async (file) => {
    const tally: Tally = { checked: 0, failures: [] };
    for (const group of loadVectors(file).testGroups) {
      const sha = group.sha as HashName;
      if (!WEBCRYPTO_HASHES.has(sha)) continue; // SHA-224
      const key = await crypto.subtle.importKey('pkcs8', hex(group.privateKeyPkcs8), { name: 'RSASSA-PKCS1-v1_5', hash: sha }, false, ['sign']);
      for (const t of group.tests) {
        tally.checked++;
        const sig = await signMessage({ webCrypto: 'RSASSA-PKCS1-v1_5', hash: sha }, key, hex(t.msg));
        if (toHex(sig) !== t.sig) tally.failures.push(`tc${t.tcId}: signature differs`);
      }
    }
    expectClean(tally, 24);
  });
});

describe('ECDSA', () => {
  const pairs: [string, HashName][] = [['secp256r1_sha256', 'SHA-256'], ['secp384r1_sha384', 'SHA-384'], ['secp521r1_sha512', 'SHA-512']];
  const importEc = (g: Record<string, unknown>) => {
    const curve = CURVES[(g.publicKey as { curve: string }).curve];
    return crypto.subtle.importKey('spki', hex(g.publicKeyDer), { name: 'ECDSA', namedCurve: curve }, false, ['verify']);
  };

  it.each(pairs)('DER signatures (%s) — the format KMS returns', async (name, hash) => {
    const tally = await verifyFile(`ecdsa_${name}_test.json`, () => ({ webCrypto: 'ECDSA', hash }), importEc);
    expectClean(tally, 480);
  });

  it.each(pairs)('P1363 signatures (%s) through the DER converter', async (name, hash) => {
    const tally: Tally = { checked: 0, failures: [] };
    for (const group of loadVectors(`ecdsa_${name}_p1363_test.json`).testGroups) {
      if (!group.publicKeyDer) continue;
      const key = await importEc(group);
      const n = CURVE_SCALAR_BYTES[CURVES[(group.publicKey as { curve: string }).curve]];
      for (const t of group.tests) {
        tally.checked++;
        const sig = hex(t.sig);
        // A raw signature of the wrong size cannot be one (SignatureSize vectors): KMS Lab never converts it.
        const ok = sig.length === 2 * n ? await verifyMessage({ webCrypto: 'ECDSA', hash }, key, hex(t.msg), p1363ToDer(sig)) : false;
        if ((t.result === 'valid') !== ok) tally.failures.push(`tc${t.tcId} (${t.result}): ${ok ? 'accepted' : 'rejected'}`);
      }
    }
    expectClean(tally, 250);
  });

  it.each(pairs)('every valid DER signature survives DER → P1363 → DER unchanged (%s)', (name) => {
    let checked = 0;
    for (const group of loadVectors(`ecdsa_${name}_test.json`).testGroups) {
      const n = CURVE_SCALAR_BYTES[CURVES[(group.publicKey as { curve: string }).curve]];
      for (const t of group.tests.filter((x) => x.result === 'valid')) {
        const raw = derToP1363(hex(t.sig), n);
        expect(raw, `tc${t.tcId}`).toBeDefined();
        expect(toHex(p1363ToDer(raw!))).toBe(t.sig);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(150);
  });
});
