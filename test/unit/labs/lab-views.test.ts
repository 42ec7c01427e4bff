import { describe, expect, it } from 'vitest';
import { simulateOcc, simulateOccTimeline, type OccResult } from '../../../src/sim/traffic/occ-study';
import { simulateKmsLoad } from '../../../src/sim/traffic/kms-load';
import { simulateCaching } from '../../../src/sim/traffic/caching-sim';
import { busiestWindow, studySeries, studySummary, timelineSeries, timelineSummary } from '../../../src/ui/labs/study-view';
import {
  adaptiveRateSeries,
  adaptiveRateSummary,
  latencySeries,
  loadLayers,
  loadSummary,
  retryQuotaSeries,
  retryQuotaSummary,
  traceLine,
  traceSeries,
} from '../../../src/ui/labs/load-view';
import { cachingSummary, callsPerSecond, callsSeries, dataKeySummary } from '../../../src/ui/labs/caching-view';
import { findLab, LAB_IDS, LABS } from '../../../src/ui/labs/catalogue';
import { progressFraction } from '../../../src/ui/labs/progress';
import { LOG_POSITIONS, positionOf, valueAt } from '../../../src/ui/labs/slider-scale';
import { STUDY_STRATEGIES } from '../../../src/sim/traffic/backoff';

const point = (clients: number, strategy: OccResult['strategy'], time: number, calls: number): OccResult => ({
  clients,
  strategy,
  meanCompletionMs: time,
  meanCalls: calls,
  stdErrCompletionMs: 0,
  stdErrCalls: 0,
  trials: [],
});

describe('backoff study view', () => {
  const points = [
    point(20, 'none', 700, 180),
    point(10, 'none', 382, 51),
    point(10, 'full', 488, 39),
    point(20, 'full', 900, 95),
    point(10, 'exponential', 3669, 52),
  ];

  it('one line per strategy, in client order, each strategy keeping its own style', () => {
    const series = studySeries(points, 'calls');
    expect(series.map((s) => s.id)).toEqual([...STUDY_STRATEGIES]);
    expect(series[0].points).toEqual([{ x: 10, y: 51 }, { x: 20, y: 180 }]);
    const withoutExponential = studySeries(points, 'time', ['none', 'full']);
    expect(withoutExponential[1].style).toEqual(series[2].style);
  });

  it('summarises the largest client count all shown strategies have reached, lowest first, with the ratio', () => {
    expect(studySummary(points, 'calls', ['none', 'full'])).toBe(
      'Mean number of writes sent at 20 clients, lowest first: Full Jitter 95 calls; No backoff 180 calls. No backoff sends 1.9 times as many as Full Jitter.',
    );
    expect(studySummary(points, 'time', ['none', 'full', 'exponential'])).toMatch(/^Mean time until every client has written at 10 clients, lowest first: No backoff 382 ms; Full Jitter 488 ms; Exponential 3.7 s\. Exponential takes 9.6 times as long/);
    expect(studySummary([], 'time')).toBe('No points computed yet.');
  });

  it('one run: conflicts and successes as points (client numbers from 1), and the herd’s busiest 50 ms', () => {
    const herd = simulateOccTimeline({ clients: 50, strategy: 'none', seed: 4 });
    const spread = simulateOccTimeline({ clients: 50, strategy: 'full', seed: 4 });
    const series = timelineSeries(herd);
    expect(series[0].points.length + series[1].points.length).toBe(herd.calls);
    expect(series[1].points).toHaveLength(50);
    expect(Math.min(...series[1].points.map((p) => p.y))).toBe(1);
    // Without backoff the writes come in a herd; jitter spreads them out.
    expect(busiestWindow(herd).count).toBeGreaterThan(busiestWindow(spread).count);
    expect(timelineSummary(herd)).toMatch(/^50 clients with No backoff: [\d,]+ writes, [\d,]+ of them rejected, all done after [\d.,]+ (ms|s)\. The busiest 50 ms/);
  });

  it('the busiest window counts writes within any 50 ms', () => {
    const timeline = { ...simulateOccTimeline({ clients: 1, strategy: 'none', seed: 1 }), writes: [0, 10, 49, 60, 70, 80, 90].map((timeMs) => ({ timeMs, client: 0, outcome: 'conflict' as const })) };
    // [49, 99) holds 49, 60, 70, 80 and 90; [0, 50) only three.
    expect(busiestWindow(timeline)).toEqual({ count: 5, startMs: 49 });
  });

  it('agrees with the simulator it reads', () => {
    const result = simulateOcc({ clients: 30, strategy: 'equal', trials: 3, seed: 5 });
    expect(studySeries([result], 'time')[3].points).toEqual([{ x: 30, y: result.meanCompletionMs }]);
  });
});

