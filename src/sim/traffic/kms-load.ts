/**
 * The KMS load lab: N SDK clients send Encrypt, Decrypt and GenerateDataKey requests at a chosen rate
 * against the account's shared symmetric-cryptography quota, and each client retries as its retry mode
 * says. KMS admits or throttles each request with the engine's own quota bucket
 * (src/kms/quota/token-bucket.ts), so the lab and the simulated KMS throttle alike.
 *
 * Model (each choice is also listed in the result's `assumptions`):
 * - requests arrive as a Poisson process at the total rate, each from a client picked uniformly at
 *   random (the same as every client sending its own Poisson stream at rate/clients);
 * - every network leg takes abs(N(mean, sd)) ms (Brooker's study network by default); KMS's own
 *   processing time is not simulated (0 ms);
 * - a request's latency runs from the application's call to its final answer (success or the error the
 *   SDK gives up with), including backoff sleeps and adaptive-mode waits.
 * - adaptive mode: a request waits for its client's limiter before every attempt (as @smithy/core
 *   >= 3.24 does); waiting requests get tokens in arrival order (in the SDK each waiter sleeps and
 *   re-checks, and which one wins is a race: the rate is the same, only who goes first differs).
 */
import { createRng } from '../core/rng';
import { createFastUniform } from './fast-random';
import { createTokenBucket } from '../../kms/quota/token-bucket';
import { defaultRate } from '../../kms/quota/default-rates';
import { EventQueue } from './event-queue';
import { createClientRetryPolicy, type ClientRetryPolicy, type RetryConfig } from './client-retry';
import { IntFifo, RequestTable } from './request-table';
import { LegDelays, STUDY_NETWORK, type NetworkModel } from './network-delay';
import { latencyPercentiles, type LatencyPercentiles } from './latency-stats';
import type { RetryRefusal, SdkErrorType } from './sdk-retry';

export const KMS_LOAD_OPERATIONS = ['Encrypt', 'Decrypt', 'GenerateDataKey'] as const;
export type KmsLoadOperation = (typeof KMS_LOAD_OPERATIONS)[number];

/** The current default symmetric cryptographic-operations quota of most Regions (reference §3.1), from the engine's table. */
export const DEFAULT_SYMMETRIC_QUOTA = defaultRate('symmetric-crypto', '');

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

// Event kinds, in the low 3 bits of a queue item; the rest is a request id (or a client for wakes).
const ARRIVAL = 0;
const SEND = 1;
const AT_KMS = 2;
const RESPONSE = 3;
const LIMITER_WAKE = 4;
const KIND_BITS = 3;
const KIND_MASK = 7;

const OUTCOME_SUCCESS = 0;
const OUTCOME_THROTTLED = 1;
const OUTCOME_TRANSIENT = 2;
const OUTCOME_NAMES: readonly AttemptOutcome[] = ['success', 'throttled', 'transient-error'];
const OUTCOME_ERROR_TYPE: readonly SdkErrorType[] = ['THROTTLING', 'THROTTLING', 'TRANSIENT'];

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

function checkParams(p: KmsLoadParams): { totalRate: number; quota: number; mixCumulative: number[] } {
  if (!Number.isInteger(p.clients) || p.clients < 1) throw new RangeError(`clients must be a positive integer (got ${p.clients})`);
  const totalRate = p.totalRate ?? (p.ratePerClient !== undefined ? p.ratePerClient * p.clients : NaN);
  if (!(totalRate > 0)) throw new RangeError('give a positive ratePerClient or totalRate (requests per second)');
  if (!(p.durationMs > 0)) throw new RangeError(`durationMs must be positive (got ${p.durationMs})`);
  const quota = p.quotaPerSecond ?? (p.region ? defaultRate('symmetric-crypto', p.region) : DEFAULT_SYMMETRIC_QUOTA);
  if (!(quota > 0)) throw new RangeError(`quotaPerSecond must be positive (got ${quota})`);
  const rate = p.transientErrorRate ?? 0;
  if (!(rate >= 0 && rate < 1)) throw new RangeError(`transientErrorRate must be in [0, 1) (got ${rate})`);
  const weights = KMS_LOAD_OPERATIONS.map((op) => p.operationMix?.[op] ?? (p.operationMix ? 0 : 1));
  const sum = weights.reduce((a, b) => a + b, 0);
  if (!(sum > 0) || weights.some((w) => !(w >= 0))) throw new RangeError('operationMix needs non-negative weights with a positive sum');
  let running = 0;
  const mixCumulative = weights.map((w) => (running += w / sum));
  return { totalRate, quota, mixCumulative };
}

