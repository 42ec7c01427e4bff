/**
 * What one simulated client does when a KMS call fails: the retry modes the load lab offers.
 *
 * - 'none': one attempt, the error goes to the application.
 * - 'standard' / 'standard-classic': the SDK v3 standard strategy with the current or classic constants.
 * - 'adaptive': standard retries (current constants unless `classic`) plus the CUBIC client-side rate
 *   limiter; the limiter needs the simulator's clock, so the simulator drives it (see kms-load.ts).
 * - 'custom': an application's own loop with capped exponential backoff and any jitter, no retry quota.
 *   Its n counts retries from 0 (first sleep drawn from [0, base] for full jitter), like the SDK, not
 *   from 1 as in Brooker's study; decorrelated jitter keeps its previous sleep per request.
 */
import type { UniformSource } from './fast-random';
import { decorrelatedJitterSleep, exponentialSleep, type JitterKind, studySleep } from './backoff';
import { isRetryableErrorType, SDK_RETRY_CLASSIC, SDK_RETRY_CURRENT, StandardRetry, type RetryDecision, type SdkErrorType } from './sdk-retry';
import { CubicRateLimiter, type RateLimiterOptions } from './rate-limiter';

export type RetryMode = 'none' | 'standard' | 'standard-classic' | 'adaptive' | 'custom';

export type RetryConfig =
  | { mode: 'none' }
  | { mode: 'standard'; maxAttempts?: number }
  | { mode: 'standard-classic'; maxAttempts?: number }
  | { mode: 'adaptive'; maxAttempts?: number; classic?: boolean; limiter?: RateLimiterOptions }
  | { mode: 'custom'; jitter: JitterKind; baseMs?: number; capMs?: number; maxAttempts?: number };

export const CUSTOM_RETRY_DEFAULTS = Object.freeze({ baseMs: 100, capMs: 20_000, maxAttempts: 5 });

/** One client's retry behaviour; the load simulator keeps one per simulated SDK client. */
export interface ClientRetryPolicy {
  /** The SDK retry quota of this client, when the mode has one. */
  readonly standard?: StandardRetry;
  /** The adaptive-mode rate limiter of this client, when the mode has one. */
  readonly limiter?: CubicRateLimiter;
  /**
   * Decide about a failed attempt. `previousDelayMs` is this request's last sleep (0 before the first
   * retry); only decorrelated jitter reads it.
   */
  onFailure(retriesSoFar: number, type: SdkErrorType, previousDelayMs: number, rng: UniformSource): RetryDecision;
  onSuccess(lastRetryCost: number | undefined): void;
}

class NoRetryPolicy implements ClientRetryPolicy {
  onFailure(_retries: number, type: SdkErrorType): RetryDecision {
    return { retry: false, reason: isRetryableErrorType(type) ? 'attempts' : 'not-retryable' };
  }
  onSuccess(): void {}
}

class SdkPolicy implements ClientRetryPolicy {
  constructor(
    readonly standard: StandardRetry,
    readonly limiter?: CubicRateLimiter,
  ) {}
  onFailure(retriesSoFar: number, type: SdkErrorType, _previous: number, rng: UniformSource): RetryDecision {
    return this.standard.onFailure(retriesSoFar, type, rng.next());
  }
  onSuccess(lastRetryCost: number | undefined): void {
    this.standard.onSuccess(lastRetryCost);
  }
}

class CustomPolicy implements ClientRetryPolicy {
  constructor(
    private readonly jitter: JitterKind,
    private readonly baseMs: number,
    private readonly capMs: number,
    private readonly maxAttempts: number,
  ) {}
  onFailure(retriesSoFar: number, type: SdkErrorType, previousDelayMs: number, rng: UniformSource): RetryDecision {
    if (!isRetryableErrorType(type)) return { retry: false, reason: 'not-retryable' };
    if (retriesSoFar + 1 >= this.maxAttempts) return { retry: false, reason: 'attempts' };
    let delayMs: number;
    if (this.jitter === 'decorrelated') {
      delayMs = decorrelatedJitterSleep(previousDelayMs > 0 ? previousDelayMs : this.baseMs, this.baseMs, this.capMs, rng.next());
    } else if (this.jitter === 'none') {
      delayMs = exponentialSleep(retriesSoFar, this.baseMs, this.capMs);
    } else {
      delayMs = studySleep(this.jitter, retriesSoFar, this.baseMs, this.capMs, rng.next());
    }
    return { retry: true, delayMs, cost: 0 };
  }
  onSuccess(): void {}
}

export function createClientRetryPolicy(config: RetryConfig, nowSec: number): ClientRetryPolicy {
  switch (config.mode) {
    case 'none':
      return new NoRetryPolicy();
    case 'standard':
      return new SdkPolicy(new StandardRetry(SDK_RETRY_CURRENT, config.maxAttempts ?? SDK_RETRY_CURRENT.maxAttempts));
    case 'standard-classic':
      return new SdkPolicy(new StandardRetry(SDK_RETRY_CLASSIC, config.maxAttempts ?? SDK_RETRY_CLASSIC.maxAttempts));
    case 'adaptive': {
      const constants = config.classic ? SDK_RETRY_CLASSIC : SDK_RETRY_CURRENT;
      return new SdkPolicy(new StandardRetry(constants, config.maxAttempts ?? constants.maxAttempts), new CubicRateLimiter(nowSec, config.limiter));
    }
    case 'custom': {
      const baseMs = config.baseMs ?? CUSTOM_RETRY_DEFAULTS.baseMs;
      const capMs = config.capMs ?? CUSTOM_RETRY_DEFAULTS.capMs;
      const maxAttempts = config.maxAttempts ?? CUSTOM_RETRY_DEFAULTS.maxAttempts;
      if (!(baseMs > 0) || !(capMs >= baseMs)) throw new RangeError(`custom retry needs 0 < baseMs <= capMs (got ${baseMs}, ${capMs})`);
      if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new RangeError(`maxAttempts must be a positive integer (got ${maxAttempts})`);
      return new CustomPolicy(config.jitter, baseMs, capMs, maxAttempts);
    }
    default:
      throw new RangeError(`unknown retry mode ${String((config as { mode: unknown }).mode)}`);
  }
}
