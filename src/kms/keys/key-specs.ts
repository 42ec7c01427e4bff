/**
 * Key specs, usages and algorithms as KMS names them (reference §3), and how each maps to WebCrypto.
 * What WebCrypto cannot do is listed with the reason, so the engine can say "not simulated".
 */
export const KEY_SPECS = [
  'RSA_2048', 'ECC_NIST_P384', 'ECC_NIST_P256', 'ECC_NIST_P521', 'HMAC_384', 'RSA_3072', 'ECC_SECG_P256K1',
  'RSA_4096', 'SYMMETRIC_DEFAULT', 'HMAC_256', 'HMAC_224', 'HMAC_512',
  // Newer specs in the botocore enum, appended after the 2023 recorded set (reference §3).
  'SM2', 'ML_DSA_44', 'ML_DSA_65', 'ML_DSA_87', 'ECC_NIST_EDWARDS25519',
] as const;
export type KeySpec = (typeof KEY_SPECS)[number];

/** Recorded order first (2023 enum message), KEY_AGREEMENT added since. */
export const KEY_USAGES = ['ENCRYPT_DECRYPT', 'SIGN_VERIFY', 'GENERATE_VERIFY_MAC', 'KEY_AGREEMENT'] as const;
export type KeyUsage = (typeof KEY_USAGES)[number];

export const ENCRYPTION_ALGORITHMS = ['SYMMETRIC_DEFAULT', 'RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256', 'SM2PKE'] as const;
export type EncryptionAlgorithm = (typeof ENCRYPTION_ALGORITHMS)[number];

export const SIGNING_ALGORITHMS = [
  'RSASSA_PSS_SHA_256', 'RSASSA_PSS_SHA_384', 'RSASSA_PSS_SHA_512',
  'RSASSA_PKCS1_V1_5_SHA_256', 'RSASSA_PKCS1_V1_5_SHA_384', 'RSASSA_PKCS1_V1_5_SHA_512',
  'ECDSA_SHA_256', 'ECDSA_SHA_384', 'ECDSA_SHA_512', 'SM2DSA', 'ML_DSA_SHAKE_256', 'ED25519_SHA_512', 'ED25519_PH_SHA_512',
] as const;
export type SigningAlgorithm = (typeof SIGNING_ALGORITHMS)[number];

/** In the order of the recorded ValidationException (reference §5 GenerateMac). */
export const MAC_ALGORITHMS = ['HMAC_SHA_384', 'HMAC_SHA_256', 'HMAC_SHA_224', 'HMAC_SHA_512'] as const;
export type MacAlgorithm = (typeof MAC_ALGORITHMS)[number];

export const DATA_KEY_PAIR_SPECS = [
  'RSA_2048', 'RSA_3072', 'RSA_4096', 'ECC_NIST_P256', 'ECC_NIST_P384', 'ECC_NIST_P521', 'ECC_SECG_P256K1', 'SM2',
  'ECC_NIST_EDWARDS25519',
] as const;
export type DataKeyPairSpec = (typeof DATA_KEY_PAIR_SPECS)[number];

export type HashName = 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';
export const HASH_BYTES: Record<HashName, number> = { 'SHA-1': 20, 'SHA-256': 32, 'SHA-384': 48, 'SHA-512': 64 };

export type KeyFamily = 'symmetric' | 'rsa' | 'ecc' | 'hmac';

interface SpecInfo {
  family: KeyFamily;
  usages: readonly KeyUsage[];
  /** Why WebCrypto cannot simulate the spec; absent when it can. */
  notSimulated?: string;
  rsaBits?: number;
  curve?: 'P-256' | 'P-384' | 'P-521';
  hmacHash?: HashName;
}

const NO_WEBCRYPTO = 'WebCrypto has no implementation of it';

export const SPECS: Record<KeySpec, SpecInfo> = {
  SYMMETRIC_DEFAULT: { family: 'symmetric', usages: ['ENCRYPT_DECRYPT'] },
  RSA_2048: { family: 'rsa', usages: ['ENCRYPT_DECRYPT', 'SIGN_VERIFY'], rsaBits: 2048 },
  RSA_3072: { family: 'rsa', usages: ['ENCRYPT_DECRYPT', 'SIGN_VERIFY'], rsaBits: 3072 },
  RSA_4096: { family: 'rsa', usages: ['ENCRYPT_DECRYPT', 'SIGN_VERIFY'], rsaBits: 4096 },
  ECC_NIST_P256: { family: 'ecc', usages: ['SIGN_VERIFY', 'KEY_AGREEMENT'], curve: 'P-256' },
  ECC_NIST_P384: { family: 'ecc', usages: ['SIGN_VERIFY', 'KEY_AGREEMENT'], curve: 'P-384' },
  ECC_NIST_P521: { family: 'ecc', usages: ['SIGN_VERIFY', 'KEY_AGREEMENT'], curve: 'P-521' },
  ECC_SECG_P256K1: { family: 'ecc', usages: ['SIGN_VERIFY'], notSimulated: `secp256k1: ${NO_WEBCRYPTO}` },
  HMAC_224: { family: 'hmac', usages: ['GENERATE_VERIFY_MAC'], notSimulated: `SHA-224: ${NO_WEBCRYPTO}` },
  HMAC_256: { family: 'hmac', usages: ['GENERATE_VERIFY_MAC'], hmacHash: 'SHA-256' },
  HMAC_384: { family: 'hmac', usages: ['GENERATE_VERIFY_MAC'], hmacHash: 'SHA-384' },
  HMAC_512: { family: 'hmac', usages: ['GENERATE_VERIFY_MAC'], hmacHash: 'SHA-512' },
  SM2: { family: 'ecc', usages: ['ENCRYPT_DECRYPT', 'SIGN_VERIFY', 'KEY_AGREEMENT'], notSimulated: `SM2 (China Regions only): ${NO_WEBCRYPTO}` },
  ML_DSA_44: { family: 'ecc', usages: ['SIGN_VERIFY'], notSimulated: `ML-DSA: ${NO_WEBCRYPTO}` },
  ML_DSA_65: { family: 'ecc', usages: ['SIGN_VERIFY'], notSimulated: `ML-DSA: ${NO_WEBCRYPTO}` },
  ML_DSA_87: { family: 'ecc', usages: ['SIGN_VERIFY'], notSimulated: `ML-DSA: ${NO_WEBCRYPTO}` },
  ECC_NIST_EDWARDS25519: { family: 'ecc', usages: ['SIGN_VERIFY', 'KEY_AGREEMENT'], notSimulated: 'Ed25519 KMS keys are outside the lessons' },
};

