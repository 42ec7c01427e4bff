/**
 * Model time. The KMS and the simulated world read time only from a ModelClock, so a lesson can
 * fast-forward a 7-day deletion window or a year of rotation, and a traffic run can cover a
 * minute of load in milliseconds. Wall time never leaks in: tests and replays are exact.
 */
export interface ModelClock {
  /** Milliseconds since the Unix epoch, in model time. */
  now(): number;
  /** Move model time forward; listeners run in registration order (rotation, deletion windows…). */
  advance(ms: number): void;
  /** Called after every advance with the new time. Returns an unsubscribe function. */
  onAdvance(listener: (now: number) => void): () => void;
}

/** 2026-01-01T00:00:00Z: a fixed start so that replays print the same dates. */
export const DEFAULT_MODEL_EPOCH = Date.UTC(2026, 0, 1);

export function createModelClock(start: number = DEFAULT_MODEL_EPOCH): ModelClock {
  let now = start;
  const listeners = new Set<(now: number) => void>();
  return {
    now: () => now,
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`model time only moves forward (got ${ms} ms)`);
      now += ms;
      for (const listener of [...listeners]) listener(now);
    },
    onAdvance(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export const MS_PER_DAY = 86_400_000;
