/**
 * The traffic runs of the quotas lesson, in one place so the scenario, the quiz and the tests use the
 * same workloads: a 10-second spike of 150 requests a second from 20 SDK clients against a quota of
 * 100 a second, Brooker's study at 10 to 50 clients, and an app encrypting 150 messages a second
 * through the Encryption SDK's caching CMM. Every run is the traffic simulator's in-process path
 * (src/sim/traffic), seeded from the world's seed and small enough to compute in tens of
 * milliseconds, so a step (and a replay of the whole lesson) stays well under a second.
 *
 * The quota is 100 a second instead of AWS's 10,000 only to keep the runs small: every ratio in the
 * lesson (1.5 times the quota, retries, tokens) is the same at any scale.
 */
import {
  simulateCaching,
  simulateKmsLoad,
  simulateOccSweep,
  simulateOccTimeline,
  type CachingResult,
  type KmsLoadResult,
  type OccResult,
  type OccTimeline,
  type RetryConfig,
  type StudyStrategy,
} from '../../src/sim/traffic/index';

/** The lesson's symmetric-cryptography quota, requests per second (AWS's default is 10,000). */
export const LESSON_QUOTA = 100;
export const SPIKE = Object.freeze({ clients: 20, totalRate: 150, durationMs: 10_000 });
/** Requests whose every attempt is recorded, so one throttled request can be drawn on the diagram. */
const TRACED_REQUESTS = 400;

export const STUDY_CLIENTS: readonly number[] = [10, 20, 30, 40, 50];
export const STUDY_TRIALS = 20;
/** The herd: one run of the study with this many clients, write by write. */
export const HERD_CLIENTS = 50;

export const CACHING_WORKLOAD = Object.freeze({ messagesPerSecond: 150, durationMs: 60_000 });
/** What the caching step asks for: at most this many GenerateDataKey calls in the minute (9,000 without a cache). */
export const GENERATE_DATA_KEY_BOUND = 100;

/** Seeds per kind of run, from the world's seed: every retry mode meets the very same spike. */
const seedFor = (seed: number, salt: number) => (Math.imul(seed ^ salt, 0x9e3779b1) >>> 0) || salt;

export function runSpike(seed: number, retry: RetryConfig, quotaPerSecond = LESSON_QUOTA): KmsLoadResult {
  return simulateKmsLoad({ ...SPIKE, quotaPerSecond, retry, traceLimit: TRACED_REQUESTS, seed: seedFor(seed, 0x5b1e) });
}

export function runStudy(seed: number): OccResult[] {
  return simulateOccSweep({ clientCounts: STUDY_CLIENTS, trials: STUDY_TRIALS, seed: seedFor(seed, 0xb00c) }).points;
}

export function runHerd(seed: number, strategy: StudyStrategy): OccTimeline {
  return simulateOccTimeline({ clients: HERD_CLIENTS, strategy, seed: seedFor(seed, 0x4e7d) });
}

export function runCaching(seed: number, maxAgeMs: number, maxMessages: number | undefined): CachingResult {
  return simulateCaching({ ...CACHING_WORKLOAD, maxAgeMs, maxMessages, seed: seedFor(seed, 0xcac4) });
}

/** Calls that ended in an error for the application after the SDK stopped retrying, plus any never finished. */
export function failedCalls(result: KmsLoadResult): number {
  const t = result.totals;
  return t.gaveUpAttempts + t.gaveUpRetryQuota + t.unfinished;
}

/** The first request of a run that was throttled and then retried the most: the one worth drawing. */
export function mostRetriedRequest(result: KmsLoadResult): number | undefined {
  const attempts = new Map<number, number>();
  for (const attempt of result.trace) if (attempt.outcome === 'throttled' || attempts.has(attempt.request)) attempts.set(attempt.request, attempt.attempt);
  let best: number | undefined;
  for (const [request, count] of attempts) if (best === undefined || count > attempts.get(best)!) best = request;
  return best;
}
