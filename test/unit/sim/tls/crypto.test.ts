/**
 * The TLS simulation's WebCrypto wrappers against published vectors, so a swapped parameter (salt
 * and info, IV and AAD) cannot hide behind round-trip tests that only check the code against itself.
 *
 * - ECDSA P-256 / SHA-256 signatures in raw r ‖ s form: Project Wycheproof,
 *   ecdsa_secp256r1_sha256_p1363_test.json (C2SP, in ../shared/vectors, see its README).
 * - AES-256-GCM with 96-bit IVs and 128-bit tags: Wycheproof aes_gcm_test.json.
 * - HKDF-SHA256: RFC 5869 Appendix A, test cases 1 and 3 (typed from the RFC).
 */
import { describe, expect, it } from 'vitest';
import { aesGcmOpen, aesGcmSeal, deriveBytes, importVerifyKey, verify } from '../../../../src/sim/tls/crypto';
import { fromHex, toHex } from '../../../../src/sim/tls';
import { hex, loadVectors } from '../../kms/wycheproof';

describe('TLS crypto wrappers against test vectors', () => {
  it('verifies ECDSA P-256 / SHA-256 signatures exactly as Wycheproof expects', async () => {
    const failures: number[] = [];
    let checked = 0;
    for (const group of loadVectors('ecdsa_secp256r1_sha256_p1363_test.json').testGroups) {
      const key = await importVerifyKey(hex(group.publicKeyDer));
      for (const t of group.tests) {
        const valid = await verify(key, hex(t.sig), hex(t.msg));
        if (t.result !== 'acceptable' && valid !== (t.result === 'valid')) failures.push(t.tcId);
        checked++;
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(250);
  });

  it('seals and opens AES-256-GCM records exactly as Wycheproof expects (96-bit IV, 128-bit tag)', async () => {
    const failures: number[] = [];
    let checked = 0;
    for (const group of loadVectors('aes_gcm_test.json').testGroups) {
      if (group.keySize !== 256 || group.ivSize !== 96 || group.tagSize !== 128) continue;
      for (const t of group.tests) {
        const key = await crypto.subtle.importKey('raw', hex(t.key), 'AES-GCM', false, ['encrypt', 'decrypt']);
        const sealed = new Uint8Array([...hex(t.ct), ...hex(t.tag)]);
        const opened = await aesGcmOpen(key, hex(t.iv), hex(t.aad), sealed);
        if (t.result === 'valid') {
          const resealed = await aesGcmSeal(key, hex(t.iv), hex(t.aad), hex(t.msg));
          if (!opened || toHex(opened) !== String(t.msg) || toHex(resealed) !== toHex(sealed)) failures.push(t.tcId);
        } else if (t.result === 'invalid' && opened) {
          failures.push(t.tcId);
        }
        checked++;
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(20);
  });

  const rfc5869 = [
    {
      name: 'test case 1',
      ikm: '0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b',
      salt: '000102030405060708090a0b0c',
      info: 'f0f1f2f3f4f5f6f7f8f9',
      okm: '3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865',
    },
    {
      name: 'test case 3 (empty salt and info)',
      ikm: '0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b',
      salt: '',
      info: '',
      okm: '8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8',
    },
  ];
  for (const vector of rfc5869) {
    it(`derives HKDF-SHA256 output as RFC 5869 ${vector.name}`, async () => {
      const ikm = await crypto.subtle.importKey('raw', fromHex(vector.ikm), 'HKDF', false, ['deriveBits', 'deriveKey']);
      const okm = await deriveBytes(ikm, { salt: fromHex(vector.salt), info: fromHex(vector.info) }, 42);
      expect(toHex(okm)).toBe(vector.okm);
    });
  }
});
