import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  decorrelatedJitterSleep,
  equalJitterSleep,
  exponentialSleep,
  fullJitterSleep,
  sdkRetryDelay,
  studySleep,
} from '../../../../src/sim/traffic/backoff';
import { createRng } from '../../../../src/sim/core/rng';
import { createStandardNormal, fillAbsNormals } from '../../../../src/sim/traffic/fast-normal';
import { createFastUniform } from '../../../../src/sim/traffic/fast-random';
import { LegDelays } from '../../../../src/sim/traffic/network-delay';

const base = 5;
const cap = 2000;
const r = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

describe("Brooker's formulas (base 5 ms, cap 2000 ms)", () => {
  it('capped exponential: 10 ms at n = 1 (the study starts n at 1), then doubles up to the cap', () => {
    expect([1, 2, 3, 4, 8, 9, 20].map((n) => exponentialSleep(n, base, cap))).toEqual([10, 20, 40, 80, 1280, 2000, 2000]);
  });

  it('full jitter is uniform(0, min(cap, base * 2^n))', () => {
    expect(fullJitterSleep(3, base, cap, 0)).toBe(0);
    expect(fullJitterSleep(3, base, cap, 0.5)).toBe(20);
    fc.assert(fc.property(fc.integer({ min: 1, max: 40 }), r, (n, u) => {
      const v = fullJitterSleep(n, base, cap, u);
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(Math.min(cap, base * 2 ** n));
    }));
  });

  it('equal jitter keeps half the exponential and jitters the other half', () => {
    expect(equalJitterSleep(3, base, cap, 0)).toBe(20);
    expect(equalJitterSleep(3, base, cap, 0.5)).toBe(30);
    fc.assert(fc.property(fc.integer({ min: 1, max: 40 }), r, (n, u) => {
      const v = Math.min(cap, base * 2 ** n);
      const sleep = equalJitterSleep(n, base, cap, u);
      expect(sleep).toBeGreaterThanOrEqual(v / 2);
      // ≤, not <: v/2 + u·v/2 can round up to v for u just below 1, as in Python.
      expect(sleep).toBeLessThanOrEqual(v);
    }));
  });

  it('decorrelated jitter: min(cap, uniform(base, 3 * previous)), starting from previous = base', () => {
    expect(decorrelatedJitterSleep(base, base, cap, 0)).toBe(5);
    expect(decorrelatedJitterSleep(base, base, cap, 0.5)).toBe(10);
    expect(decorrelatedJitterSleep(1500, base, cap, 0.9)).toBe(2000);
    fc.assert(fc.property(fc.double({ min: base, max: cap, noNaN: true }), r, (previous, u) => {
      const sleep = decorrelatedJitterSleep(previous, base, cap, u);
      expect(sleep).toBeGreaterThanOrEqual(base);
      expect(sleep).toBeLessThanOrEqual(Math.min(cap, 3 * previous));
    }));
  });

  it('no backoff never sleeps', () => {
    expect(studySleep('none', 7, base, cap, 0.9)).toBe(0);
  });
});

describe('AWS SDK v3 delay: floor(r * min(base * 2^i, 20 s))', () => {
  it('current constants: throttling U(0,1000) then U(0,2000); transient U(0,50) then U(0,100)', () => {
    const top = 1 - 2 ** -53;
    expect([0, 1].map((i) => sdkRetryDelay(i, 1000, 20_000, top))).toEqual([999, 1999]);
    expect([0, 1].map((i) => sdkRetryDelay(i, 50, 20_000, top))).toEqual([49, 99]);
    expect(sdkRetryDelay(0, 1000, 20_000, 0)).toBe(0);
  });

  it('the 20 s cap bites before the jitter, from the 6th throttling retry with the current base', () => {
    expect(sdkRetryDelay(4, 1000, 20_000, 0.5)).toBe(8000);
    expect(sdkRetryDelay(5, 1000, 20_000, 0.5)).toBe(10_000); // min(32 s, 20 s) * 0.5
    expect(sdkRetryDelay(6, 500, 20_000, 0.5)).toBe(10_000); // classic: the 7th retry
    expect(sdkRetryDelay(5, 500, 20_000, 0.5)).toBe(8000);
  });

  it('whole milliseconds only', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 30 }), r, (i, u) => {
      const d = sdkRetryDelay(i, 100, 20_000, u);
      expect(Number.isInteger(d)).toBe(true);
      expect(d).toBeLessThan(Math.min(100 * 2 ** i, 20_000));
    }));
  });
});

describe('network delay sampler', () => {
  it('draws a standard normal (mean 0, variance 1, two-sided tails at 1, 2 and 3 sd)', () => {
    const z = createStandardNormal(createRng(11));
    const n = 200_000;
    let sum = 0;
    let squares = 0;
    const beyond = [0, 0, 0];
    for (let i = 0; i < n; i++) {
      const x = z();
      sum += x;
      squares += x * x;
      for (let k = 0; k < 3; k++) if (Math.abs(x) > k + 1) beyond[k]++;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.01);
    expect(Math.abs(squares / n - 1)).toBeLessThan(0.015);
    expect(beyond[0] / n).toBeCloseTo(0.3173, 2);
    expect(beyond[1] / n).toBeCloseTo(0.0455, 2);
    expect(beyond[2] / n).toBeCloseTo(0.0027, 3);
  });

  it('legs are abs(N(10, 2)) ms, in batches that replay exactly from the seed', () => {
    const legs = new LegDelays(createFastUniform(createRng(5)));
    const draws = Array.from({ length: 10_000 }, () => legs.next());
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    const sd = Math.sqrt(draws.reduce((a, b) => a + (b - mean) ** 2, 0) / draws.length);
    expect(draws.every((d) => d >= 0)).toBe(true);
    expect(mean).toBeCloseTo(10, 1);
    expect(sd).toBeCloseTo(2, 1);
    const again = new LegDelays(createFastUniform(createRng(5)));
    expect(Array.from({ length: 10_000 }, () => again.next())).toEqual(draws);
  });

  it('the fused batch fill gives exactly the sampler\'s values and leaves the stream where the sampler would', () => {
    // 50,000 draws take the slow path (wedges and tail) about 600 times, so the hand-back of the
    // generator's state in the middle of a batch is exercised too.
    const fused = createFastUniform(createRng(21));
    const plain = createFastUniform(createRng(21));
    const batch = new Float64Array(50_000);
    fillAbsNormals(batch, 10, 2, fused);
    const normal = createStandardNormal(plain);
    const expected = Float64Array.from({ length: batch.length }, () => Math.abs(10 + 2 * normal()));
    expect(batch).toEqual(expected);
    expect(fused.next()).toBe(plain.next());
    // Any other uniform source takes the general path, with the same values.
    const general = new Float64Array(1000);
    fillAbsNormals(general, 10, 2, createRng(8));
    const reference = createStandardNormal(createRng(8));
    expect(general).toEqual(Float64Array.from({ length: 1000 }, () => Math.abs(10 + 2 * reference())));
  });
});
