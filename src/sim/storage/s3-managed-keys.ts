/**
 * SSE-S3: keys that Amazon S3 manages itself. Each object gets its own random 256-bit data key;
 * S3 encrypts that data key under a root key it holds and rotates internally, and stores the
 * wrapped key with the object. KMS takes no part: no key policy decides who may decrypt, and no
 * KMS call is recorded — anyone S3 lets read the object gets it decrypted.
 *
 * The root key here is a non-extractable AES-256-GCM CryptoKey made when the store is created; its
 * rotation is not simulated.
 */
import { concat, type Bytes } from '../tls/bytes';
import { IV_BYTES } from './object-record';

export const DATA_KEY_BYTES = 32;

export class S3ManagedKeys {
  private constructor(private readonly rootKey: CryptoKey) {}

  static async create(): Promise<S3ManagedKeys> {
    const rootKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    return new S3ManagedKeys(rootKey);
  }

  /** A fresh data key for one object, and the same key wrapped under the root key (IV ‖ ciphertext ‖ tag). */
  async newDataKey(): Promise<{ plaintext: Bytes; wrapped: Bytes }> {
    const plaintext = crypto.getRandomValues(new Uint8Array(DATA_KEY_BYTES));
    const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
    const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, this.rootKey, plaintext));
    return { plaintext, wrapped: concat(iv, sealed) };
  }

  /** The data key back from its wrapped form; only S3, holding the root key, can do this. */
  async unwrap(wrapped: Bytes): Promise<Bytes> {
    const iv = wrapped.subarray(0, IV_BYTES);
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, this.rootKey, wrapped.subarray(IV_BYTES)));
  }
}
