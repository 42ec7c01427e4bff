/**
 * Speed of the traffic simulator. Run by `npm run bench`, or alone: `npx tsx test/bench/traffic.bench.ts`.
 *
 *  1. Brooker's full study sweep: 19 client counts × 5 strategies × 100 trials (the original Python
 *     takes about two minutes; aim: under 5 s), with its agreement with the original simulator's means.
 *  2. One minute of model time at 10,000 requests/s from 1,000 clients against the KMS quota
 *     (aim: under 2 s), at the default 10,000/s quota and, to exercise retries, at the older 5,500/s.
 *
 * Wall times depend on the machine and on what else runs on it, so each run also prints its CPU time
 * (process.cpuUsage: what it would take with a core to itself) and a calibration line comes first: the
 * same process's time for a fixed loop of Math.random and Math.log; each result is also given as a
 * multiple of it (how many calibration loops the run costs), which stays comparable across machines.
 */
import { readFileSync } from 'node:fs';
import { simulateOccSweep } from '../../src/sim/traffic/occ-sweep';
import { simulateKmsLoad, type KmsLoadParams } from '../../src/sim/traffic/kms-load';

const line = (label: string, value: string) => console.log(`${label.padEnd(58)} ${value}`);

function calibrationMs(): number {
  let sink = 0;
  const start = performance.now();
  for (let i = 0; i < 5_000_000; i++) sink += Math.log(1 - Math.random());
  const ms = performance.now() - start;
  if (sink === 1) console.log(''); // keep the loop observable
  return ms;
}

calibrationMs(); // warm-up
const baseline = calibrationMs();
line('traffic: calibration (5M Math.log(Math.random()))', `${baseline.toFixed(0)} ms`);

// 1. The study sweep.
const cpuSeconds = (since: NodeJS.CpuUsage) => (process.cpuUsage(since).user / 1e6).toFixed(2);
const sweepCpu = process.cpuUsage();
const sweepStart = performance.now();
const sweep = simulateOccSweep({ seed: 2015, trials: 100 });
const sweepMs = performance.now() - sweepStart;
const sweepCpuSeconds = cpuSeconds(sweepCpu);
const writes = sweep.points.reduce((sum, p) => sum + p.meanCalls * sweep.trials, 0);
line('traffic: study sweep 19 counts x 5 strategies x 100 trials', `${(sweepMs / 1000).toFixed(2)} s wall, ${sweepCpuSeconds} s CPU (aim < 5 s), ${(sweepMs / baseline).toFixed(1)} x calibration`);
line('traffic: study sweep writes simulated', `${(writes / 1e6).toFixed(1)} M (${((sweepMs * 1e6) / writes).toFixed(0)} ns per write)`);

interface ReferencePoint {
  clients: number;
  strategy: string;
  trials: number;
  meanCompletionMs: number;
  sdCompletionMs: number;
  meanCalls: number;
  sdCalls: number;
}
const reference = JSON.parse(readFileSync(new URL('../unit/sim/traffic/fixtures/brooker-reference-means.json', import.meta.url), 'utf8')) as { points: ReferencePoint[] };
const scores: number[] = [];
for (const point of sweep.points) {
  const ref = reference.points.find((p) => p.clients === point.clients && p.strategy === point.strategy)!;
  // Two-sample z-scores with the reference's well-known spread (as in the unit test).
  const spread = Math.sqrt(1 / sweep.trials + 1 / ref.trials);
  scores.push((point.meanCompletionMs - ref.meanCompletionMs) / (ref.sdCompletionMs * spread));
  scores.push((point.meanCalls - ref.meanCalls) / (ref.sdCalls * spread));
}
const meanZ = scores.reduce((a, b) => a + b, 0) / scores.length;
const meanZ2 = scores.reduce((a, b) => a + b * b, 0) / scores.length;
const worstZ = Math.max(...scores.map(Math.abs));
line('traffic: study vs original simulator (190 z-scores)', `mean ${meanZ.toFixed(2)}, mean square ${meanZ2.toFixed(2)}, worst |z| ${worstZ.toFixed(2)} (pure sampling error: 0, 1, ~3)`);
for (const clients of [10, 100, 190]) {
  const row = sweep.points.filter((p) => p.clients === clients).map((p) => `${p.strategy} ${p.meanCompletionMs.toFixed(0)} ms/${p.meanCalls.toFixed(0)} calls`);
  line(`traffic: study at ${clients} clients`, row.join(', '));
}

// 2. One minute of KMS load.
function load(label: string, params: KmsLoadParams): void {
  simulateKmsLoad({ ...params, durationMs: 2000 }); // warm-up
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = simulateKmsLoad(params);
  const ms = performance.now() - start;
  const cpuUsed = cpuSeconds(cpu);
  const t = result.totals;
  line(`traffic: ${label}`, `${(ms / 1000).toFixed(2)} s wall, ${cpuUsed} s CPU (aim < 2 s), ${(ms / baseline).toFixed(1)} x calibration, ${(result.eventsProcessed / 1e6).toFixed(2)} M events`);
  line('traffic:   outcome', `${t.started} calls, ${t.successes} ok, ${t.throttles} throttles, ${t.gaveUpAttempts + t.gaveUpRetryQuota} errors, p99 ${result.latencyMs?.p99.toFixed(0)} ms, retry quota dry at ${result.retryQuotaDryAtMs === null ? 'never' : `${(result.retryQuotaDryAtMs / 1000).toFixed(1)} s`}`);
}
const minute = { clients: 1000, totalRate: 10_000, durationMs: 60_000, seed: 1 };
load('1 min, 10,000 req/s, 1,000 clients, quota 10,000, standard', { ...minute, quotaPerSecond: 10_000, retry: { mode: 'standard' } });
load('1 min, 10,000 req/s, 1,000 clients, quota 5,500, standard', { ...minute, quotaPerSecond: 5500, retry: { mode: 'standard' } });
load('1 min, 10,000 req/s, 1,000 clients, quota 5,500, adaptive', { ...minute, quotaPerSecond: 5500, retry: { mode: 'adaptive' } });
