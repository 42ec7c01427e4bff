/**
 * Brooker's optimistic-concurrency study ("Exponential Backoff And Jitter", 2015), reproduced from the
 * description of its simulator in reference/backoff.md §1.2:
 *
 * - one row with a version number; a client reads the version, then sends a conditional write carrying
 *   it; the write succeeds only if the version is unchanged, which bumps it;
 * - every message leg takes abs(N(10 ms, sd 2 ms)); the server takes no time;
 * - all clients send their first read at t = 0; a client stops after its first successful write;
 * - a failed client backs off and starts again with a read; the sleep is added on top of the network
 *   delay of that next read, and the attempt counter n is incremented before the backoff, so n = 1 first;
 * - only writes count as calls; a trial's time is the arrival of the last success response.
 *
 * How time and contention are modelled: the only shared state is the server's version, which is read
 * when a read arrives at the server and checked when a write arrives there. Client-side hops touch no
 * shared state, so the queue holds only server arrivals: a read arriving at t answers a write arriving
 * at t + leg + leg (response, then the client's write), and a rejected write at t schedules the next
 * read at t + leg + leg + sleep. Every leg still draws its own delay, and the order in which the server
 * sees messages is exactly the original's.
 */
import { createRng } from '../core/rng';
import { createFastUniform, type UniformSource } from './fast-random';
import { EventQueue } from './event-queue';
import { decorrelatedJitterSleep, STUDY_STRATEGIES, studySleep, type StudyStrategy } from './backoff';
import { LegDelays, STUDY_NETWORK } from './network-delay';

export const STUDY_BASE_MS = 5;
export const STUDY_CAP_MS = 2000;

export interface OccParams {
  clients: number;
  strategy: StudyStrategy;
  /** Backoff base in ms (the study: 5). */
  base?: number;
  /** Backoff cap in ms (the study: 2000). */
  cap?: number;
  trials: number;
  seed: number;
}

export interface OccTrial {
  /** Arrival of the last successful write's response, ms after the start. */
  completionMs: number;
  /** Writes the server received (successes + conflicts); reads are not counted. */
  calls: number;
}

export interface OccResult {
  clients: number;
  strategy: StudyStrategy;
  meanCompletionMs: number;
  meanCalls: number;
  /** Standard errors of the two means (sample sd / sqrt(trials)): the error bars of a chart. */
  stdErrCompletionMs: number;
  stdErrCalls: number;
  trials: OccTrial[];
}

export type OccWriteOutcome = 'success' | 'conflict';

export interface OccWrite {
  /** When the write reached the server, ms after the start. */
  timeMs: number;
  client: number;
  outcome: OccWriteOutcome;
}

export interface OccTimeline extends OccTrial {
  clients: number;
  strategy: StudyStrategy;
  writes: OccWrite[];
}

const READ_ARRIVES = 0;
const WRITE_ARRIVES = 1;

/** Reusable buffers, so a trial allocates nothing. */
class OccWorld {
  readonly queue: EventQueue;
  readonly carriedVersion: Int32Array;
  readonly attempt: Int32Array;
  readonly decorrelated: Float64Array;

  constructor(readonly clients: number) {
    this.queue = new EventQueue(clients);
    this.carriedVersion = new Int32Array(clients);
    this.attempt = new Int32Array(clients);
    this.decorrelated = new Float64Array(clients);
  }
}

