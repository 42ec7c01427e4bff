import { describe, expect, it } from 'vitest';
import { DEFAULT_SYMMETRIC_QUOTA, simulateKmsLoad, type KmsLoadParams, type KmsLoadResult } from '../../../../src/sim/traffic/kms-load';
import { loadTraceToEvents } from '../../../../src/sim/traffic/kms-load-events';

const overload: KmsLoadParams = { clients: 20, totalRate: 3000, durationMs: 6000, quotaPerSecond: 2000, retry: { mode: 'standard' }, seed: 5 };

// Several tests look at the same standard-mode overload run; computing it once keeps the suite quick.
let standardOverloadRun: KmsLoadResult | undefined;
const standardOverload = () => (standardOverloadRun ??= simulateKmsLoad(overload));

function sum(result: KmsLoadResult, field: 'started' | 'attempts' | 'successes' | 'throttles' | 'transientErrors' | 'gaveUpAttempts' | 'gaveUpRetryQuota'): number {
  return result.seconds.reduce((total, second) => total + second[field], 0);
}

describe('KMS load lab', () => {
  it('under the quota nothing is throttled and a call takes two network legs', () => {
    const result = simulateKmsLoad({ clients: 50, totalRate: 1000, durationMs: 5000, quotaPerSecond: 2000, retry: { mode: 'standard' }, seed: 1 });
    expect(result.totals.throttles).toBe(0);
    expect(result.totals.successes).toBe(result.totals.started);
    expect(result.totals.started).toBeGreaterThan(4700);
    expect(result.totals.started).toBeLessThan(5300);
    expect(result.latencyMs!.p50).toBeGreaterThan(18);
    expect(result.latencyMs!.p50).toBeLessThan(22);
    expect(result.firstThrottleAtMs).toBeNull();
    expect(result.seconds.every((s) => s.meanRetryTokens === 500)).toBe(true);
  });

  it('without retries, KMS admits about the quota each second and every throttle is an error for the application', () => {
    const result = simulateKmsLoad({ ...overload, retry: { mode: 'none' } });
    expect(result.totals.gaveUpAttempts).toBe(result.totals.throttles);
    expect(result.totals.attempts).toBe(result.totals.started);
    // After the first second's burst allowance (one second's worth of tokens) is spent, successes ≈ quota.
    for (const second of result.seconds.slice(2, 6)) {
      expect(second.successes).toBeGreaterThan(1900);
      expect(second.successes).toBeLessThan(2100);
    }
    expect(result.seconds[0].successes).toBeGreaterThan(2900);
  });

  it('the per-second rows add up to the totals, and every call ends exactly once', () => {
    const result = simulateKmsLoad({ ...overload, transientErrorRate: 0.02 });
    for (const field of ['started', 'attempts', 'successes', 'throttles', 'transientErrors', 'gaveUpAttempts', 'gaveUpRetryQuota'] as const) {
      expect(sum(result, field)).toBe(result.totals[field]);
    }
    const { totals } = result;
    expect(totals.attempts).toBe(totals.successes + totals.throttles + totals.transientErrors);
    expect(totals.started).toBe(totals.successes + totals.gaveUpAttempts + totals.gaveUpRetryQuota + totals.unfinished);
    expect(totals.transientErrors).toBeGreaterThan(0);
    const ops = Object.values(result.byOperation);
    expect(ops.reduce((a, op) => a + op.started, 0)).toBe(totals.started);
    expect(ops.every((op) => op.started > totals.started / 4)).toBe(true); // one third each by default
  });

  it("sustained overload drains each client's 500-token retry quota: the SDK then fails fast", () => {
    const result = standardOverload();
    expect(result.retryQuotaDryAtMs).not.toBeNull();
    expect(result.retryQuotaDryAtMs!).toBeGreaterThan(result.firstThrottleAtMs!);
    expect(result.totals.gaveUpRetryQuota).toBeGreaterThan(0);
    const last = result.seconds[5];
    expect(last.meanRetryTokens!).toBeLessThan(100);
    expect(result.seconds[0].meanRetryTokens).toBe(500);
  });

  it('classic constants retry sooner (500 ms throttling base instead of 1 s): lower tail latency under overload', () => {
    const current = standardOverload();
    const classic = simulateKmsLoad({ ...overload, retry: { mode: 'standard-classic' } });
    expect(classic.latencyMs!.p90).toBeLessThan(current.latencyMs!.p90 * 0.75);
    expect(classic.latencyMs!.p99).toBeLessThan(current.latencyMs!.p99 * 0.75);
  });

  it('adaptive mode trades throttles for waiting: the clients slow down below the quota and a backlog builds', () => {
    const standard = standardOverload();
    const adaptive = simulateKmsLoad({ ...overload, retry: { mode: 'adaptive' } });
    expect(adaptive.totals.throttles).toBeLessThan(standard.totals.throttles / 10);
    expect(adaptive.totals.gaveUpAttempts + adaptive.totals.gaveUpRetryQuota).toBeLessThan(standard.totals.gaveUpAttempts + standard.totals.gaveUpRetryQuota);
    const perClientOffered = overload.totalRate! / overload.clients;
    // Each client settles near its share of the quota (2000 / 20 = 100 req/s), below the 150 it is offered.
    expect(adaptive.seconds[5].meanAdaptiveRate!).toBeLessThan(perClientOffered);
    expect(adaptive.seconds[5].meanAdaptiveRate!).toBeGreaterThan(50);
    expect(adaptive.latencyMs!.p99).toBeGreaterThan(standard.latencyMs!.p99);
    expect(standard.seconds.every((s) => s.meanAdaptiveRate === null)).toBe(true);
  });

  it('custom backoff with full jitter and more attempts turns throttles into late successes', () => {
    const none = simulateKmsLoad({ ...overload, totalRate: 2400, retry: { mode: 'none' } });
    const custom = simulateKmsLoad({ ...overload, totalRate: 2400, retry: { mode: 'custom', jitter: 'full', baseMs: 100, capMs: 5000, maxAttempts: 8 } });
    expect(custom.totals.successes).toBeGreaterThan(none.totals.successes);
    expect(custom.totals.gaveUpAttempts).toBeLessThan(none.totals.gaveUpAttempts / 2);
    expect(custom.totals.gaveUpRetryQuota).toBe(0); // an application loop has no SDK retry quota
  });

  it('traces every attempt of the first requests, for animating a small run', () => {
    const result = simulateKmsLoad({ clients: 3, totalRate: 40, durationMs: 3000, quotaPerSecond: 10, retry: { mode: 'standard' }, traceLimit: 30, seed: 2 });
    const requests = new Set(result.trace.map((a) => a.request));
    expect([...requests].every((id) => id < 30)).toBe(true);
    expect(requests.size).toBe(30);
    for (const attempt of result.trace) {
      expect(attempt.arrivedAtMs).toBeGreaterThan(attempt.sentAtMs);
      if (attempt.respondedAtMs !== null) expect(attempt.respondedAtMs).toBeGreaterThan(attempt.arrivedAtMs);
      if (attempt.outcome === 'success') expect(attempt.next).toEqual({ kind: 'done' });
    }
    expect(result.trace.some((a) => a.outcome === 'throttled' && a.next.kind === 'retry')).toBe(true);
    expect(result.trace.some((a) => a.attempt === 2)).toBe(true);
  });

  it('is deterministic: same seed, same run; and reports progress for long runs', () => {
    const progress: number[] = [];
    const a = simulateKmsLoad({ ...overload, retry: { mode: 'adaptive' }, onProgress: (p) => progress.push(p.fraction) });
    const b = simulateKmsLoad({ ...overload, retry: { mode: 'adaptive' } });
    expect(a).toEqual(b);
    expect(simulateKmsLoad({ ...overload, seed: 6 }).totals).not.toEqual(standardOverload().totals);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toBe(1);
  });

  it("defaults to the engine's symmetric quota for the Region", () => {
    expect(DEFAULT_SYMMETRIC_QUOTA).toBe(10_000);
    const burst = { clients: 10, totalRate: 30_000, durationMs: 1000, retry: { mode: 'none' as const }, seed: 1 };
    // A full bucket (one second's worth) plus one second of refill: the default Region admits ~20,000
    // of 30,000 calls in the first second; us-east-2 (20,000/s) admits up to 40,000, so all of them.
    expect(simulateKmsLoad(burst).totals.throttles).toBeGreaterThan(8000);
    expect(simulateKmsLoad({ ...burst, region: 'us-east-2' }).totals.throttles).toBe(0);
  });

  it('says what it does not simulate', () => {
    const result = simulateKmsLoad({ ...overload, durationMs: 1000 });
    expect(result.assumptions.join(' ')).toMatch(/not simulated/);
    expect(() => simulateKmsLoad({ ...overload, totalRate: undefined })).toThrow(RangeError);
    expect(() => simulateKmsLoad({ ...overload, operationMix: { Encrypt: 0 } })).toThrow(RangeError);
  });
});

describe('KMS load trace as diagram events', () => {
  it('gives each attempt a request, an answer with KMS’s throttling text, and the client’s reaction, in time order', () => {
    const result = simulateKmsLoad({ clients: 2, totalRate: 30, durationMs: 2000, quotaPerSecond: 5, retry: { mode: 'standard' }, traceLimit: 20, seed: 3 });
    const events = loadTraceToEvents(result.trace);
    for (let i = 1; i < events.length; i++) expect(events[i].at).toBeGreaterThanOrEqual(events[i - 1].at);
    const requests = events.filter((e) => e.event.type === 'message' && e.event.to === 'kms');
    expect(requests).toHaveLength(result.trace.length);
    const throttle = events.find((e) => e.event.type === 'message' && e.event.label === 'ThrottlingException');
    expect(throttle?.event.type === 'message' && throttle.event.carries[0].preview).toBe(
      'HTTP 400: You have exceeded the rate at which you may call KMS. Reduce the frequency of your calls.',
    );
    expect(events.some((e) => e.event.type === 'note' && e.event.text.startsWith('backs off'))).toBe(true);
  });
});