export function simulateKmsLoad(params: KmsLoadParams): KmsLoadResult {
  const { totalRate, quota, mixCumulative } = checkParams(params);
  const { clients, durationMs, retry, seed, onProgress } = params;
  const network = params.network ?? STUDY_NETWORK;
  const transientErrorRate = params.transientErrorRate ?? 0;
  const drainLimitMs = params.drainLimitMs ?? 30_000;
  const traceLimit = params.traceLimit ?? 0;
  const endMs = durationMs + drainLimitMs;

  const rng = createRng(seed);
  // Separate streams, so that turning a knob that changes retries does not reshuffle the arrivals.
  const arrivalRng = createFastUniform(rng.fork());
  const networkRng = createFastUniform(rng.fork());
  const retryRng = createFastUniform(rng.fork());
  const errorRng = createFastUniform(rng.fork());
  const legs = new LegDelays(networkRng, network);

  const bucket = createTokenBucket(quota, 0);
  const policies: ClientRetryPolicy[] = Array.from({ length: clients }, () => createClientRetryPolicy(retry, 0));
  const limited = policies[0].limiter !== undefined;
  const waiting: IntFifo[] = limited ? Array.from({ length: clients }, () => new IntFifo()) : [];
  const wakeScheduled = new Uint8Array(limited ? clients : 0);

  const requests = new RequestTable(Math.ceil((totalRate * durationMs) / 1000) + 1024);
  const queue = new EventQueue(1024);
  const seconds: KmsLoadSecond[] = [];
  const latencies: number[][] = [];
  const allLatencies: number[] = [];
  const totals: KmsLoadTotals = { started: 0, attempts: 0, successes: 0, throttles: 0, transientErrors: 0, gaveUpAttempts: 0, gaveUpRetryQuota: 0, unfinished: 0 };
  const byOperation = Object.fromEntries(KMS_LOAD_OPERATIONS.map((op) => [op, { started: 0, successes: 0, throttles: 0 }])) as KmsLoadResult['byOperation'];
  const trace: KmsLoadTraceAttempt[] = [];
  let firstThrottleAtMs: number | null = null;
  let retryQuotaDryAtMs: number | null = null;
  let finished = 0;
  let eventsProcessed = 0;

  const secondAt = (t: number): KmsLoadSecond => {
    const s = Math.floor(t / 1000);
    while (seconds.length <= s) {
      seconds.push(emptySecond(seconds.length));
      latencies.push([]);
    }
    return seconds[s];
  };

  // End-of-second snapshots of client state, taken when model time first passes each boundary.
  let snapshotted = 0;
  const snapshotUntil = (t: number) => {
    const upTo = Math.min(Math.floor(t / 1000), Math.ceil(endMs / 1000));
    while (snapshotted < upTo) {
      const row = secondAt(snapshotted * 1000);
      if (policies[0].standard) {
        let sum = 0;
        let empty = 0;
        for (const policy of policies) {
          const standard = policy.standard!;
          sum += standard.capacity;
          if (standard.capacity < standard.constants.throttlingRetryCost) empty++;
        }
        row.meanRetryTokens = sum / clients;
        row.clientsOutOfRetryTokens = empty;
      }
      if (limited) {
        let sum = 0;
        let on = 0;
        for (const policy of policies) {
          if (policy.limiter!.enabled) {
            sum += policy.limiter!.fillRate;
            on++;
          }
        }
        row.meanAdaptiveRate = on > 0 ? sum / on : null;
      }
      snapshotted++;
    }
  };

  const finish = (id: number, t: number) => {
    const latency = t - requests.startedAt[id];
    latencies[Math.floor(t / 1000)].push(latency);
    allLatencies.push(latency);
    finished++;
  };

  const sendNow = (id: number, t: number) => {
    requests.sentAt[id] = t;
    queue.push(t + legs.next(), id * 8 + AT_KMS);
  };

  // Adaptive mode: hand out the client's limiter tokens to its waiting line, oldest first.
  const drainLine = (client: number, t: number) => {
    const line = waiting[client];
    const limiter = policies[client].limiter!;
    while (line.length > 0) {
      const wait = limiter.tryAcquire(t / 1000);
      if (wait > 0) {
        wakeScheduled[client] = 1;
        // Model time must move on, however small the wait, or the wake-up would repeat forever.
        queue.push(Math.max(t + wait * 1000, t + 1e-6), (client << KIND_BITS) | LIMITER_WAKE);
        return;
      }
      sendNow(line.shift(), t);
    }
  };

  const send = (id: number, t: number) => {
    if (!limited) return sendNow(id, t);
    const client = requests.client[id];
    waiting[client].push(id);
    if (!wakeScheduled[client]) drainLine(client, t);
  };

  const interArrivalMs = () => (-Math.log(1 - arrivalRng.next()) / totalRate) * 1000;
  queue.push(interArrivalMs(), ARRIVAL);
  let nextProgressMs = 5_000;

  while (queue.size > 0) {
    const t = queue.topTime;
    if (t > endMs) break;
    const item = queue.pop();
    eventsProcessed++;
    snapshotUntil(t);
    const kind = item & KIND_MASK;

    if (kind === ARRIVAL) {
      const client = Math.floor(arrivalRng.next() * clients);
      const u = arrivalRng.next();
      let operation = 0;
      while (operation < mixCumulative.length - 1 && u >= mixCumulative[operation]) operation++;
      const id = requests.add(client, operation, t);
      secondAt(t).started++;
      totals.started++;
      byOperation[KMS_LOAD_OPERATIONS[operation]].started++;
      send(id, t);
      const next = t + interArrivalMs();
      if (next < durationMs) queue.push(next, ARRIVAL);
      if (onProgress && t >= nextProgressMs) {
        onProgress({ modelTimeMs: t, fraction: t / durationMs });
        nextProgressMs += 5_000;
      }
      continue;
    }

    if (kind === LIMITER_WAKE) {
      const client = item >> KIND_BITS;
      wakeScheduled[client] = 0;
      drainLine(client, t);
      continue;
    }

    const id = item >> KIND_BITS;
    if (kind === SEND) {
      send(id, t);
      continue;
    }

    if (kind === AT_KMS) {
      const row = secondAt(t);
      row.attempts++;
      totals.attempts++;
      let outcome = OUTCOME_SUCCESS;
      if (!bucket.tryTake(t)) {
        outcome = OUTCOME_THROTTLED;
        row.throttles++;
        totals.throttles++;
        byOperation[KMS_LOAD_OPERATIONS[requests.operation[id]]].throttles++;
        if (firstThrottleAtMs === null) firstThrottleAtMs = t;
      } else if (transientErrorRate > 0 && errorRng.next() < transientErrorRate) {
        outcome = OUTCOME_TRANSIENT;
        row.transientErrors++;
        totals.transientErrors++;
      }
      requests.outcome[id] = outcome;
      queue.push(t + legs.next(), id * 8 + RESPONSE);
      if (id < traceLimit) {
        trace.push({
          request: id,
          client: requests.client[id],
          operation: KMS_LOAD_OPERATIONS[requests.operation[id]],
          attempt: requests.retries[id] + 1,
          sentAtMs: requests.sentAt[id],
          arrivedAtMs: t,
          respondedAtMs: null, // filled in when the response arrives
          outcome: OUTCOME_NAMES[outcome],
          next: { kind: 'done' },
        });
      }
      continue;
    }

    // RESPONSE: the client's SDK reacts.
    const client = requests.client[id];
    const policy = policies[client];
    const outcome = requests.outcome[id];
    policy.limiter?.onResponse(t / 1000, outcome === OUTCOME_THROTTLED);
    const traced = id < traceLimit ? findTraceAttempt(trace, id, requests.retries[id] + 1) : undefined;
    if (traced) traced.respondedAtMs = t;
    if (outcome === OUTCOME_SUCCESS) {
      const cost = requests.lastRetryCost[id];
      policy.onSuccess(cost >= 0 ? cost : undefined);
      secondAt(t).successes++;
      totals.successes++;
      byOperation[KMS_LOAD_OPERATIONS[requests.operation[id]]].successes++;
      finish(id, t);
      continue;
    }
    const decision = policy.onFailure(requests.retries[id], OUTCOME_ERROR_TYPE[outcome], requests.previousDelay[id], retryRng);
    if (!decision.retry) {
      const row = secondAt(t);
      if (decision.reason === 'retry-quota') {
        row.gaveUpRetryQuota++;
        totals.gaveUpRetryQuota++;
        if (retryQuotaDryAtMs === null) retryQuotaDryAtMs = t;
      } else {
        row.gaveUpAttempts++;
        totals.gaveUpAttempts++;
      }
      if (traced) traced.next = { kind: 'give-up', reason: decision.reason };
      finish(id, t);
      continue;
    }
    requests.retries[id]++;
    requests.lastRetryCost[id] = decision.cost;
    requests.previousDelay[id] = decision.delayMs;
    if (traced) traced.next = { kind: 'retry', delayMs: decision.delayMs };
    if (decision.delayMs > 0) queue.push(t + decision.delayMs, id * 8 + SEND);
    else send(id, t);
  }

  totals.unfinished = totals.started - finished;
  secondAt(durationMs - 1);
  snapshotUntil(seconds.length * 1000);
  for (let s = 0; s < seconds.length; s++) seconds[s].latencyMs = latencyPercentiles(latencies[s]);
  onProgress?.({ modelTimeMs: durationMs, fraction: 1 });

  return {
    seconds,
    totals,
    byOperation,
    latencyMs: latencyPercentiles(allLatencies),
    firstThrottleAtMs,
    retryQuotaDryAtMs,
    trace,
    eventsProcessed,
    assumptions: [
      `KMS quota: a token bucket of ${quota} requests/s holding one second's worth (AWS publishes no burst parameters; a modelling choice).`,
      'Encrypt, Decrypt and GenerateDataKey share the symmetric cryptographic-operations quota, as in AWS.',
      `Requests arrive as a Poisson process at ${totalRate} requests/s in total, from clients picked at random.`,
      `Network: every leg takes abs(N(${network.meanMs} ms, sd ${network.sdMs} ms)). KMS processing time: not simulated (0 ms).`,
      'Latency: from the application call to the final answer, including backoff sleeps and adaptive-mode waits.',
      'Retry-After hints: not simulated.',
    ],
  };
}

function findTraceAttempt(trace: KmsLoadTraceAttempt[], request: number, attempt: number): KmsLoadTraceAttempt | undefined {
  for (let i = trace.length - 1; i >= 0; i--) {
    if (trace[i].request === request && trace[i].attempt === attempt) return trace[i];
  }
  return undefined;
}
