import { afterEach, describe, expect, it, vi } from 'vitest';
import { DefaultRateLimiter } from '@smithy/core/retry';
import { CubicRateLimiter } from '../../../../src/sim/traffic/rate-limiter';

/** Feeds `perSecond` successful responses a second over [from, to) seconds. */
function respond(limiter: CubicRateLimiter, from: number, to: number, perSecond: number): void {
  const steps = Math.round((to - from) * perSecond);
  for (let i = 0; i < steps; i++) limiter.onResponse(from + i / perSecond, false);
}

describe('adaptive mode: the CUBIC rate limiter (reference §2.6)', () => {
  it('uses the SDK defaults', () => {
    const limiter = new CubicRateLimiter(0);
    expect([limiter.beta, limiter.scaleConstant, limiter.smooth, limiter.minFillRate, limiter.minCapacity]).toEqual([0.7, 0.4, 0.8, 0.5, 1]);
    expect(limiter.enabled).toBe(false);
    expect(limiter.tryAcquire(0)).toBe(0); // off until the first throttle: no waiting at all
  });

  it('worked example: throttled at a measured 100 req/s → 70 req/s, back to 100 after cbrt(75) = 4.22 s, 103.2 at 6.22 s', () => {
    const limiter = new CubicRateLimiter(0);
    respond(limiter, 0, 10, 100);
    expect(limiter.measuredTxRate).toBeCloseTo(100, 6);

    const throttledAt = 10;
    limiter.onResponse(throttledAt, true);
    expect(limiter.enabled).toBe(true);
    expect(limiter.lastMaxRate).toBeCloseTo(100, 6);
    expect(limiter.fillRate).toBeCloseTo(70, 6);
    expect(limiter.timeWindow).toBeCloseTo(Math.cbrt(75), 6);
    expect(limiter.timeWindow).toBeCloseTo(4.22, 2);

    // Keep answering at the new rate: the measured rate stays near 70, so 2 × measured never caps the climb.
    respond(limiter, throttledAt + 0.01, throttledAt + 2, 70);
    expect(limiter.fillRate).toBeGreaterThan(70);
    expect(limiter.fillRate).toBeLessThan(100);
    respond(limiter, throttledAt + 2, throttledAt + 4.2, 70);
    limiter.onResponse(throttledAt + Math.cbrt(75), false);
    expect(limiter.fillRate).toBeCloseTo(100, 4);
    respond(limiter, throttledAt + 4.22, throttledAt + 6.2, 70);
    limiter.onResponse(throttledAt + Math.cbrt(75) + 2, false);
    expect(limiter.fillRate).toBeCloseTo(103.2, 4);
  });

  it('never sends faster than twice the measured rate, nor slower than 0.5 req/s', () => {
    const limiter = new CubicRateLimiter(0);
    respond(limiter, 0, 5, 2);
    limiter.onResponse(5, true);
    for (let t = 5.5; t < 60; t += 0.5) limiter.onResponse(t, false);
    expect(limiter.fillRate).toBeLessThanOrEqual(2 * limiter.measuredTxRate + 1e-9);
    const starved = new CubicRateLimiter(0);
    starved.onResponse(0.1, true); // nothing measured yet: 0.7 × 0 = 0, floored at 0.5
    expect(starved.fillRate).toBe(0.5);
  });

  it('waits (1 − tokens) / fillRate seconds when the bucket is empty', () => {
    const limiter = new CubicRateLimiter(0);
    respond(limiter, 0, 10, 100);
    limiter.onResponse(10, true); // 70 req/s; the bucket filled up to its new capacity of 70 while it was off
    let sent = 0;
    while (limiter.tryAcquire(10) === 0) sent++;
    expect(sent).toBe(70);
    const wait = limiter.tryAcquire(10);
    expect(wait).toBeCloseTo(1 / 70, 9);
    expect(limiter.tryAcquire(10 + wait)).toBe(0);
  });
});

describe('against the real DefaultRateLimiter of the installed @smithy/core', () => {
  afterEach(() => vi.useRealTimers());

  it('computes the same measured rate and fill rate after every response of a throttled run', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const epochSec = 1_800_000_000;
    vi.setSystemTime(epochSec * 1000);
    const real = new DefaultRateLimiter();
    const model = new CubicRateLimiter(0);
    const realState = real as unknown as { fillRate: number; measuredTxRate: number; enabled: boolean };
    // 100 responses/s for 3 s, throttles at 3 s and 5.5 s, then recovery at 60 responses/s.
    const timeline: [number, boolean][] = [];
    for (let ms = 10; ms < 9000; ms += ms < 3000 ? 10 : 17) timeline.push([ms, ms === 3000 || ms === 5500]);
    timeline.push([3000, true], [5500, true]);
    timeline.sort((a, b) => a[0] - b[0]);
    for (const [ms, throttled] of timeline) {
      vi.setSystemTime(epochSec * 1000 + ms);
      real.updateClientSendingRate(throttled ? { errorType: 'THROTTLING' } : {});
      model.onResponse(ms / 1000, throttled);
      expect(model.enabled).toBe(realState.enabled);
      expect(model.measuredTxRate).toBeCloseTo(realState.measuredTxRate, 5);
      expect(model.fillRate).toBeCloseTo(realState.fillRate, 5);
    }
    expect(model.enabled).toBe(true);
  });
});
