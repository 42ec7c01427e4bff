/**
 * The data-key caching lab: an application encrypts messages at a steady rate through the Encryption
 * SDK's caching CMM (caching-cmm.ts) and we count the KMS calls with and without the cache, per second
 * and projected to a monthly bill (kms-pricing.ts).
 */
import { createRng } from '../core/rng';
import { CachingCmmModel, type EncryptionContext } from './caching-cmm';
import { MaterialsCache } from './materials-cache';
import { monthlyKmsBill, SECONDS_PER_MONTH, type MonthlyKmsBill } from './kms-pricing';

export interface CachingParams {
  messagesPerSecond: number;
  durationMs: number;
  /** Cache entry lifetime, ms (required by the SDK). */
  maxAgeMs: number;
  /** maxMessagesEncrypted; default 2^32. */
  maxMessages?: number;
  /** maxBytesEncrypted; default 2^53 − 1. */
  maxBytes?: number;
  /** Plaintext bytes per message; default 1,024. */
  messageBytes?: number;
  /** Distinct encryption contexts the messages use in turn; each is its own cache key. Default 1. */
  encryptionContexts?: number;
  /** Cache entries (the SDK's LRU capacity); default 100, as in the SDK's browser example. */
  capacity?: number;
  /** KMS keys in the keyring besides the generator: one extra Encrypt each per new data key. */
  extraKmsKeys?: number;
  /** Customer managed keys billed at $1 a month; default 1 + extraKmsKeys. */
  billedKeys?: number;
  /** 'steady': evenly spaced messages (the reference's worked example); 'poisson': random arrivals. */
  arrivals?: 'steady' | 'poisson';
  seed?: number;
}

export interface CachingSecond {
  second: number;
  messages: number;
  /** KMS calls made in this second with the caching CMM (GenerateDataKey + extra Encrypt). */
  withCaching: number;
  generateDataKeyWithCaching: number;
  /** Without caching, every message gets a fresh data key: 1 GenerateDataKey + extra Encrypts. */
  withoutCaching: number;
}

export interface CachingResult {
  seconds: CachingSecond[];
  messages: number;
  kmsCallsWithCaching: number;
  kmsCallsWithoutCaching: number;
  generateDataKeyWithCaching: number;
  cacheHits: number;
  cacheEvictions: number;
  dataKeys: { created: number; minMessages: number; maxMessages: number; meanMessages: number };
  /** The reference's steady-state formula: contexts × λ / min(M, λ_ctx × T) GenerateDataKey per second. */
  estimatedGenerateDataKeyPerSecond: number;
  month: { withoutCaching: MonthlyKmsBill; withCaching: MonthlyKmsBill; savingsUsd: number };
  assumptions: string[];
}

export function simulateCaching(params: CachingParams): CachingResult {
  const { messagesPerSecond, durationMs, maxAgeMs } = params;
  if (!(messagesPerSecond > 0)) throw new RangeError(`messagesPerSecond must be positive (got ${messagesPerSecond})`);
  if (!(durationMs > 0)) throw new RangeError(`durationMs must be positive (got ${durationMs})`);
  const contexts = params.encryptionContexts ?? 1;
  if (!Number.isInteger(contexts) || contexts < 1) throw new RangeError(`encryptionContexts must be a positive integer (got ${contexts})`);
  const messageBytes = params.messageBytes ?? 1024;
  const extraKmsKeys = params.extraKmsKeys ?? 0;
  const cache = new MaterialsCache(params.capacity ?? 100);
  const cmm = new CachingCmmModel({
    cache,
    maxAgeMs,
    maxMessagesEncrypted: params.maxMessages,
    maxBytesEncrypted: params.maxBytes,
    partition: 'kms-lab caching lab',
    extraKmsKeys,
  });
  const contextObjects: EncryptionContext[] = Array.from({ length: contexts }, (_, i) => Object.freeze({ tenant: `tenant-${i + 1}` }));
  const rng = createRng(params.seed ?? 1);
  const poisson = params.arrivals === 'poisson';
  const gapMs = 1000 / messagesPerSecond;

  const seconds: CachingSecond[] = [];
  let messages = 0;
  let hits = 0;
  let t = poisson ? (-Math.log(1 - rng.next()) * gapMs) : 0;
  while (t < durationMs) {
    const s = Math.floor(t / 1000);
    while (seconds.length <= s) seconds.push({ second: seconds.length, messages: 0, withCaching: 0, generateDataKeyWithCaching: 0, withoutCaching: 0 });
    const row = seconds[s];
    const outcome = cmm.getEncryptionMaterials({ now: t, plaintextLength: messageBytes, encryptionContext: contextObjects[messages % contexts] });
    messages++;
    row.messages++;
    row.withoutCaching += 1 + extraKmsKeys;
    if (outcome.hit) hits++;
    row.withCaching += outcome.kmsCalls.generateDataKey + outcome.kmsCalls.encrypt;
    row.generateDataKeyWithCaching += outcome.kmsCalls.generateDataKey;
    t = poisson ? t - Math.log(1 - rng.next()) * gapMs : messages * gapMs;
  }

  const withCaching = cmm.kmsCalls.generateDataKey + cmm.kmsCalls.encrypt;
  const withoutCaching = messages * (1 + extraKmsKeys);
  const perKey = cmm.messagesPerDataKey;
  let minPerKey = Infinity;
  let maxPerKey = 0;
  for (const used of perKey) {
    if (used < minPerKey) minPerKey = used;
    if (used > maxPerKey) maxPerKey = used;
  }
  const toMonth = SECONDS_PER_MONTH / (durationMs / 1000);
  const billedKeys = params.billedKeys ?? 1 + extraKmsKeys;
  const monthWithout = monthlyKmsBill(withoutCaching * toMonth, billedKeys);
  const monthWith = monthlyKmsBill(withCaching * toMonth, billedKeys);
  const perContextRate = messagesPerSecond / contexts;
  const reuse = Math.max(1, Math.min(cmm.maxMessagesEncrypted, perContextRate * (maxAgeMs / 1000)));

  return {
    seconds,
    messages,
    kmsCallsWithCaching: withCaching,
    kmsCallsWithoutCaching: withoutCaching,
    generateDataKeyWithCaching: cmm.kmsCalls.generateDataKey,
    cacheHits: hits,
    cacheEvictions: cache.evictions,
    dataKeys: {
      created: perKey.length,
      minMessages: perKey.length ? minPerKey : 0,
      maxMessages: maxPerKey,
      meanMessages: perKey.length ? messages / perKey.length : 0,
    },
    estimatedGenerateDataKeyPerSecond: messagesPerSecond / reuse,
    month: { withoutCaching: monthWithout, withCaching: monthWith, savingsUsd: monthWithout.totalUsd - monthWith.totalUsd },
    assumptions: [
      'Monthly figures scale this run to a 30-day month at the same rate.',
      'The free tier (20,000 requests a month) counts across all Regions; here it is applied to this workload alone.',
      'Prices: symmetric requests only ($0.03 per 10,000), $1 per customer managed key-month.',
      'Concurrent cache misses sharing one in-flight KMS request: not simulated (messages are encrypted one after another).',
      'Decrypt-side caching: not part of this lab (the model supports it; see CachingCmmModel.decryptMaterials).',
    ],
  };
}
