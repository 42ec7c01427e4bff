import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { simulateOcc, simulateOccTimeline, type OccResult } from '../../../../src/sim/traffic/occ-study';
import { simulateOccSweep, STUDY_CLIENT_COUNTS, type OccSweepResult } from '../../../../src/sim/traffic/occ-sweep';
import { STUDY_STRATEGIES, type StudyStrategy } from '../../../../src/sim/traffic/backoff';

interface ReferencePoint {
  clients: number;
  strategy: StudyStrategy;
  trials: number;
  meanCompletionMs: number;
  sdCompletionMs: number;
  meanCalls: number;
  sdCalls: number;
}
const reference = JSON.parse(readFileSync(new URL('./fixtures/brooker-reference-means.json', import.meta.url), 'utf8')) as { source: string; points: ReferencePoint[] };

describe("Brooker's study: one trial", () => {
  it('one client never conflicts: one write, done after four legs (read, response, write, response)', () => {
    const result = simulateOcc({ clients: 1, strategy: 'exponential', trials: 200, seed: 3 });
    expect(result.trials.every((t) => t.calls === 1)).toBe(true);
    expect(result.meanCompletionMs).toBeGreaterThan(38);
    expect(result.meanCompletionMs).toBeLessThan(42);
  });

  it('the timeline lists every write the server received, in time order, one success per client', () => {
    const timeline = simulateOccTimeline({ clients: 40, strategy: 'full', seed: 9 });
    expect(timeline.writes).toHaveLength(timeline.calls);
    expect(timeline.writes.filter((w) => w.outcome === 'success')).toHaveLength(40);
    expect(new Set(timeline.writes.filter((w) => w.outcome === 'success').map((w) => w.client)).size).toBe(40);
    for (let i = 1; i < timeline.writes.length; i++) expect(timeline.writes[i].timeMs).toBeGreaterThanOrEqual(timeline.writes[i - 1].timeMs);
    expect(timeline.completionMs).toBeGreaterThan(timeline.writes.at(-1)!.timeMs);
    // A client's writes after its success would be a bug: each client stops after its first success.
    const done = new Set<number>();
    for (const write of timeline.writes) {
      expect(done.has(write.client)).toBe(false);
      if (write.outcome === 'success') done.add(write.client);
    }
  });

  it('is deterministic: same seed, same trials; another seed, other trials', () => {
    const params = { clients: 30, strategy: 'decorrelated' as const, trials: 5, seed: 77 };
    expect(simulateOcc(params)).toEqual(simulateOcc(params));
    expect(simulateOcc(params).trials).not.toEqual(simulateOcc({ ...params, seed: 78 }).trials);
    expect(simulateOccTimeline(params)).toEqual(simulateOccTimeline(params));
  });

  it('refuses parameters the study cannot run', () => {
    expect(() => simulateOcc({ clients: 0, strategy: 'none', trials: 1, seed: 1 })).toThrow(RangeError);
    expect(() => simulateOcc({ clients: 5, strategy: 'none', trials: 0, seed: 1 })).toThrow(RangeError);
    expect(() => simulateOcc({ clients: 5, strategy: 'full', base: 10, cap: 5, trials: 1, seed: 1 })).toThrow(RangeError);
  });
});

// One sweep of the whole grid serves both the post's findings and the agreement with the original
// simulator. 16 trials a point: the differences checked below are more than five standard errors wide.
const STUDY_TRIALS_IN_TESTS = 16;
let sweepRun: OccSweepResult | undefined;
const studySweep = () => (sweepRun ??= simulateOccSweep({ seed: 20150304, trials: STUDY_TRIALS_IN_TESTS }));

