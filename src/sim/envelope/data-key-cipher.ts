/**
 * Encrypting with a plaintext data key, the step every kind of envelope encryption shares (a
 * storage service at rest, a client before upload): the raw key is imported into WebCrypto as a
 * non-extractable AES-GCM key and the caller's copy of the bytes is overwritten with zeros at once,
 * so the plaintext data key exists only for the moment it is used. (A JavaScript engine may still
 * hold copies the program cannot reach; real software uses memory it controls. The point shown
 * here is the order: use, then discard, never store.)
 *
 * `additionalData` is authenticated but not encrypted (AES-GCM's AAD): S3 binds the object's ARN,
 * a client binds its encryption context, so ciphertext moved under another name fails its tag
 * instead of decrypting.
 */
import { utf8, type Bytes } from '../tls/bytes';

/** AES-GCM's 96-bit nonce. */
export const IV_BYTES = 12;
/** AES-GCM's authentication tag, appended to the ciphertext. */
export const TAG_BYTES = 16;

const asBytes = (data: string | Uint8Array): Bytes => (typeof data === 'string' ? utf8(data) : new Uint8Array(data));

async function importOnce(plaintextKey: Uint8Array, usage: 'encrypt' | 'decrypt'): Promise<CryptoKey> {
  try {
    return await crypto.subtle.importKey('raw', new Uint8Array(plaintextKey), { name: 'AES-GCM' }, false, [usage]);
  } finally {
    plaintextKey.fill(0);
  }
}

/** Encrypts `body` under the data key (fresh random IV) and erases the key bytes. */
export async function encryptWithDataKey(plaintextKey: Uint8Array, body: Uint8Array, additionalData: string | Uint8Array): Promise<{ iv: Bytes; ciphertext: Bytes }> {
  const key = await importOnce(plaintextKey, 'encrypt');
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const ciphertext = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: asBytes(additionalData) }, key, new Uint8Array(body)));
  return { iv, ciphertext };
}

/** Decrypts with the data key and erases the key bytes; rejects if the ciphertext, IV or additional data changed. */
export async function decryptWithDataKey(plaintextKey: Uint8Array, iv: Bytes, ciphertext: Bytes, additionalData: string | Uint8Array): Promise<Bytes> {
  const key = await importOnce(plaintextKey, 'decrypt');
  return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: asBytes(additionalData) }, key, ciphertext));
}