/** RSA-OAEP: the same hash for OAEP and MGF1, empty label (reference §3). */
export const OAEP_HASH: Partial<Record<EncryptionAlgorithm, HashName>> = {
  RSAES_OAEP_SHA_1: 'SHA-1',
  RSAES_OAEP_SHA_256: 'SHA-256',
};

export interface SigningScheme {
  webCrypto: 'RSA-PSS' | 'RSASSA-PKCS1-v1_5' | 'ECDSA';
  hash: HashName;
}

export const SIGNING_SCHEMES: Partial<Record<SigningAlgorithm, SigningScheme>> = {
  RSASSA_PSS_SHA_256: { webCrypto: 'RSA-PSS', hash: 'SHA-256' },
  RSASSA_PSS_SHA_384: { webCrypto: 'RSA-PSS', hash: 'SHA-384' },
  RSASSA_PSS_SHA_512: { webCrypto: 'RSA-PSS', hash: 'SHA-512' },
  RSASSA_PKCS1_V1_5_SHA_256: { webCrypto: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
  RSASSA_PKCS1_V1_5_SHA_384: { webCrypto: 'RSASSA-PKCS1-v1_5', hash: 'SHA-384' },
  RSASSA_PKCS1_V1_5_SHA_512: { webCrypto: 'RSASSA-PKCS1-v1_5', hash: 'SHA-512' },
  ECDSA_SHA_256: { webCrypto: 'ECDSA', hash: 'SHA-256' },
  ECDSA_SHA_384: { webCrypto: 'ECDSA', hash: 'SHA-384' },
  ECDSA_SHA_512: { webCrypto: 'ECDSA', hash: 'SHA-512' },
};

export const MAC_HASH: Record<MacAlgorithm, HashName | undefined> = {
  HMAC_SHA_224: undefined, // SHA-224 is not in WebCrypto
  HMAC_SHA_256: 'SHA-256',
  HMAC_SHA_384: 'SHA-384',
  HMAC_SHA_512: 'SHA-512',
};

/** The algorithms KeyMetadata lists for a spec and usage (reference §3, order as recorded). */
export function algorithmsFor(spec: KeySpec, usage: KeyUsage) {
  const info = SPECS[spec];
  if (usage === 'ENCRYPT_DECRYPT') {
    return { EncryptionAlgorithms: info.family === 'symmetric' ? ['SYMMETRIC_DEFAULT'] : ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256'] };
  }
  if (usage === 'SIGN_VERIFY') {
    if (info.family === 'rsa') {
      return {
        SigningAlgorithms: [
          'RSASSA_PKCS1_V1_5_SHA_256', 'RSASSA_PKCS1_V1_5_SHA_384', 'RSASSA_PKCS1_V1_5_SHA_512',
          'RSASSA_PSS_SHA_256', 'RSASSA_PSS_SHA_384', 'RSASSA_PSS_SHA_512',
        ],
      };
    }
    const byCurve: Partial<Record<KeySpec, string>> = {
      ECC_NIST_P256: 'ECDSA_SHA_256', ECC_SECG_P256K1: 'ECDSA_SHA_256', ECC_NIST_P384: 'ECDSA_SHA_384', ECC_NIST_P521: 'ECDSA_SHA_512',
    };
    return { SigningAlgorithms: [byCurve[spec] ?? ''] };
  }
  if (usage === 'GENERATE_VERIFY_MAC') return { MacAlgorithms: [`HMAC_SHA_${spec.slice('HMAC_'.length)}`] };
  return { KeyAgreementAlgorithms: ['ECDH'] };
}

/** Largest RSA-OAEP plaintext: key bytes − 2·hash bytes − 2 (reference §6). */
export function rsaOaepMaxPlaintext(bits: number, hash: HashName): number {
  return bits / 8 - 2 * HASH_BYTES[hash] - 2;
}