describe("Brooker's study: what the post found", () => {
  const at = (clients: number) =>
    Object.fromEntries(studySweep().points.filter((p) => p.clients === clients).map((p) => [p.strategy, p])) as Record<StudyStrategy, OccResult>;

  for (const clients of [50, 100, 150]) {
    it(`at ${clients} clients: no backoff does the most work and finishes first; exponential is slowest by far`, () => {
      const r = at(clients);
      for (const other of ['exponential', 'full', 'equal', 'decorrelated'] as const) {
        expect(r.none.meanCalls).toBeGreaterThan(r[other].meanCalls);
        expect(r.none.meanCompletionMs).toBeLessThan(r[other].meanCompletionMs);
      }
      for (const jittered of ['full', 'equal', 'decorrelated'] as const) {
        expect(r.exponential.meanCompletionMs).toBeGreaterThan(4 * r[jittered].meanCompletionMs);
        // Jitter cuts the work sharply compared with backoff alone.
        expect(r[jittered].meanCalls).toBeLessThan(0.7 * r.exponential.meanCalls);
      }
      // Full and equal jitter: about the same number of calls, equal jitter slower.
      expect(Math.abs(r.full.meanCalls - r.equal.meanCalls) / r.full.meanCalls).toBeLessThan(0.1);
      expect(r.equal.meanCompletionMs).toBeGreaterThan(r.full.meanCompletionMs);
      // Decorrelated jitter: more calls than full jitter.
      expect(r.decorrelated.meanCalls).toBeGreaterThan(r.full.meanCalls);
    }, 30_000); // the first of these computes the shared sweep (about 2 s on an idle machine)
  }

  it('no backoff: time grows linearly with clients while work grows about quadratically', () => {
    const small = simulateOcc({ clients: 50, strategy: 'none', trials: 30, seed: 1 });
    const large = simulateOcc({ clients: 150, strategy: 'none', trials: 30, seed: 1 });
    const timeRatio = large.meanCompletionMs / small.meanCompletionMs;
    const workRatio = large.meanCalls / small.meanCalls;
    expect(timeRatio).toBeGreaterThan(2);
    expect(timeRatio).toBeLessThan(3.2);
    expect(workRatio).toBeGreaterThan(6);
  });
});

describe("Brooker's study: agreement with the original simulator", () => {
  it('the reference means cover the whole sweep', () => {
    expect(reference.points).toHaveLength(STUDY_CLIENT_COUNTS.length * STUDY_STRATEGIES.length);
    expect(reference.source).toMatch(/backoff_simulator\.py/);
  });

  it('every point of the sweep (10..190 clients × 5 strategies) agrees within sampling error', () => {
    // Fewer trials than the bench keeps the suite fast. Two-sample z-scores: if both simulators sample
    // the same distribution, its spread is the reference's (400 trials, so well known), and the
    // difference of the means has sd × sqrt(1/16 + 1/400).
    const trials = STUDY_TRIALS_IN_TESTS;
    const sweep = studySweep();
    const scores: number[] = [];
    const outliers: string[] = [];
    for (const point of sweep.points) {
      const ref = reference.points.find((p) => p.clients === point.clients && p.strategy === point.strategy)!;
      const z = (ours: number, mean: number, sd: number) => (ours - mean) / (sd * Math.sqrt(1 / trials + 1 / ref.trials));
      const zTime = z(point.meanCompletionMs, ref.meanCompletionMs, ref.sdCompletionMs);
      const zCalls = z(point.meanCalls, ref.meanCalls, ref.sdCalls);
      scores.push(zTime, zCalls);
      if (Math.abs(zTime) > 4 || Math.abs(zCalls) > 4) outliers.push(`${point.clients} ${point.strategy}: z(time) ${zTime.toFixed(1)}, z(calls) ${zCalls.toFixed(1)}`);
    }
    expect(outliers).toEqual([]);
    // No systematic bias: the scores average near 0 with a spread near 1, as pure sampling error would give.
    const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
    const meanSquare = scores.reduce((a, b) => a + b * b, 0) / scores.length;
    expect(Math.abs(mean)).toBeLessThan(0.35);
    expect(meanSquare).toBeLessThan(1.5);
  }, 30_000); // about 2 s on an idle machine; the limit leaves room for a busy one
});
