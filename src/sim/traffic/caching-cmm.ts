/**
 * The caching cryptographic materials manager of the AWS Encryption SDK for JavaScript
 * (WebCryptoCachingMaterialsManager), as a model that counts KMS calls (reference/backoff.md §4.1–4.2).
 *
 * Encrypt: bypass the cache if the suite is not cache-safe or the plaintext length is unknown.
 * Otherwise look the cache key up; a hit first adds this message to the entry's counters, then the
 * limits are checked with a strict `>` (age > maxAge, messages > maxMessages, bytes > maxBytes). Within
 * the limits the cached data key is reused (no KMS call); otherwise the entry is dropped, the backing
 * keyring calls KMS (one GenerateDataKey on the generator key plus one Encrypt per extra key), and the
 * new data key is cached with messages = 1 and bytes = this message, unless this first use already
 * exceeds a limit (then it is used once, uncached). So each data key encrypts exactly maxMessages
 * messages when age and bytes allow.
 *
 * Decrypt: the cache key includes the encrypted data keys, counters are not used, only maxAge
 * applies; a miss costs one KMS Decrypt.
 *
 * Cache keys: the SDK hashes (SHA-512) the partition, the suite and the serialized encryption context
 * (plus the EDKs for decrypt). The model keeps the same components in an unambiguous JSON string:
 * equal inputs share an entry, different encryption contexts never do, exactly as with the hashes.
 * Concurrent misses sharing one in-flight KMS request are not simulated: the lab's calls are sequential.
 */
import { MaterialsCache } from './materials-cache';

/** Maximum.MESSAGES_PER_CACHED_KEY_LIMIT: 2^32. */
export const MAX_MESSAGES_PER_CACHED_KEY = 2 ** 32;
/** Maximum.BYTES_PER_CACHED_KEY_LIMIT in JavaScript: 2^53 − 1 (the spec says 2^63 − 1). */
export const MAX_BYTES_PER_CACHED_KEY = Number.MAX_SAFE_INTEGER;
/** The default suite under the default commitment policy (AES-256-GCM, HKDF-SHA512, key commitment, ECDSA P-384). */
export const DEFAULT_SUITE_ID = 0x0578;
/** The NO_KDF suites are not cache-safe: their data key is the content key itself. */
export const NOT_CACHE_SAFE_SUITES: readonly number[] = [0x0014, 0x0046, 0x0078];

export type EncryptionContext = Readonly<Record<string, string>>;

export interface CachingCmmOptions {
  cache: MaterialsCache;
  /** Required and > 0, in milliseconds as in the JavaScript SDK (other languages use seconds). */
  maxAgeMs: number;
  /** 0 or undefined means the default 2^32. */
  maxMessagesEncrypted?: number;
  /** 0 or undefined means the default 2^53 − 1. */
  maxBytesEncrypted?: number;
  /** CMMs share entries only with the same partition; the SDK makes up a random one if unset. */
  partition: string;
  /** Extra KMS keys in the keyring: each new data key is also encrypted under each (one Encrypt each). */
  extraKmsKeys?: number;
}

export interface EncryptRequest {
  now: number;
  /** Unknown (undefined) when streaming without a length: the cache is bypassed. */
  plaintextLength?: number;
  encryptionContext?: EncryptionContext;
  suiteId?: number;
}

export interface KmsCallCount {
  generateDataKey: number;
  encrypt: number;
  decrypt: number;
}

export interface EncryptMaterialsOutcome {
  /** Reused a cached data key (no KMS call). */
  hit: boolean;
  /** Which data key encrypts this message. */
  dataKeyId: number;
  kmsCalls: KmsCallCount;
}

export interface DecryptRequest {
  now: number;
  /** The message's encrypted data keys, as opaque ids (e.g. the data key id that made them). */
  encryptedDataKeys: readonly string[];
  encryptionContext?: EncryptionContext;
  suiteId?: number;
}

