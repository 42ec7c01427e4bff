import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CachingCmmModel, MAX_BYTES_PER_CACHED_KEY, MAX_MESSAGES_PER_CACHED_KEY } from '../../../../src/sim/traffic/caching-cmm';
import { MaterialsCache } from '../../../../src/sim/traffic/materials-cache';
import { monthlyKmsBill, monthlyRequestCostUsd } from '../../../../src/sim/traffic/kms-pricing';
import { simulateCaching } from '../../../../src/sim/traffic/caching-sim';

function cmm(options: Partial<ConstructorParameters<typeof CachingCmmModel>[0]> = {}, capacity = 100): CachingCmmModel {
  return new CachingCmmModel({ cache: new MaterialsCache(capacity), maxAgeMs: 60_000, partition: 'p', ...options });
}

describe('caching CMM: encrypt path (reference §4.2)', () => {
  it('each data key encrypts exactly maxMessages messages: GenerateDataKey calls = ceil(messages / maxMessages)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 400 }), (maxMessages, messages) => {
        const model = cmm({ maxMessagesEncrypted: maxMessages });
        for (let i = 0; i < messages; i++) model.getEncryptionMaterials({ now: i, plaintextLength: 10 });
        expect(model.kmsCalls.generateDataKey).toBe(Math.ceil(messages / maxMessages));
        const perKey = model.messagesPerDataKey;
        expect(perKey.slice(0, -1).every((used) => used === maxMessages)).toBe(true);
        expect(perKey.at(-1)).toBe(messages - (perKey.length - 1) * maxMessages);
      }),
    );
  });

  it('increments, then checks with a strict >: message maxMessages + 1 gets a new key', () => {
    const model = cmm({ maxMessagesEncrypted: 3 });
    const keys = [0, 1, 2, 3, 4, 5, 6].map((i) => model.getEncryptionMaterials({ now: i, plaintextLength: 1 }));
    expect(keys.map((k) => k.dataKeyId)).toEqual([1, 1, 1, 2, 2, 2, 3]);
    expect(keys.map((k) => k.hit)).toEqual([false, true, true, false, true, true, false]);
  });

  it('maxAge: an entry exactly maxAge old is still used, a moment later it is not', () => {
    const model = cmm({ maxAgeMs: 1000 });
    model.getEncryptionMaterials({ now: 0, plaintextLength: 1 });
    expect(model.getEncryptionMaterials({ now: 1000, plaintextLength: 1 }).hit).toBe(true);
    expect(model.getEncryptionMaterials({ now: 1000.5, plaintextLength: 1 }).hit).toBe(false);
  });

  it('maxBytes counts the current message; a message over the limit is encrypted once and not cached', () => {
    const model = cmm({ maxBytesEncrypted: 3000 });
    const ids = [1000, 1000, 1000, 1000].map((n, i) => model.getEncryptionMaterials({ now: i, plaintextLength: n }).dataKeyId);
    expect(ids).toEqual([1, 1, 1, 2]);
    const big = model.getEncryptionMaterials({ now: 10, plaintextLength: 4000 });
    expect(big.hit).toBe(false);
    expect(model.getEncryptionMaterials({ now: 11, plaintextLength: 10 }).hit).toBe(false); // the big one's key was not kept
  });

  it('bypasses the cache for an unknown plaintext length and for suites without a KDF', () => {
    const model = cmm();
    expect([0, 1, 2].map((i) => model.getEncryptionMaterials({ now: i }).hit)).toEqual([false, false, false]);
    expect([0, 1].map((i) => model.getEncryptionMaterials({ now: i, plaintextLength: 5, suiteId: 0x0078 }).hit)).toEqual([false, false]);
    expect(model.kmsCalls.generateDataKey).toBe(5);
  });

  it('different encryption contexts never share a data key; different partitions do not either', () => {
    const cache = new MaterialsCache(10);
    const a = new CachingCmmModel({ cache, maxAgeMs: 1000, partition: 'A' });
    const a2 = new CachingCmmModel({ cache, maxAgeMs: 1000, partition: 'A' });
    const b = new CachingCmmModel({ cache, maxAgeMs: 1000, partition: 'B' });
    a.getEncryptionMaterials({ now: 0, plaintextLength: 1, encryptionContext: { tenant: '1' } });
    expect(a.getEncryptionMaterials({ now: 1, plaintextLength: 1, encryptionContext: { tenant: '2' } }).hit).toBe(false);
    expect(a.getEncryptionMaterials({ now: 2, plaintextLength: 1, encryptionContext: { tenant: '1' } }).hit).toBe(true);
    expect(a2.getEncryptionMaterials({ now: 3, plaintextLength: 1, encryptionContext: { tenant: '1' } }).hit).toBe(true);
    expect(b.getEncryptionMaterials({ now: 4, plaintextLength: 1, encryptionContext: { tenant: '1' } }).hit).toBe(false);
    // Key order inside a context does not matter (the SDK serializes contexts sorted).
    expect(a.encryptionCacheKey({ x: '1', y: '2' })).toBe(a.encryptionCacheKey({ y: '2', x: '1' }));
  });

  it('a keyring with extra KMS keys pays one Encrypt per extra key for every new data key', () => {
    const model = cmm({ maxMessagesEncrypted: 2, extraKmsKeys: 2 });
    for (let i = 0; i < 5; i++) model.getEncryptionMaterials({ now: i, plaintextLength: 1 });
    expect(model.kmsCalls).toEqual({ generateDataKey: 3, encrypt: 6, decrypt: 0 });
  });

  it('refuses the configurations the SDK refuses, and defaults to 2^32 messages and 2^53 − 1 bytes', () => {
    expect(() => cmm({ maxAgeMs: 0 })).toThrow('You must configure a maxAge');
    expect(() => cmm({ maxMessagesEncrypted: 2 ** 32 + 1 })).toThrow('maxMessagesEncrypted is outside of bounds.');
    expect(() => cmm({ maxBytesEncrypted: -1 })).toThrow('maxBytesEncrypted is outside of bounds.');
    expect(cmm({ maxMessagesEncrypted: 0 }).maxMessagesEncrypted).toBe(MAX_MESSAGES_PER_CACHED_KEY);
    expect(cmm().maxBytesEncrypted).toBe(MAX_BYTES_PER_CACHED_KEY);
  });
});

