/**
 * The SDK's adaptive-mode client-side rate limiter (`DefaultRateLimiter` in @smithy/core's retry
 * submodule, reference/backoff.md §2.6), in model time: every method takes the time in seconds instead
 * of reading Date.now(). Its send rate follows TCP CUBIC: on a throttle it drops to beta × the rate it
 * was using and remembers that rate; afterwards it grows as scale × (t − lastThrottle − K)³ + lastMaxRate,
 * with K = cbrt(lastMaxRate × (1 − beta) / scale), so it is back at the old rate K seconds after the
 * throttle (4.22 s for 100 req/s) and probes beyond it, never above twice the measured rate.
 */
export interface RateLimiterOptions {
  beta?: number;
  minCapacity?: number;
  minFillRate?: number;
  scaleConstant?: number;
  smooth?: number;
}

export const ADAPTIVE_DEFAULTS = Object.freeze({ beta: 0.7, minCapacity: 1, minFillRate: 0.5, scaleConstant: 0.4, smooth: 0.8 });

const TOKEN_EPSILON = 1e-6;

/**
 * The SDK rounds its rates to 8 decimals (getPrecise: parseFloat(value.toFixed(8))). Same rounding,
 * without the string round trip that took a third of an adaptive run's time; the two can only differ
 * when the 9th decimal is an exact tie.
 */
function precise(value: number): number {
  return Math.round(value * 1e8) / 1e8;
}

export class CubicRateLimiter {
  readonly beta: number;
  readonly minCapacity: number;
  readonly minFillRate: number;
  readonly scaleConstant: number;
  readonly smooth: number;

  /** The bucket stays off (no waiting at all) until the first throttling response. */
  enabled = false;
  availableTokens = 0;
  lastMaxRate = 0;
  measuredTxRate = 0;
  fillRate: number;
  maxCapacity: number;
  lastThrottleTime: number;
  /** K, seconds from the throttle until the rate is back at lastMaxRate. */
  timeWindow = 0;
  private requestCount = 0;
  private lastTxRateBucket: number;
  // The SDK marks "never refilled" with lastTimestamp = 0, which epoch seconds never hit; model time
  // can start at 0, so a flag says it instead.
  private lastTimestamp = 0;
  private refilledOnce = false;

  constructor(nowSec: number, options: RateLimiterOptions = {}) {
    this.beta = options.beta ?? ADAPTIVE_DEFAULTS.beta;
    this.minCapacity = options.minCapacity ?? ADAPTIVE_DEFAULTS.minCapacity;
    this.minFillRate = options.minFillRate ?? ADAPTIVE_DEFAULTS.minFillRate;
    this.scaleConstant = options.scaleConstant ?? ADAPTIVE_DEFAULTS.scaleConstant;
    this.smooth = options.smooth ?? ADAPTIVE_DEFAULTS.smooth;
    this.lastThrottleTime = nowSec;
    this.lastTxRateBucket = Math.floor(nowSec);
    this.fillRate = this.minFillRate;
    this.maxCapacity = this.minCapacity;
  }

  /**
   * Takes a send token if one is available at `nowSec` and returns 0; otherwise takes nothing and
   * returns how many seconds to wait before asking again (the SDK sleeps (1 − tokens) / fillRate and
   * re-checks, exactly this).
   */
  tryAcquire(nowSec: number): number {
    if (!this.enabled) return 0;
    this.refill(nowSec);
    // A millionth of a token of slack: refills computed in floating point can land at 0.999…; the SDK
    // then sleeps ~0 ms of real time and succeeds, while model time would not move at all.
    if (this.availableTokens >= 1 - TOKEN_EPSILON) {
      this.availableTokens -= 1;
      return 0;
    }
    return (1 - this.availableTokens) / this.fillRate;
  }

  /** Called on every response, success or error (updateClientSendingRate). */
  onResponse(nowSec: number, throttled: boolean): void {
    this.updateMeasuredRate(nowSec);
    let calculatedRate: number;
    if (throttled) {
      const rateToUse = !this.enabled ? this.measuredTxRate : Math.min(this.measuredTxRate, this.fillRate);
      this.lastMaxRate = rateToUse;
      this.calculateTimeWindow();
      this.lastThrottleTime = nowSec;
      calculatedRate = precise(rateToUse * this.beta);
      this.enabled = true;
    } else {
      // The SDK recomputes K here too, but K depends only on lastMaxRate, which changes only on a
      // throttle, so the value computed there is reused.
      calculatedRate = precise(this.scaleConstant * (nowSec - this.lastThrottleTime - this.timeWindow) ** 3 + this.lastMaxRate);
    }
    const newRate = Math.min(calculatedRate, 2 * this.measuredTxRate);
    this.refill(nowSec);
    this.fillRate = Math.max(newRate, this.minFillRate);
    this.maxCapacity = Math.max(newRate, this.minCapacity);
    this.availableTokens = Math.min(this.availableTokens, this.maxCapacity);
  }

  private calculateTimeWindow(): void {
    this.timeWindow = precise(((this.lastMaxRate * (1 - this.beta)) / this.scaleConstant) ** (1 / 3));
  }

  private refill(nowSec: number): void {
    if (!this.refilledOnce) {
      this.refilledOnce = true;
      this.lastTimestamp = nowSec;
      return;
    }
    const fillAmount = (nowSec - this.lastTimestamp) * this.fillRate;
    this.availableTokens = Math.min(this.maxCapacity, this.availableTokens + fillAmount);
    this.lastTimestamp = nowSec;
  }

  /** Responses counted in half-second buckets, smoothed: measured = 0.8 × count/elapsed + 0.2 × measured. */
  private updateMeasuredRate(nowSec: number): void {
    const timeBucket = Math.floor(nowSec * 2) / 2;
    this.requestCount++;
    if (timeBucket > this.lastTxRateBucket) {
      const currentRate = this.requestCount / (timeBucket - this.lastTxRateBucket);
      this.measuredTxRate = precise(currentRate * this.smooth + this.measuredTxRate * (1 - this.smooth));
      this.requestCount = 0;
      this.lastTxRateBucket = timeBucket;
    }
  }
}
