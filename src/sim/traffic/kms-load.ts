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
import { createClientRetryPolicy, type ClientRetryPolicy } from './client-retry';
import { IntFifo, RequestTable } from './request-table';
import { LegDelays, STUDY_NETWORK } from './network-delay';
import { LoadRecorder } from './kms-load-recorder';
import type { SdkErrorType } from './sdk-retry';
import {
  KMS_LOAD_OPERATIONS,
  type AttemptOutcome,
  type KmsLoadParams,
  type KmsLoadResult,
  type KmsLoadSecond,
  type KmsLoadTraceAttempt,
} from './kms-load-types';

export * from './kms-load-types';

/** The current default symmetric cryptographic-operations quota of most Regions (reference §3.1), from the engine's table. */
export const DEFAULT_SYMMETRIC_QUOTA = defaultRate('symmetric-crypto', '');

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
  const trace: KmsLoadTraceAttempt[] = [];
  let eventsProcessed = 0;

  // End-of-second snapshots of the clients' retry quotas and adaptive rates.
  const snapshotClients = (row: KmsLoadSecond) => {
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
  };
  const record = new LoadRecorder(snapshotClients, Math.ceil(endMs / 1000));

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
    record.passTime(t);
    const kind = item & KIND_MASK;

    if (kind === ARRIVAL) {
      const client = Math.floor(arrivalRng.next() * clients);
      const u = arrivalRng.next();
      let operation = 0;
      while (operation < mixCumulative.length - 1 && u >= mixCumulative[operation]) operation++;
      const id = requests.add(client, operation, t);
      record.started(t, KMS_LOAD_OPERATIONS[operation]);
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
      record.attempt(t);
      let outcome = OUTCOME_SUCCESS;
      if (!bucket.tryTake(t)) {
        outcome = OUTCOME_THROTTLED;
        record.throttled(t, KMS_LOAD_OPERATIONS[requests.operation[id]]);
      } else if (transientErrorRate > 0 && errorRng.next() < transientErrorRate) {
        outcome = OUTCOME_TRANSIENT;
        record.transientError(t);
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
      record.succeeded(t, KMS_LOAD_OPERATIONS[requests.operation[id]], t - requests.startedAt[id]);
      continue;
    }
    const decision = policy.onFailure(requests.retries[id], OUTCOME_ERROR_TYPE[outcome], requests.previousDelay[id], retryRng);
    if (!decision.retry) {
      record.gaveUp(t, decision.reason, t - requests.startedAt[id]);
      if (traced) traced.next = { kind: 'give-up', reason: decision.reason };
      continue;
    }
    requests.retries[id]++;
    requests.lastRetryCost[id] = decision.cost;
    requests.previousDelay[id] = decision.delayMs;
    if (traced) traced.next = { kind: 'retry', delayMs: decision.delayMs };
    if (decision.delayMs > 0) queue.push(t + decision.delayMs, id * 8 + SEND);
    else send(id, t);
  }

  const measured = record.close(durationMs);
  onProgress?.({ modelTimeMs: durationMs, fraction: 1 });

  return {
    ...measured,
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
