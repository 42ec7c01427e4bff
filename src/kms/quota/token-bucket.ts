/**
 * The request-quota bucket. AWS documents KMS quotas as "requests per second, in each one-second
 * interval" and publishes no burst parameters, so the model is a token bucket with
 * rate = quota and capacity = one second's worth (reference/backoff.md §3.3 calls this a modelling
 * choice). The engine's quota check and the traffic simulator both use this one implementation.
 * Time is model time in milliseconds, passed in by the caller: no wall clock here.
 */
export interface TokenBucket {
  /** Requests per second. */
  readonly ratePerSecond: number;
  /** Largest number of tokens the bucket holds. */
  readonly capacity: number;
  /** Takes `cost` tokens if available at model time `now`; false means the request is throttled. */
  tryTake(now: number, cost?: number): boolean;
  /** Tokens available at model time `now` (after refilling). */
  available(now: number): number;
  /** Changes the rate (a lesson lowering a quota, a granted increase); capacity follows the rate. */
  setRate(ratePerSecond: number, now: number): void;
}

export function createTokenBucket(ratePerSecond: number, startAt = 0): TokenBucket {
  if (!(ratePerSecond > 0)) throw new RangeError(`quota rate must be positive (got ${ratePerSecond})`);
  let rate = ratePerSecond;
  let capacity = Math.max(1, rate);
  let tokens = capacity;
  let last = startAt;

  const refill = (now: number) => {
    if (now > last) {
      tokens = Math.min(capacity, tokens + ((now - last) / 1000) * rate);
      last = now;
    }
  };

  return {
    get ratePerSecond() {
      return rate;
    },
    get capacity() {
      return capacity;
    },
    tryTake(now, cost = 1) {
      refill(now);
      // A small epsilon absorbs floating-point drift from fractional refills.
      if (tokens + 1e-9 >= cost) {
        tokens -= cost;
        return true;
      }
      return false;
    },
    available(now) {
      refill(now);
      return tokens;
    },
    setRate(next, now) {
      if (!(next > 0)) throw new RangeError(`quota rate must be positive (got ${next})`);
      refill(now);
      rate = next;
      capacity = Math.max(1, rate);
      tokens = Math.min(tokens, capacity);
    },
  };
}
