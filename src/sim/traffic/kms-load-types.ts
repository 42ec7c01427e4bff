/**
 * The KMS load lab's inputs and outputs (plain data: they cross the worker boundary as they are).
 * The simulation itself is in kms-load.ts.
 */
import type { RetryConfig } from './client-retry';
import type { NetworkModel } from './network-delay';
import type { LatencyPercentiles } from './latency-stats';
import type { RetryRefusal } from './sdk-retry';

export const KMS_LOAD_OPERATIONS = ['Encrypt', 'Decrypt', 'GenerateDataKey'] as const;
export type KmsLoadOperation = (typeof KMS_LOAD_OPERATIONS)[number];

export interface KmsLoadParams {
  clients: number;
  /** Requests per second from each client; give this or totalRate. */
  ratePerClient?: number;
  /** Requests per second from all clients together. */
  totalRate?: number;
  durationMs: number;
  /** The account's symmetric quota; default: the engine's default for `region` (10,000/s in most Regions). */
  quotaPerSecond?: number;
  region?: string;
  /** Relative weights; default one third each. All three share the symmetric quota. */
  operationMix?: Partial<Record<KmsLoadOperation, number>>;
  retry: RetryConfig;
  network?: NetworkModel;
  /** Share of admitted requests that fail with KMSInternalException (a transient, retryable error). */
  transientErrorRate?: number;
  /** How long after the last arrival retries may still run; requests not finished by then are reported as unfinished. */
  drainLimitMs?: number;
  /** Record every attempt of the first `traceLimit` requests (for animating a small run). */
  traceLimit?: number;
  seed: number;
  onProgress?: (progress: { modelTimeMs: number; fraction: number }) => void;
}

export type AttemptOutcome = 'success' | 'throttled' | 'transient-error';

export interface KmsLoadSecond {
  /** This row covers model time [second × 1000, second × 1000 + 1000) ms. */
  second: number;
  /** Calls the application started. */
  started: number;
  /** Attempts that reached KMS (first tries and retries). */
  attempts: number;
  successes: number;
  /** ThrottlingException answers (HTTP 400). */
  throttles: number;
  /** KMSInternalException answers (HTTP 500, transient). */
  transientErrors: number;
  /** Calls that ended in an error: attempts used up (or no retries), retry quota too short. */
  gaveUpAttempts: number;
  gaveUpRetryQuota: number;
  /** Latency of the calls that finished in this second (success or error). */
  latencyMs: LatencyPercentiles | null;
  /** Mean SDK retry-quota tokens over the clients at the end of the second (null without a quota). */
  meanRetryTokens: number | null;
  /** Clients whose quota cannot pay even a throttling retry at the end of the second. */
  clientsOutOfRetryTokens: number;
  /** Adaptive mode: mean send rate (fill rate) of the clients whose limiter is on, req/s. */
  meanAdaptiveRate: number | null;
}

export interface KmsLoadTotals {
  started: number;
  attempts: number;
  successes: number;
  throttles: number;
  transientErrors: number;
  gaveUpAttempts: number;
  gaveUpRetryQuota: number;
  /** Calls still waiting or retrying when the drain limit ended the run. */
  unfinished: number;
}

export interface KmsLoadTraceAttempt {
  request: number;
  client: number;
  operation: KmsLoadOperation;
  /** 1 for the first try. */
  attempt: number;
  sentAtMs: number;
  arrivedAtMs: number;
  /** Null while the response is still on its way when the run ends. */
  respondedAtMs: number | null;
  outcome: AttemptOutcome;
  /** What the client did next: retry after a sleep, stop with success, or give up. */
  next: { kind: 'retry'; delayMs: number } | { kind: 'done' } | { kind: 'give-up'; reason: RetryRefusal };
}

export interface KmsLoadResult {
  seconds: KmsLoadSecond[];
  totals: KmsLoadTotals;
  byOperation: Record<KmsLoadOperation, { started: number; successes: number; throttles: number }>;
  latencyMs: LatencyPercentiles | null;
  /** First throttling answer, ms (null if KMS never throttled). */
  firstThrottleAtMs: number | null;
  /** When a client's SDK retry quota first refused a retry, ms: "the retry quota runs dry". */
  retryQuotaDryAtMs: number | null;
  trace: KmsLoadTraceAttempt[];
  eventsProcessed: number;
  assumptions: string[];
}
