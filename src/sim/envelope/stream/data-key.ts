/**
 * The data key of one file as the chunk cipher holds it: imported into WebCrypto as a
 * non-extractable AES-GCM key, and the caller's plaintext bytes overwritten with zeros at once, so
 * the raw key exists only for the moment of the import (see data-key-cipher.ts for why that order
 * matters even though a JavaScript engine may keep copies it cannot reach).
 */
export async function importDataKey(plaintextKey: Uint8Array, usage: 'encrypt' | 'decrypt'): Promise<CryptoKey> {
  try {
    return await crypto.subtle.importKey('raw', new Uint8Array(plaintextKey), { name: 'AES-GCM' }, false, [usage]);
  } finally {
    plaintextKey.fill(0);
  }
}
