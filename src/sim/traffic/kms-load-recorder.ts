/**
 * The load lab's bookkeeping: counts per second and in total, latencies, the first throttle, the
 * moment a retry quota first runs dry, and end-of-second snapshots of the clients' state. The event
 * loop in kms-load.ts reports what happens; this turns it into the result's numbers.
 */
import { latencyPercentiles } from './latency-stats';
import type { RetryRefusal } from './sdk-retry';
import { KMS_LOAD_OPERATIONS, type KmsLoadOperation, type KmsLoadResult, type KmsLoadSecond, type KmsLoadTotals } from './kms-load-types';

function emptySecond(second: number): KmsLoadSecond {
  return {
    second,
    started: 0,
    attempts: 0,
    successes: 0,
    throttles: 0,
    transientErrors: 0,
    gaveUpAttempts: 0,
    gaveUpRetryQuota: 0,
    latencyMs: null,
    meanRetryTokens: null,
    clientsOutOfRetryTokens: 0,
    meanAdaptiveRate: null,
  };
}

export class LoadRecorder {
  readonly seconds: KmsLoadSecond[] = [];
  readonly totals: KmsLoadTotals = { started: 0, attempts: 0, successes: 0, throttles: 0, transientErrors: 0, gaveUpAttempts: 0, gaveUpRetryQuota: 0, unfinished: 0 };
  readonly byOperation = Object.fromEntries(KMS_LOAD_OPERATIONS.map((op) => [op, { started: 0, successes: 0, throttles: 0 }])) as KmsLoadResult['byOperation'];
  firstThrottleAtMs: number | null = null;
  retryQuotaDryAtMs: number | null = null;
  private readonly latencies: number[][] = [];
  private readonly allLatencies: number[] = [];
  private finished = 0;
  private snapshotted = 0;

  /**
   * @param snapshotClients fills a second's client-state fields (retry tokens, adaptive rates)
   * @param lastSecond no snapshots beyond this second (the run's drain limit)
   */
  constructor(
    private readonly snapshotClients: (row: KmsLoadSecond) => void,
    private readonly lastSecond: number,
  ) {}

  row(t: number): KmsLoadSecond {
    const s = Math.floor(t / 1000);
    while (this.seconds.length <= s) {
      this.seconds.push(emptySecond(this.seconds.length));
      this.latencies.push([]);
    }
    return this.seconds[s];
  }

  /** Snapshots the clients for every second boundary up to model time t (state at a boundary = state at the next event). */
  passTime(t: number): void {
    const upTo = Math.min(Math.floor(t / 1000), this.lastSecond);
    while (this.snapshotted < upTo) this.snapshotClients(this.row(this.snapshotted++ * 1000));
  }

  started(t: number, operation: KmsLoadOperation): void {
    this.row(t).started++;
    this.totals.started++;
    this.byOperation[operation].started++;
  }

  attempt(t: number): void {
    this.row(t).attempts++;
    this.totals.attempts++;
  }

  throttled(t: number, operation: KmsLoadOperation): void {
    this.row(t).throttles++;
    this.totals.throttles++;
    this.byOperation[operation].throttles++;
    if (this.firstThrottleAtMs === null) this.firstThrottleAtMs = t;
  }

  transientError(t: number): void {
    this.row(t).transientErrors++;
    this.totals.transientErrors++;
  }

  succeeded(t: number, operation: KmsLoadOperation, latencyMs: number): void {
    this.row(t).successes++;
    this.totals.successes++;
    this.byOperation[operation].successes++;
    this.finish(t, latencyMs);
  }

  gaveUp(t: number, reason: RetryRefusal, latencyMs: number): void {
    const row = this.row(t);
    if (reason === 'retry-quota') {
      row.gaveUpRetryQuota++;
      this.totals.gaveUpRetryQuota++;
      if (this.retryQuotaDryAtMs === null) this.retryQuotaDryAtMs = t;
    } else {
      row.gaveUpAttempts++;
      this.totals.gaveUpAttempts++;
    }
    this.finish(t, latencyMs);
  }

  private finish(t: number, latencyMs: number): void {
    this.latencies[Math.floor(t / 1000)].push(latencyMs);
    this.allLatencies.push(latencyMs);
    this.finished++;
  }

  /** Closes the run: rows for the whole duration, last snapshots, percentiles, unfinished calls. */
  close(durationMs: number): Pick<KmsLoadResult, 'seconds' | 'totals' | 'byOperation' | 'latencyMs' | 'firstThrottleAtMs' | 'retryQuotaDryAtMs'> {
    this.totals.unfinished = this.totals.started - this.finished;
    this.row(durationMs - 1);
    this.passTime(this.seconds.length * 1000);
    this.seconds.forEach((row, s) => (row.latencyMs = latencyPercentiles(this.latencies[s])));
    return {
      seconds: this.seconds,
      totals: this.totals,
      byOperation: this.byOperation,
      latencyMs: latencyPercentiles(this.allLatencies),
      firstThrottleAtMs: this.firstThrottleAtMs,
      retryQuotaDryAtMs: this.retryQuotaDryAtMs,
    };
  }
}
