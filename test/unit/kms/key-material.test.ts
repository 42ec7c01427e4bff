import { describe, expect, it } from 'vitest';
import { defaultAuthorizer } from '../../../src/kms/access/authorize.ts';
import { DEFAULT_LIMITS, type KmsWorld } from '../../../src/kms/engine-context.ts';
import { createKeyRecord } from '../../../src/kms/keys/key-factory.ts';
import type { KeySpec, KeyUsage } from '../../../src/kms/keys/key-specs.ts';
import { KeyStore } from '../../../src/kms/keys/key-store.ts';
import { createModelClock } from '../../../src/sim/core/clock.ts';
import { createRng } from '../../../src/sim/core/rng.ts';

const world = (): KmsWorld => ({
  store: new KeyStore(), clock: createModelClock(), rng: createRng(7), defaultAccountId: '111122223333',
  limits: DEFAULT_LIMITS, authorize: defaultAuthorizer,
});

/** KMS key material lives only in non-extractable CryptoKeys: WebCrypto itself refuses to export it. */
describe('key material never leaves its CryptoKey', () => {
  it.each([
    ['SYMMETRIC_DEFAULT', 'ENCRYPT_DECRYPT'], ['RSA_2048', 'ENCRYPT_DECRYPT'], ['RSA_2048', 'SIGN_VERIFY'],
    ['ECC_NIST_P384', 'SIGN_VERIFY'], ['HMAC_512', 'GENERATE_VERIFY_MAC'],
  ] as [KeySpec, KeyUsage][])('%s %s', async (spec, usage) => {
    const key = await createKeyRecord(world(), {
      accountId: '111122223333', region: 'eu-west-2', spec, usage, origin: 'AWS_KMS', manager: 'CUSTOMER', description: '',
    });
    const secrets = [...key.backing.map((b) => b.key), ...(key.asymmetric?.privateKeys.values() ?? []), ...(key.hmacKey ? [key.hmacKey] : [])];
    expect(secrets.length).toBeGreaterThan(0);
    for (const secret of secrets) {
      expect(secret.extractable).toBe(false);
      await expect(crypto.subtle.exportKey(secret.type === 'private' ? 'pkcs8' : 'raw', secret)).rejects.toThrow();
    }
    if (key.asymmetric) expect(key.asymmetric.publicKeySpki[0]).toBe(0x30); // DER SubjectPublicKeyInfo
  });
});