function serializeContext(context: EncryptionContext | undefined): [string, string][] {
  return Object.entries(context ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

export class CachingCmmModel {
  readonly maxAgeMs: number;
  readonly maxMessagesEncrypted: number;
  readonly maxBytesEncrypted: number;
  readonly partition: string;
  readonly extraKmsKeys: number;
  private readonly cache: MaterialsCache;
  private dataKeys = 0;
  /** Every KMS call this CMM's backing keyring made. */
  readonly kmsCalls: KmsCallCount = { generateDataKey: 0, encrypt: 0, decrypt: 0 };
  /** Messages encrypted under each data key, by data key id − 1. */
  readonly messagesPerDataKey: number[] = [];

  constructor(options: CachingCmmOptions) {
    if (!(options.maxAgeMs > 0)) throw new RangeError('You must configure a maxAge');
    const messages = options.maxMessagesEncrypted || MAX_MESSAGES_PER_CACHED_KEY;
    const bytes = options.maxBytesEncrypted || MAX_BYTES_PER_CACHED_KEY;
    if (!(messages > 0 && messages <= MAX_MESSAGES_PER_CACHED_KEY)) throw new RangeError('maxMessagesEncrypted is outside of bounds.');
    if (!(bytes > 0 && bytes <= MAX_BYTES_PER_CACHED_KEY)) throw new RangeError('maxBytesEncrypted is outside of bounds.');
    if (!options.partition) throw new RangeError('partition must be a string.');
    this.cache = options.cache;
    this.maxAgeMs = options.maxAgeMs;
    this.maxMessagesEncrypted = messages;
    this.maxBytesEncrypted = bytes;
    this.partition = options.partition;
    this.extraKmsKeys = options.extraKmsKeys ?? 0;
  }

  // A lab sends the same context objects over and over; building the key once per (context, suite)
  // keeps a minute of 15,000 messages/s fast. The memo is by identity, so a changed object gets a new key.
  private readonly keyMemo = new WeakMap<EncryptionContext, Map<number | null, string>>();
  private static readonly NO_CONTEXT: EncryptionContext = Object.freeze({});

  encryptionCacheKey(encryptionContext?: EncryptionContext, suiteId?: number): string {
    const context = encryptionContext ?? CachingCmmModel.NO_CONTEXT;
    let bySuite = this.keyMemo.get(context);
    if (!bySuite) this.keyMemo.set(context, (bySuite = new Map()));
    let key = bySuite.get(suiteId ?? null);
    if (key === undefined) {
      key = JSON.stringify(['encrypt', this.partition, suiteId ?? null, serializeContext(context)]);
      bySuite.set(suiteId ?? null, key);
    }
    return key;
  }

  decryptionCacheKey(request: DecryptRequest): string {
    return JSON.stringify(['decrypt', this.partition, request.suiteId ?? DEFAULT_SUITE_ID, [...request.encryptedDataKeys].sort(), serializeContext(request.encryptionContext)]);
  }

  private exceeded(age: number, messages: number, bytes: number): boolean {
    return age > this.maxAgeMs || messages > this.maxMessagesEncrypted || bytes > this.maxBytesEncrypted;
  }

  private newDataKey(): { dataKeyId: number; kmsCalls: KmsCallCount } {
    const calls = { generateDataKey: 1, encrypt: this.extraKmsKeys, decrypt: 0 };
    this.kmsCalls.generateDataKey += calls.generateDataKey;
    this.kmsCalls.encrypt += calls.encrypt;
    this.messagesPerDataKey.push(1);
    return { dataKeyId: ++this.dataKeys, kmsCalls: calls };
  }

  getEncryptionMaterials({ now, plaintextLength, encryptionContext, suiteId }: EncryptRequest): EncryptMaterialsOutcome {
    const cacheable = (suiteId === undefined || !NOT_CACHE_SAFE_SUITES.includes(suiteId)) && typeof plaintextLength === 'number' && plaintextLength >= 0;
    if (!cacheable) return { hit: false, ...this.newDataKey() };

    const key = this.encryptionCacheKey(encryptionContext, suiteId);
    const entry = this.cache.get(key, now);
    if (entry) {
      // Increment first, then check: the message that would go over a limit is not encrypted with this key.
      entry.messagesEncrypted += 1;
      entry.bytesEncrypted += plaintextLength;
      if (!this.exceeded(now - entry.createdAt, entry.messagesEncrypted, entry.bytesEncrypted)) {
        this.messagesPerDataKey[entry.dataKeyId - 1]++;
        return { hit: true, dataKeyId: entry.dataKeyId, kmsCalls: { generateDataKey: 0, encrypt: 0, decrypt: 0 } };
      }
    }
    this.cache.delete(key);
    const fresh = this.newDataKey();
    // The first use of a data key is exempt from the limits, but a key it already exceeds is not cached.
    if (!this.exceeded(0, 1, plaintextLength)) {
      this.cache.put(key, { createdAt: now, maxAgeMs: this.maxAgeMs, messagesEncrypted: 1, bytesEncrypted: plaintextLength, dataKeyId: fresh.dataKeyId });
    }
    return { hit: false, ...fresh };
  }

  /** Returns whether the decrypt materials came from the cache; a miss costs one KMS Decrypt. */
  decryptMaterials(request: DecryptRequest): { hit: boolean; kmsCalls: KmsCallCount } {
    const key = this.decryptionCacheKey(request);
    const entry = this.cache.get(key, request.now);
    if (entry && !this.exceeded(request.now - entry.createdAt, 0, 0)) return { hit: true, kmsCalls: { generateDataKey: 0, encrypt: 0, decrypt: 0 } };
    this.cache.delete(key);
    this.kmsCalls.decrypt++;
    this.cache.put(key, { createdAt: request.now, maxAgeMs: this.maxAgeMs, messagesEncrypted: 0, bytesEncrypted: 0, dataKeyId: 0 });
    return { hit: false, kmsCalls: { generateDataKey: 0, encrypt: 0, decrypt: 1 } };
  }
}