function runTrial(
  world: OccWorld,
  strategy: StudyStrategy,
  base: number,
  cap: number,
  jitter: UniformSource,
  legs: LegDelays,
  onWrite?: (timeMs: number, client: number, success: boolean) => void,
): OccTrial {
  const { queue, carriedVersion, attempt, decorrelated, clients } = world;
  // Local references: some module loaders (tsx, vite-node) reach imports through getters, which
  // would stop the JIT from inlining these calls in the loop below.
  const sleepFor = studySleep;
  const decorrelatedSleep = decorrelatedJitterSleep;
  queue.clear();
  attempt.fill(0);
  decorrelated.fill(base);
  for (let client = 0; client < clients; client++) queue.push(legs.next(), client * 2 + READ_ARRIVES);

  let version = 0;
  let calls = 0;
  let completionMs = 0;
  while (queue.size > 0) {
    const t = queue.topTime;
    const item = queue.topItem;
    const client = item >> 1;
    if ((item & 1) === READ_ARRIVES) {
      carriedVersion[client] = version;
      queue.replaceTop(t + legs.next() + legs.next(), client * 2 + WRITE_ARRIVES);
      continue;
    }
    calls++;
    if (carriedVersion[client] === version) {
      version++;
      const responseArrives = t + legs.next();
      if (responseArrives > completionMs) completionMs = responseArrives;
      queue.pop();
      onWrite?.(t, client, true);
      continue;
    }
    const n = ++attempt[client];
    const responseArrives = t + legs.next();
    let sleep: number;
    if (strategy === 'decorrelated') {
      sleep = decorrelatedSleep(decorrelated[client], base, cap, jitter.next());
      decorrelated[client] = sleep;
    } else {
      // 'none' and 'exponential' draw no random number, as in the original.
      sleep = strategy === 'none' || strategy === 'exponential' ? sleepFor(strategy, n, base, cap, 0) : sleepFor(strategy, n, base, cap, jitter.next());
    }
    queue.replaceTop(responseArrives + legs.next() + sleep, client * 2 + READ_ARRIVES);
    onWrite?.(t, client, false);
  }
  return { completionMs, calls };
}

function checkParams(clients: number, strategy: StudyStrategy, base: number, cap: number): void {
  if (!Number.isInteger(clients) || clients < 1) throw new RangeError(`clients must be a positive integer (got ${clients})`);
  if (!STUDY_STRATEGIES.includes(strategy)) throw new RangeError(`unknown strategy ${String(strategy)}`);
  if (!(base > 0) || !(cap >= base)) throw new RangeError(`need 0 < base <= cap (got base ${base}, cap ${cap})`);
}

function meanAndStdErr(values: number[]): [number, number] {
  const n = values.length;
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  if (n < 2) return [mean, 0];
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  return [mean, Math.sqrt(squares / (n - 1) / n)];
}

/** Runs `trials` independent trials of one (clients, strategy) point from one seeded stream. */
export function simulateOcc({ clients, strategy, base = STUDY_BASE_MS, cap = STUDY_CAP_MS, trials, seed }: OccParams): OccResult {
  checkParams(clients, strategy, base, cap);
  if (!Number.isInteger(trials) || trials < 1) throw new RangeError(`trials must be a positive integer (got ${trials})`);
  const seeded = createRng(seed);
  // Separate streams for network legs and backoff jitter, both derived from the seed.
  const legs = new LegDelays(createFastUniform(seeded), STUDY_NETWORK);
  const jitter = createFastUniform(seeded);
  const world = new OccWorld(clients);
  const results: OccTrial[] = [];
  for (let i = 0; i < trials; i++) results.push(runTrial(world, strategy, base, cap, jitter, legs));
  const [meanCompletionMs, stdErrCompletionMs] = meanAndStdErr(results.map((r) => r.completionMs));
  const [meanCalls, stdErrCalls] = meanAndStdErr(results.map((r) => r.calls));
  return { clients, strategy, meanCompletionMs, meanCalls, stdErrCompletionMs, stdErrCalls, trials: results };
}

/** One trial with every write the server received, in time order: the scatter chart of the herd. */
export function simulateOccTimeline({
  clients,
  strategy,
  base = STUDY_BASE_MS,
  cap = STUDY_CAP_MS,
  seed,
}: Omit<OccParams, 'trials'>): OccTimeline {
  checkParams(clients, strategy, base, cap);
  const writes: OccWrite[] = [];
  const seeded = createRng(seed);
  const legs = new LegDelays(createFastUniform(seeded), STUDY_NETWORK);
  const trial = runTrial(new OccWorld(clients), strategy, base, cap, createFastUniform(seeded), legs, (timeMs, client, success) =>
    writes.push({ timeMs, client, outcome: success ? 'success' : 'conflict' }),
  );
  return { clients, strategy, ...trial, writes };
}
