import { afterEach, describe, expect, it, vi } from 'vitest';
import { StandardRetryStrategy } from '@smithy/core/retry';
import { SDK_RETRY_CLASSIC, SDK_RETRY_CURRENT, StandardRetry, type SdkErrorType } from '../../../../src/sim/traffic/sdk-retry';

/** Retries a fresh strategy grants when every request fails with `type` and nothing ever succeeds. */
function retriesUntilDry(strategy: StandardRetry, type: SdkErrorType): number {
  let granted = 0;
  while (strategy.onFailure(0, type, 0.5).retry) granted++;
  return granted;
}

describe('SDK v3 standard mode constants (reference §2.2)', () => {
  it('current (@smithy/core >= 3.40): 3 attempts, 50 ms / 1 s bases, 20 s cap, 500 tokens, costs 14 / 5', () => {
    expect(SDK_RETRY_CURRENT).toMatchObject({ maxAttempts: 3, baseDelayMs: 50, throttlingBaseDelayMs: 1000, maxDelayMs: 20_000, initialRetryTokens: 500, transientRetryCost: 14, throttlingRetryCost: 5, noRetryIncrement: 1 });
  });
  it('classic: 3 attempts, 100 ms / 500 ms bases, 20 s cap, 500 tokens, costs 10 (transient) / 5', () => {
    expect(SDK_RETRY_CLASSIC).toMatchObject({ maxAttempts: 3, baseDelayMs: 100, throttlingBaseDelayMs: 500, maxDelayMs: 20_000, initialRetryTokens: 500, transientRetryCost: 10, throttlingRetryCost: 5, noRetryIncrement: 1 });
  });
});

describe('retry quota arithmetic', () => {
  it('from a full 500: 100 throttling retries in both sets; 35 transient (current) and 50 (classic)', () => {
    expect(retriesUntilDry(new StandardRetry(SDK_RETRY_CURRENT), 'THROTTLING')).toBe(100);
    expect(retriesUntilDry(new StandardRetry(SDK_RETRY_CLASSIC), 'THROTTLING')).toBe(100);
    expect(retriesUntilDry(new StandardRetry(SDK_RETRY_CURRENT), 'TRANSIENT')).toBe(35);
    expect(retriesUntilDry(new StandardRetry(SDK_RETRY_CLASSIC), 'TRANSIENT')).toBe(50);
  });

  it('a dry quota fails fast with the original error, then refunds let retries resume', () => {
    const strategy = new StandardRetry(SDK_RETRY_CURRENT);
    retriesUntilDry(strategy, 'TRANSIENT');
    expect(strategy.capacity).toBe(500 - 35 * 14);
    expect(strategy.onFailure(0, 'TRANSIENT', 0.5)).toEqual({ retry: false, reason: 'retry-quota' });
    strategy.onSuccess(undefined); // a success that needed no retry refunds 1
    strategy.onSuccess(undefined);
    strategy.onSuccess(undefined);
    strategy.onSuccess(undefined);
    expect(strategy.capacity).toBe(14);
    expect(strategy.onFailure(0, 'TRANSIENT', 0.5).retry).toBe(true);
  });

  it("a success refunds its last retry's cost, never above 500", () => {
    const strategy = new StandardRetry(SDK_RETRY_CURRENT);
    const decision = strategy.onFailure(0, 'THROTTLING', 0.5);
    expect(decision).toEqual({ retry: true, delayMs: 500, cost: 5 });
    expect(strategy.capacity).toBe(495);
    strategy.onSuccess(5);
    expect(strategy.capacity).toBe(500);
    strategy.onSuccess(5);
    strategy.onSuccess(undefined);
    expect(strategy.capacity).toBe(500);
  });

  it('attempts: the third failure of a request is final; precedence is not-retryable, attempts, quota', () => {
    const strategy = new StandardRetry(SDK_RETRY_CLASSIC);
    expect(strategy.onFailure(0, 'THROTTLING', 0).retry).toBe(true);
    expect(strategy.onFailure(1, 'THROTTLING', 0).retry).toBe(true);
    expect(strategy.onFailure(2, 'THROTTLING', 0)).toEqual({ retry: false, reason: 'attempts' });
    expect(strategy.onFailure(0, 'CLIENT_ERROR', 0)).toEqual({ retry: false, reason: 'not-retryable' });
    expect(strategy.onFailure(0, 'SERVER_ERROR', 0)).toEqual({ retry: false, reason: 'not-retryable' });
    strategy.capacity = 0;
    expect(strategy.onFailure(2, 'THROTTLING', 0)).toEqual({ retry: false, reason: 'attempts' });
    expect(strategy.onFailure(0, 'THROTTLING', 0)).toEqual({ retry: false, reason: 'retry-quota' });
  });

  it('delays: base by error type, doubling per retry, whole ms', () => {
    const current = new StandardRetry(SDK_RETRY_CURRENT);
    const classic = new StandardRetry(SDK_RETRY_CLASSIC);
    const r = 0.999;
    expect([0, 1].map((i) => current.onFailure(i, 'THROTTLING', r))).toMatchObject([{ delayMs: 999 }, { delayMs: 1998 }]);
    expect([0, 1].map((i) => current.onFailure(i, 'TRANSIENT', r))).toMatchObject([{ delayMs: 49 }, { delayMs: 99 }]);
    expect([0, 1].map((i) => classic.onFailure(i, 'THROTTLING', r))).toMatchObject([{ delayMs: 499 }, { delayMs: 999 }]);
    expect([0, 1].map((i) => classic.onFailure(i, 'TRANSIENT', r))).toMatchObject([{ delayMs: 99 }, { delayMs: 199 }]);
  });
});

describe('against the real StandardRetryStrategy of the installed @smithy/core (current constants)', () => {
  afterEach(() => vi.restoreAllMocks());

  it('grants and refuses the same retries and keeps the same quota through a mixed history', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0); // zero delays: the SDK really sleeps with setTimeout
    const real = new StandardRetryStrategy(3);
    const model = new StandardRetry(SDK_RETRY_CURRENT);
    // A story: a burst of throttles and transient errors drains the quota, some requests recover.
    const script: ('throttle' | 'transient' | 'recover-after-throttle' | 'success')[] = [
      ...Array<'transient'>(20).fill('transient'),
      'recover-after-throttle',
      ...Array<'throttle'>(45).fill('throttle'),
      'success',
      'success',
      ...Array<'transient'>(5).fill('transient'),
      'recover-after-throttle',
      ...Array<'throttle'>(5).fill('throttle'),
    ];
    for (const step of script) {
      const token = await real.acquireInitialRetryToken('kms');
      if (step === 'success') {
        real.recordSuccess(token);
        model.onSuccess(undefined);
      } else {
        const errorType = step === 'transient' ? 'TRANSIENT' : 'THROTTLING';
        const realRetried = await real.refreshRetryTokenForRetry(token, { errorType }).then(
          (next) => {
            if (step === 'recover-after-throttle') real.recordSuccess(next);
            return true;
          },
          () => false,
        );
        const decision = model.onFailure(0, errorType, 0);
        expect(decision.retry).toBe(realRetried);
        if (decision.retry && step === 'recover-after-throttle') model.onSuccess(decision.cost);
      }
      expect(model.capacity).toBe(real.getCapacity());
    }
    expect(model.capacity).toBeLessThan(20);
  });
});