describe('KMS load view', () => {
  const result = simulateKmsLoad({ clients: 10, totalRate: 30, durationMs: 10_000, quotaPerSecond: 20, retry: { mode: 'standard' }, seed: 1, traceLimit: 50 });

  it('stacks successes and throttles per second, and the percentiles per second', () => {
    const [successes, throttles] = loadLayers(result);
    expect(successes.values.reduce((a, b) => a + b, 0)).toBe(result.totals.successes);
    expect(throttles.values.reduce((a, b) => a + b, 0)).toBe(result.totals.throttles);
    const [p50, p99] = latencySeries(result);
    expect(p50.points.length).toBeGreaterThan(0);
    p50.points.forEach((p, i) => expect(p99.points[i].y).toBeGreaterThanOrEqual(p.y));
  });

  it('says what happened in numbers', () => {
    const text = loadSummary(result);
    expect(text).toContain(`${result.totals.started.toLocaleString('en-US')} calls started`);
    expect(text).toMatch(/were throttled \([\d.]+ % of attempts\)/);
    expect(text).toMatch(/The first throttle came after/);
    expect(text).toMatch(/Latency: median/);
  });

  it('names the moment the retry quota runs dry when it does', () => {
    const dry = simulateKmsLoad({ clients: 5, totalRate: 400, durationMs: 20_000, quotaPerSecond: 100, retry: { mode: 'standard' }, seed: 2 });
    expect(dry.retryQuotaDryAtMs).not.toBeNull();
    expect(loadSummary(dry)).toMatch(/retry quota first ran dry at [\d.,]+ (ms|s):/);
    expect(loadSummary(dry)).toMatch(/because the retry quota was empty/);
  });

  it('lists every traced attempt and groups them by outcome for the chart', () => {
    const series = traceSeries(result.trace);
    expect(series.reduce((n, s) => n + s.points.length, 0)).toBe(result.trace.length);
    expect(series.map((s) => s.id)).toContain('throttled');
    const throttled = result.trace.find((a) => a.outcome === 'throttled' && a.next.kind === 'retry')!;
    expect(traceLine(throttled)).toMatch(new RegExp(`client ${throttled.client + 1}, (Encrypt|Decrypt|GenerateDataKey) #${throttled.request + 1}, attempt ${throttled.attempt} → throttled; retries after`));
  });
});

describe('caching view', () => {
  // The reference's worked example (§5): 100 messages/s, 100 messages per key, 5 s maximum age.
  const result = simulateCaching({ messagesPerSecond: 100, durationMs: 60_000, maxAgeMs: 5000, maxMessages: 100 });

  it('compares the calls per second and the monthly bills', () => {
    expect(callsPerSecond(result.kmsCallsWithoutCaching, result)).toBe(100);
    expect(callsPerSecond(result.kmsCallsWithCaching, result)).toBe(1);
    expect(cachingSummary(result)).toBe('Without caching KMS gets 100 calls a second; with caching 1, 100 times fewer. Monthly bill: $778.54 without, $8.72 with caching.');
    expect(dataKeySummary(result)).toBe('60 data keys, each used for exactly 100 messages.');
    const [without, withCache] = callsSeries(result);
    expect(without.points).toHaveLength(60);
    expect(withCache.points.every((p) => p.y === 1)).toBe(true);
  });

  it('reports uneven keys when the maximum age ends them first', () => {
    const aged = simulateCaching({ messagesPerSecond: 7, durationMs: 60_000, maxAgeMs: 1500, maxMessages: 1000, arrivals: 'poisson', seed: 3 });
    expect(dataKeySummary(aged)).toMatch(/^[\d,]+ data keys, used for \d+ to \d+ messages each \([\d.]+ on average\)\.$/);
  });
});

