/**
 * The AWS SDK for JavaScript v3 standard retry strategy, in model time (reference/backoff.md §2.2–2.4).
 *
 * Two constant sets: 'current' is what @smithy/core >= 3.40.0 does unconditionally (the "2026"
 * behaviour, which a fresh install of @aws-sdk/client-kms gets); 'classic' is @smithy/core < 3.40
 * and the standalone @smithy/util-retry 4.0.x. Both: 3 attempts, 20 s cap, 500-token retry quota.
 *
 * The retry quota is per retry-strategy instance, i.e. per SDK client object, shared by all of that
 * client's requests, so the simulator keeps one StandardRetry per simulated client.
 */
import { sdkRetryDelay } from './backoff';

/** The SDK's error classes (§2.5). Only THROTTLING and TRANSIENT are retried. */
export type SdkErrorType = 'THROTTLING' | 'TRANSIENT' | 'SERVER_ERROR' | 'CLIENT_ERROR';

export interface SdkRetryConstants {
  name: 'current' | 'classic';
  /** DEFAULT_MAX_ATTEMPTS: the first try plus retries. */
  maxAttempts: number;
  /** Backoff base for non-throttling (transient) errors, ms. */
  baseDelayMs: number;
  /** Backoff base for throttling errors, ms. */
  throttlingBaseDelayMs: number;
  /** MAXIMUM_RETRY_DELAY, ms. */
  maxDelayMs: number;
  /** INITIAL_RETRY_TOKENS: the retry quota's size, and its ceiling after refunds. */
  initialRetryTokens: number;
  /** Tokens a retry costs after a throttling error. */
  throttlingRetryCost: number;
  /** Tokens a retry costs after a transient error. */
  transientRetryCost: number;
  /** NO_RETRY_INCREMENT: refund for a success that needed no retry. */
  noRetryIncrement: number;
}

/** @smithy/core >= 3.40.0 (`Retry` in util-retry/retries-2026-config): 50 ms / 1 s bases, costs 14 / 5. */
export const SDK_RETRY_CURRENT: SdkRetryConstants = Object.freeze({
  name: 'current',
  maxAttempts: 3,
  baseDelayMs: 50,
  throttlingBaseDelayMs: 1000,
  maxDelayMs: 20_000,
  initialRetryTokens: 500,
  throttlingRetryCost: 5,
  transientRetryCost: 14,
  noRetryIncrement: 1,
});

/** @smithy/core 3.24–3.39 default, @smithy/util-retry <= 4.2: 100 ms / 500 ms bases, RETRY_COST 5, TIMEOUT_RETRY_COST 10. */
export const SDK_RETRY_CLASSIC: SdkRetryConstants = Object.freeze({
  name: 'classic',
  maxAttempts: 3,
  baseDelayMs: 100,
  throttlingBaseDelayMs: 500,
  maxDelayMs: 20_000,
  initialRetryTokens: 500,
  throttlingRetryCost: 5,
  transientRetryCost: 10,
  noRetryIncrement: 1,
});

export type RetryRefusal = 'not-retryable' | 'attempts' | 'retry-quota';

export type RetryDecision =
  | { retry: true; delayMs: number; cost: number }
  | { retry: false; reason: RetryRefusal };

export function isRetryableErrorType(type: SdkErrorType): boolean {
  return type === 'THROTTLING' || type === 'TRANSIENT';
}

export class StandardRetry {
  /** Tokens left in this client's retry quota. */
  capacity: number;
  readonly maxAttempts: number;

  constructor(
    readonly constants: SdkRetryConstants = SDK_RETRY_CURRENT,
    maxAttempts: number = constants.maxAttempts,
  ) {
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new RangeError(`maxAttempts must be a positive integer (got ${maxAttempts})`);
    this.maxAttempts = maxAttempts;
    this.capacity = constants.initialRetryTokens;
  }

  costOf(type: SdkErrorType): number {
    return type === 'THROTTLING' ? this.constants.throttlingRetryCost : this.constants.transientRetryCost;
  }

  /**
   * Why the SDK would not retry, or undefined if it would. Same precedence as the SDK's retryCode:
   * not retryable, then attempts used up, then the quota too short for this error's cost.
   */
  refusal(retriesSoFar: number, type: SdkErrorType): RetryRefusal | undefined {
    if (!isRetryableErrorType(type)) return 'not-retryable';
    if (retriesSoFar + 1 >= this.maxAttempts) return 'attempts';
    if (this.capacity < this.costOf(type)) return 'retry-quota';
    return undefined;
  }

  /**
   * The SDK's reaction to a failed attempt: either the error is thrown (refusal), or the quota pays for
   * a retry and the client sleeps floor(r * min(base * 2^retries, 20 s)), base chosen by error type.
   */
  onFailure(retriesSoFar: number, type: SdkErrorType, r: number): RetryDecision {
    const reason = this.refusal(retriesSoFar, type);
    if (reason) return { retry: false, reason };
    const cost = this.costOf(type);
    this.capacity -= cost;
    const base = type === 'THROTTLING' ? this.constants.throttlingBaseDelayMs : this.constants.baseDelayMs;
    return { retry: true, delayMs: sdkRetryDelay(retriesSoFar, base, this.constants.maxDelayMs, r), cost };
  }

  /**
   * A success refunds what the request's last retry cost, or 1 if it never retried, capped at the
   * initial 500 (the Math.min of @smithy/core >= 3.24; older util-retry wrote Math.max by mistake).
   */
  onSuccess(lastRetryCost: number | undefined): void {
    this.capacity = Math.min(this.constants.initialRetryTokens, this.capacity + (lastRetryCost ?? this.constants.noRetryIncrement));
  }
}
