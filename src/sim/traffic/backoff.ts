/**
 * Backoff and jitter formulas as pure functions. Randomness comes in as `r`, a uniform number in
 * [0, 1) drawn by the caller from the seeded Rng, so every formula can be tested at its bounds and
 * a run replays exactly. All times are milliseconds.
 *
 * Brooker's formulas (reference/backoff.md §1.1) take the attempt number n; his study starts n at 1
 * for the first backoff, which is the caller's business, not these functions'.
 * `uniform(a, b)` below means a + (b - a) * r, which is how Python's random.uniform draws.
 */

/** The five strategies of Brooker's study, by the names the charts use. */
export const STUDY_STRATEGIES = ['none', 'exponential', 'full', 'equal', 'decorrelated'] as const;
export type StudyStrategy = (typeof STUDY_STRATEGIES)[number];

/** Jitter kinds for a custom retry loop; 'none' here means capped exponential without jitter. */
export type JitterKind = 'none' | 'full' | 'equal' | 'decorrelated';

/** Labels as the post and its simulator print them. */
export const STUDY_STRATEGY_LABELS: Record<StudyStrategy, string> = {
  none: 'No backoff',
  exponential: 'Exponential',
  full: 'Full Jitter',
  equal: 'Equal Jitter',
  decorrelated: 'Decorrelated Jitter',
};

// 2^0 … 2^1023, exact in doubles: a table lookup instead of Math.pow in the study's hottest formula.
const POWERS_OF_TWO = Float64Array.from({ length: 1024 }, (_, n) => 2 ** n);

/** Capped exponential: min(cap, base * 2^n). */
export function exponentialSleep(n: number, base: number, cap: number): number {
  return Math.min(cap, base * (n >= 0 && n < 1024 && Number.isInteger(n) ? POWERS_OF_TWO[n] : 2 ** n));
}

/** Full jitter: uniform(0, min(cap, base * 2^n)). */
export function fullJitterSleep(n: number, base: number, cap: number, r: number): number {
  return r * exponentialSleep(n, base, cap);
}

/** Equal jitter: half the capped exponential, plus uniform(0, the other half). */
export function equalJitterSleep(n: number, base: number, cap: number, r: number): number {
  const v = exponentialSleep(n, base, cap);
  return v / 2 + r * (v / 2);
}

/**
 * Decorrelated jitter: min(cap, uniform(base, 3 * previous)). The previous sleep is state the caller
 * keeps (per client in the study), starting at base; the returned value is the next state too.
 */
export function decorrelatedJitterSleep(previous: number, base: number, cap: number, r: number): number {
  return Math.min(cap, base + r * (3 * previous - base));
}

/**
 * AWS SDK for JavaScript v3 (@smithy/core >= 3.24, reference §2.3): floor(r * min(base * 2^i, cap)),
 * i = retries already made (0 before the first retry). Full jitter with the cap applied before the
 * jitter; `base` depends on the error type (throttling or transient) and the constant set.
 */
export function sdkRetryDelay(retriesSoFar: number, base: number, cap: number, r: number): number {
  return Math.floor(r * Math.min(base * 2 ** retriesSoFar, cap));
}

/**
 * One sleep of a stateless strategy (everything but decorrelated) for attempt number n.
 * Kept separate from decorrelated jitter because that one needs its previous value.
 */
export function studySleep(strategy: Exclude<StudyStrategy, 'decorrelated'>, n: number, base: number, cap: number, r: number): number {
  switch (strategy) {
    case 'none':
      return 0;
    case 'exponential':
      return exponentialSleep(n, base, cap);
    case 'full':
      return fullJitterSleep(n, base, cap, r);
    case 'equal':
      return equalJitterSleep(n, base, cap, r);
  }
}
