import { type Bytes, bufferSource, randomBytes } from './bytes.ts';

/** KMS's symmetric algorithm: AES-256-GCM with a 96-bit IV and a 128-bit tag (reference §9). */
export const GCM_IV_BYTES = 12;
export const GCM_TAG_BYTES = 16; // WebCrypto's default tagLength (128 bits); passing it explicitly costs time on every call

/** A fresh, NON-extractable AES-256-GCM key: the backing key of a symmetric KMS key. */
export async function generateAesKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

export async function aesGcmEncrypt(key: CryptoKey, plaintext: Uint8Array, aad: Uint8Array, iv = randomBytes(GCM_IV_BYTES)) {
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv: bufferSource(iv), additionalData: bufferSource(aad) },
    key,
    bufferSource(plaintext),
  );
  return { iv, sealed: new Uint8Array(sealed) as Bytes };
}

/**
 * Returns the plaintext, or undefined when authentication fails. The IV length is checked here
 * because Node raises the same OperationError for a refused IV as for a bad tag (Wycheproof README).
 */
export async function aesGcmDecrypt(key: CryptoKey, iv: Uint8Array, sealed: Uint8Array, aad: Uint8Array): Promise<Bytes | undefined> {
  if (iv.length !== GCM_IV_BYTES || sealed.length < GCM_TAG_BYTES) return undefined;
  try {
    const opened = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: bufferSource(iv), additionalData: bufferSource(aad) },
      key,
      bufferSource(sealed),
    );
    return new Uint8Array(opened);
  } catch {
    return undefined;
  }
}

/**
 * A stable fingerprint of an AES key that reveals nothing about it: AES-GCM of 32 zero bytes under
 * a fixed zero IV, hashed. Used to derive KeyMaterialId and to recognise re-imported material
 * without ever exporting the key. (A fixed IV is safe here: the fingerprint is the only message ever
 * encrypted with that IV, and it is the same message every time.)
 */
export async function aesKeyFingerprint(key: CryptoKey): Promise<Bytes> {
  const { sealed } = await aesGcmEncrypt(key, new Uint8Array(32), new Uint8Array(0), new Uint8Array(GCM_IV_BYTES));
  return new Uint8Array(await crypto.subtle.digest('SHA-256', sealed));
}