describe('caching CMM: decrypt path and the LRU', () => {
  it('decrypt entries ignore the counters and expire by maxAge only', () => {
    const model = cmm({ maxAgeMs: 500, maxMessagesEncrypted: 1 });
    const request = { encryptedDataKeys: ['edk-1'], encryptionContext: { tenant: '1' } };
    expect(model.decryptMaterials({ ...request, now: 0 }).hit).toBe(false);
    expect([1, 2, 3, 500].map((now) => model.decryptMaterials({ ...request, now }).hit)).toEqual([true, true, true, true]);
    expect(model.decryptMaterials({ ...request, now: 501 }).hit).toBe(false);
    expect(model.decryptMaterials({ encryptedDataKeys: ['edk-2'], encryptionContext: { tenant: '1' }, now: 502 }).hit).toBe(false);
    expect(model.kmsCalls.decrypt).toBe(3);
  });

  it('evicts the least recently used entry beyond capacity', () => {
    const cache = new MaterialsCache(2);
    const entry = (id: number) => ({ createdAt: 0, maxAgeMs: 1e9, messagesEncrypted: 1, bytesEncrypted: 0, dataKeyId: id });
    cache.put('A', entry(1));
    cache.put('B', entry(2));
    expect(cache.get('A', 1)?.dataKeyId).toBe(1); // A is now the most recently used
    cache.put('C', entry(3));
    expect(cache.get('B', 2)).toBeUndefined();
    expect(cache.get('A', 2)?.dataKeyId).toBe(1);
    expect(cache.get('C', 2)?.dataKeyId).toBe(3);
    expect(cache.evictions).toBe(1);
  });

  it('more contexts than cache entries, in turn: every message misses (the cache thrashes)', () => {
    const result = simulateCaching({ messagesPerSecond: 30, durationMs: 10_000, maxAgeMs: 60_000, maxMessages: 1000, encryptionContexts: 3, capacity: 2 });
    expect(result.cacheHits).toBe(0);
    expect(result.kmsCallsWithCaching).toBe(result.messages);
    const roomy = simulateCaching({ messagesPerSecond: 30, durationMs: 10_000, maxAgeMs: 60_000, maxMessages: 1000, encryptionContexts: 3, capacity: 3 });
    expect(roomy.generateDataKeyWithCaching).toBe(3);
  });
});

describe('KMS pricing (reference §5)', () => {
  it('$0.03 per 10,000 symmetric requests after 20,000 free a month, $1 per key-month', () => {
    expect(monthlyRequestCostUsd(20_000)).toBe(0);
    expect(monthlyRequestCostUsd(30_000)).toBeCloseTo(0.03, 10);
    expect(monthlyKmsBill(1_020_000, 2)).toEqual({ requests: 1_020_000, requestUsd: 3, keyUsd: 2, totalUsd: 5 });
  });

  it("reproduces the reference's worked example: 100 messages/s for 30 days", () => {
    const run = (maxMessages: number | undefined, maxAgeMs: number) =>
      simulateCaching({ messagesPerSecond: 100, durationMs: 100_000, maxAgeMs, maxMessages, billedKeys: 1 });
    const cached100 = run(100, 5000);
    expect(cached100.month.withoutCaching.requests).toBe(259_200_000);
    expect(cached100.month.withoutCaching.requestUsd.toFixed(2)).toBe('777.54');
    expect(cached100.month.withCaching.requests).toBe(2_592_000);
    expect(cached100.month.withCaching.requestUsd.toFixed(2)).toBe('7.72');
    expect(cached100.dataKeys).toMatchObject({ minMessages: 100, maxMessages: 100 });
    const cached1000 = run(1000, 60_000);
    expect(cached1000.month.withCaching.requests).toBe(259_200);
    expect(cached1000.month.withCaching.requestUsd.toFixed(2)).toBe('0.72');
    expect(cached1000.estimatedGenerateDataKeyPerSecond).toBeCloseTo(0.1, 10);
    expect(cached1000.month.withCaching.totalUsd.toFixed(2)).toBe('1.72');
  });

  it('15,000 messages/s with maxMessages 1,000 needs 15 GenerateDataKey a second', () => {
    const result = simulateCaching({ messagesPerSecond: 15_000, durationMs: 5_000, maxAgeMs: 60_000, maxMessages: 1000 });
    expect(result.seconds.map((s) => s.generateDataKeyWithCaching)).toEqual([15, 15, 15, 15, 15]);
    expect(result.seconds.map((s) => s.withoutCaching)).toEqual([15_000, 15_000, 15_000, 15_000, 15_000]);
  });

  it('Poisson arrivals are seeded: same seed, same run', () => {
    const params = { messagesPerSecond: 50, durationMs: 20_000, maxAgeMs: 2000, maxMessages: 40, arrivals: 'poisson' as const, seed: 4 };
    expect(simulateCaching(params)).toEqual(simulateCaching(params));
    expect(simulateCaching(params).messages).not.toBe(simulateCaching({ ...params, seed: 5 }).messages);
  });
});
