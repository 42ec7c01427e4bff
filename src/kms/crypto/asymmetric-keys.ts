import { type Bytes } from './bytes.ts';
import { type HashName, SIGNING_SCHEMES, type SigningAlgorithm } from '../keys/key-specs.ts';

/**
 * Asymmetric KMS key material. WebCrypto binds a CryptoKey to ONE algorithm (RSA-PSS with SHA-256,
 * RSA-OAEP with SHA-1, …) while a KMS RSA key serves up to six. So the pair is generated once, its
 * private key is WRAPPED (wrapKey, AES-GCM) under a throw-away non-extractable AES key and unwrapped
 * as a NON-extractable CryptoKey for each algorithm the key's usage allows. The private key never
 * exists as plaintext bytes in JavaScript, and once this function returns only non-extractable
 * private keys remain; only the public key is exported (DER SPKI).
 */
export interface AsymmetricMaterial {
  publicKeySpki: Bytes;
  /** Non-extractable private keys by KMS algorithm name. */
  privateKeys: Map<string, CryptoKey>;
  /** Public keys by KMS algorithm name (public halves may be extractable). */
  publicKeys: Map<string, CryptoKey>;
}

const RSA_EXPONENT = new Uint8Array([1, 0, 1]);

type ImportAlgorithm = RsaHashedImportParams | EcKeyImportParams;

async function splitPair(
  pair: CryptoKeyPair,
  algorithms: { name: string; params: ImportAlgorithm; privateUsage: KeyUsage; publicUsage: KeyUsage }[],
): Promise<AsymmetricMaterial> {
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
  const transport = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['wrapKey', 'unwrapKey']);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const wrapped = await crypto.subtle.wrapKey('pkcs8', pair.privateKey, transport, { name: 'AES-GCM', iv });
  const privateKeys = new Map<string, CryptoKey>();
  const publicKeys = new Map<string, CryptoKey>();
  for (const { name, params, privateUsage, publicUsage } of algorithms) {
    privateKeys.set(name, await crypto.subtle.unwrapKey('pkcs8', wrapped, transport, { name: 'AES-GCM', iv }, params, false, [privateUsage]));
    publicKeys.set(name, await crypto.subtle.importKey('spki', spki, params, true, [publicUsage]));
  }
  return { publicKeySpki: spki, privateKeys, publicKeys };
}

export async function generateRsaEncryptionMaterial(bits: number): Promise<AsymmetricMaterial> {
  const hashes: [string, HashName][] = [['RSAES_OAEP_SHA_1', 'SHA-1'], ['RSAES_OAEP_SHA_256', 'SHA-256']];
  const pair = await crypto.subtle.generateKey(
    { name: 'RSA-OAEP', modulusLength: bits, publicExponent: RSA_EXPONENT, hash: 'SHA-256' },
    true,
    ['encrypt', 'decrypt'],
  );
  return splitPair(
    pair,
    hashes.map(([name, hash]) => ({ name, params: { name: 'RSA-OAEP', hash }, privateUsage: 'decrypt', publicUsage: 'encrypt' })),
  );
}

export async function generateRsaSigningMaterial(bits: number): Promise<AsymmetricMaterial> {
  const pair = await crypto.subtle.generateKey(
    { name: 'RSA-PSS', modulusLength: bits, publicExponent: RSA_EXPONENT, hash: 'SHA-256' },
    true,
    ['sign', 'verify'],
  );
  const rsaAlgorithms = (Object.entries(SIGNING_SCHEMES) as [SigningAlgorithm, { webCrypto: string; hash: HashName }][])
    .filter(([, scheme]) => scheme.webCrypto !== 'ECDSA');
  return splitPair(
    pair,
    rsaAlgorithms.map(([name, scheme]) => ({
      name,
      params: { name: scheme.webCrypto, hash: scheme.hash },
      privateUsage: 'sign',
      publicUsage: 'verify',
    })),
  );
}

export async function generateEcSigningMaterial(curve: 'P-256' | 'P-384' | 'P-521', algorithm: string): Promise<AsymmetricMaterial> {
  // ECDSA keys are not bound to a hash in WebCrypto: the hash is chosen at sign time, so no copy is
  // needed; the private key is generated non-extractable from the start.
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: curve }, false, ['sign', 'verify']);
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
  return {
    publicKeySpki: spki,
    privateKeys: new Map([[algorithm, pair.privateKey]]),
    publicKeys: new Map([[algorithm, pair.publicKey]]),
  };
}

/** ECDH (KEY_AGREEMENT) material: a non-extractable private key that can only derive bits. */
export async function generateEcdhMaterial(curve: 'P-256' | 'P-384' | 'P-521'): Promise<AsymmetricMaterial> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: curve }, false, ['deriveBits']);
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
  return { publicKeySpki: spki, privateKeys: new Map([['ECDH', pair.privateKey]]), publicKeys: new Map([['ECDH', pair.publicKey]]) };
}

/** A data key pair is returned to the caller by definition (GenerateDataKeyPair): extractable. */
export async function generateDataKeyPair(spec: { rsaBits?: number; curve?: 'P-256' | 'P-384' | 'P-521' }) {
  const pair = spec.rsaBits
    ? await crypto.subtle.generateKey(
        { name: 'RSA-PSS', modulusLength: spec.rsaBits, publicExponent: RSA_EXPONENT, hash: 'SHA-256' },
        true,
        ['sign', 'verify'],
      )
    : await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: spec.curve! }, true, ['sign', 'verify']);
  return {
    publicKey: new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey)) as Bytes,
    privateKey: new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey)) as Bytes,
  };
}
