/**
 * Encrypting an object with a plaintext data key, the way a storage service does: the raw key is
 * imported into WebCrypto as a non-extractable AES-GCM key and the caller's copy of the bytes is
 * overwritten with zeros at once, so the plaintext data key exists only for the moment it is used.
 * (A JavaScript engine may still hold copies the program cannot reach; a real service uses memory
 * it controls. The point shown here is the order: use, then discard, never store.)
 *
 * The object's ARN is the AES-GCM additional data, so a ciphertext moved under another name on
 * the disk fails its tag instead of decrypting.
 */
import { utf8, type Bytes } from '../tls/bytes';
import { IV_BYTES } from './object-record';

async function importOnce(plaintextKey: Uint8Array, usage: 'encrypt' | 'decrypt'): Promise<CryptoKey> {
  try {
    return await crypto.subtle.importKey('raw', new Uint8Array(plaintextKey), { name: 'AES-GCM' }, false, [usage]);
  } finally {
    plaintextKey.fill(0);
  }
}

/** Encrypts `body` under the data key and erases the key bytes. */
export async function encryptWithDataKey(plaintextKey: Uint8Array, body: Uint8Array, objectArn: string): Promise<{ iv: Bytes; ciphertext: Bytes }> {
  const key = await importOnce(plaintextKey, 'encrypt');
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const ciphertext = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: utf8(objectArn) }, key, new Uint8Array(body)));
  return { iv, ciphertext };
}

/** Decrypts with the data key and erases the key bytes; rejects if the ciphertext, IV or name changed. */
export async function decryptWithDataKey(plaintextKey: Uint8Array, iv: Bytes, ciphertext: Bytes, objectArn: string): Promise<Bytes> {
  const key = await importOnce(plaintextKey, 'decrypt');
  return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: utf8(objectArn) }, key, ciphertext));
}
