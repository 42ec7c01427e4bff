import { type Bytes, copy } from './bytes.ts';

/**
 * RSAES-OAEP as KMS uses it: the same hash for OAEP and MGF1 (fixed when the CryptoKey was
 * imported), empty label. Ciphertext is the bare OAEP output, exactly the modulus length.
 */
export async function rsaOaepEncrypt(publicKey: CryptoKey, plaintext: Uint8Array): Promise<Bytes> {
  return new Uint8Array(await crypto.subtle.encrypt({ name: 'RSA-OAEP' }, publicKey, copy(plaintext))) as Bytes;
}

/** The plaintext, or undefined for any ciphertext that does not decrypt (never an exception). */
export async function rsaOaepDecrypt(privateKey: CryptoKey, ciphertext: Uint8Array, label?: Uint8Array): Promise<Bytes | undefined> {
  try {
    const params: RsaOaepParams = label && label.length > 0 ? { name: 'RSA-OAEP', label: copy(label) } : { name: 'RSA-OAEP' };
    return new Uint8Array(await crypto.subtle.decrypt(params, privateKey, copy(ciphertext))) as Bytes;
  } catch {
    return undefined;
  }
}
