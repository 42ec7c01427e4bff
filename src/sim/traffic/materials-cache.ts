/**
 * The Encryption SDK's local cryptographic-materials cache, as a model (reference/backoff.md §4.2):
 * an LRU of at most `capacity` entries, encrypt and decrypt entries counted alike, each entry with
 * its own maxAge. A get of an entry older than its maxAge drops it and misses (lru-cache v6 with
 * `stale: false`); a get makes the entry the most recently used; a put beyond capacity evicts the
 * least recently used entry. The SDK's proactive 60 s timer that peeks at the tail only frees memory
 * earlier; it never changes a hit into a miss, so it is not simulated.
 *
 * The entries hold no key material here: the lab counts KMS calls, it does not encrypt.
 */
export interface CacheEntry {
  /** Model time (ms) the data key was put in the cache. */
  createdAt: number;
  maxAgeMs: number;
  messagesEncrypted: number;
  bytesEncrypted: number;
  /** Which data key this is (1, 2, 3… in order of creation), so a lab can follow each key's use. */
  dataKeyId: number;
}

export class MaterialsCache {
  // A Map iterates in insertion order: re-inserting on every hit keeps the least recently used first.
  private readonly entries = new Map<string, CacheEntry>();
  evictions = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`cache capacity must be a positive integer (got ${capacity})`);
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string, now: number): CacheEntry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (now - entry.createdAt > entry.maxAgeMs) return undefined;
    this.entries.set(key, entry);
    return entry;
  }

  put(key: string, entry: CacheEntry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
      this.evictions++;
    }
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}