describe('labs catalogue and progress', () => {
  it('every lab has a unique id, title and summary; unknown ids are not found', () => {
    expect(LABS.map((lab) => lab.id)).toEqual([...LAB_IDS]);
    expect(findLab('kms-load')?.title).toMatch(/KMS under load/);
    expect(findLab('nope')).toBeUndefined();
    expect(findLab(undefined)).toBeUndefined();
  });

  it('reads the worker’s two kinds of progress message', () => {
    expect(progressFraction({ done: 19, total: 95, point: {} })).toBeCloseTo(0.2);
    expect(progressFraction({ modelTimeMs: 5000, fraction: 0.5 })).toBe(0.5);
    expect(progressFraction({ fraction: 3 })).toBe(1);
    expect(progressFraction(undefined)).toBeNull();
    expect(progressFraction({ done: 1, total: 0 })).toBeNull();
  });
});

describe('log-scale sliders', () => {
  const rate = { min: 10, max: 20_000, step: 1 };

  it('run from the minimum to the maximum, and round to two significant digits', () => {
    expect(valueAt(0, rate)).toBe(10);
    expect(valueAt(LOG_POSITIONS, rate)).toBe(20_000);
    for (let p = 0; p <= LOG_POSITIONS; p++) {
      const v = valueAt(p, rate);
      expect(v).toBeGreaterThanOrEqual(10);
      expect(v).toBeLessThanOrEqual(20_000);
      expect(Number(v.toPrecision(2))).toBe(v);
    }
  });

  it('each step changes the value by about the same factor, never backwards', () => {
    let previous = valueAt(0, rate);
    for (let p = 1; p <= LOG_POSITIONS; p++) {
      const v = valueAt(p, rate);
      expect(v).toBeGreaterThanOrEqual(previous);
      previous = v;
    }
    // A tenth of the track multiplies the value by about 2,000^(1/10) ≈ 2.1.
    expect(valueAt(48, rate) / valueAt(24, rate)).toBeCloseTo(2.1, 0);
  });

  it('finds the position of a value, so the thumb shows where the value is', () => {
    for (const v of [10, 100, 1000, 1500, 20_000]) expect(Math.abs(valueAt(positionOf(v, rate), rate) - v) / v).toBeLessThan(0.05);
    expect(positionOf(5, rate)).toBe(0);
    expect(positionOf(1e6, rate)).toBe(LOG_POSITIONS);
  });
});

describe('inside the clients', () => {
  it('the retry quota falls as throttled calls retry, and modes without one say so', () => {
    const standard = simulateKmsLoad({ clients: 5, totalRate: 400, durationMs: 20_000, quotaPerSecond: 100, retry: { mode: 'standard' }, seed: 2 });
    const [tokens] = retryQuotaSeries(standard)!;
    expect(tokens.points[0].y).toBeLessThanOrEqual(500);
    expect(Math.min(...tokens.points.map((p) => p.y))).toBeLessThan(5);
    expect(retryQuotaSummary(standard)).toMatch(/The mean falls to [\d.]+ tokens in second \d+; at worst [1-5] clients at once could not pay/);
    const none = simulateKmsLoad({ clients: 5, totalRate: 400, durationMs: 5000, quotaPerSecond: 100, retry: { mode: 'none' }, seed: 2 });
    expect(retryQuotaSeries(none)).toBeNull();
    expect(retryQuotaSummary(none)).toBe('This retry mode has no retry quota.');
    expect(adaptiveRateSeries(standard)).toBeNull();
  });

  it('adaptive mode: the clients’ own rate limit, once they have been throttled', () => {
    const adaptive = simulateKmsLoad({ clients: 10, totalRate: 30, durationMs: 30_000, quotaPerSecond: 20, retry: { mode: 'adaptive' }, seed: 1 });
    const [rate] = adaptiveRateSeries(adaptive)!;
    expect(rate.points.length).toBeGreaterThan(0);
    expect(rate.points.every((p) => p.y >= 0.5)).toBe(true); // the limiter's minimum fill rate
    expect(adaptiveRateSummary(adaptive)).toMatch(/moved between [\d.]+ and [\d.]+ requests a second per client/);
  });
});
