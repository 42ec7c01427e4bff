/**
 * Request quotas and backoff: an order service's 20 SDK clients meet KMS's shared request quota.
 * The first two steps use the KMS engine itself (its quota bucket answers ThrottlingException in
 * AWS's words, for every operation that shares the symmetric quota); the rest use the traffic
 * simulator (src/sim/traffic) for what takes thousands of requests: a 10-second spike at 1.5 times
 * the quota with each retry mode, Brooker's backoff study, and data key caching. Each run's result
 * is kept in the state and drawn by a 'traffic-chart' panel; one throttled request of each load run
 * is drawn on the diagram, attempt by attempt.
 *
 * Determinism: the KMS calls and every traffic run are seeded from the world's seed; only WebCrypto
 * bytes differ between runs, and no check depends on them.
 */
import { createKms, type KmsCaller, type NamedPolicy } from '../../src/kms/index';
import { defineScenario, type ScenarioEvent, type ScenarioPanel } from '../../src/lessons/types';
import type { Payload } from '../../src/sim/core/events';
import { metadataPayload, heldKeyPayload } from '../../src/sim/network/payloads';
import {
  loadTraceToEvents,
  STUDY_STRATEGIES,
  STUDY_STRATEGY_LABELS,
  type CachingResult,
  type JitterKind,
  type KmsLoadResult,
  type OccResult,
  type OccTimeline,
  type RetryConfig,
  type StudyStrategy,
} from '../../src/sim/traffic/index';
import { RETRY_MODE_LABELS } from '../../src/ui/labs/load-view';
import {
  CACHING_WORKLOAD,
  failedCalls,
  GENERATE_DATA_KEY_BOUND,
  HERD_CLIENTS,
  LESSON_QUOTA,
  mostRetriedRequest,
  runCaching,
  runHerd,
  runSpike,
  runStudy,
  SPIKE,
} from './traffic-runs';
import { dispatchByType } from '../../src/lessons/dispatch-by-type';

export const ACCOUNT = '111122223333';
export const REGION = 'eu-west-2';
export const APP_ARN = `arn:aws:iam::${ACCOUNT}:role/order-service`;
/** Encrypt calls sent within one model second in the first step (the quota is LESSON_QUOTA). */
export const BURST = 120;
/** The operations tried in the second step once Encrypt has used up the second's quota. */
export const SHARED_QUOTA_PROBES = ['Decrypt', 'GenerateDataKey', 'GenerateRandom', 'ReEncrypt', 'DescribeKey', 'ListAliases'] as const;
/** The quota the order service asks Service Quotas for in the last step. */
export const REQUESTED_QUOTA = 300;
/** The learner's own retry loop (custom mode) starts its capped exponential backoff here. */
export const CUSTOM_BASE_MS = 100;
export const CUSTOM_CAP_MS = 20_000;

const ACTORS = { app: 'app', kms: 'kms', row: 'row', quotas: 'quotas' } as const;
const RETRY_MODES = ['none', 'standard', 'standard-classic', 'adaptive', 'custom'] as const;
const JITTERS: readonly JitterKind[] = ['none', 'full', 'equal', 'decorrelated'];
const JITTER_LABELS: Record<JitterKind, string> = { none: 'None (capped exponential)', full: 'Full Jitter', equal: 'Equal Jitter', decorrelated: 'Decorrelated Jitter' };

const APP_POLICY: NamedPolicy = {
  name: 'OrderServiceKms',
  document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['kms:*'], Resource: '*' }] },
};

export interface KmsAnswer {
  operation: string;
  /** 'ok', or the exception KMS answered with. */
  answer: string;
  status?: number;
  message?: string;
}

export interface LoadRun {
  /** What the run was, in words: "No retries", "SDK adaptive (client-side rate limiter), 3 attempts". */
  label: string;
  retry: RetryConfig;
  quotaPerSecond: number;
  result: KmsLoadResult;
}

export interface CachingRun {
  maxAgeMs: number;
  /** maxMessagesEncrypted as set; undefined is the SDK's default, 2^32. */
  maxMessages?: number;
  result: CachingResult;
}

/** Which step's results the panels show. */
const VIEWS = ['start', 'burst', 'shared', 'backoff', 'herd', 'retry', 'caching', 'increase'] as const;
export type View = (typeof VIEWS)[number];

export interface QuotasState {
  view: View;
  quotaPerSecond: number;
  /** The first step's burst: Encrypt calls in one second, as KMS answered them. */
  burst?: { sent: number; succeeded: number; throttled: number; firstThrottle?: KmsAnswer };
  /** The second step: each operation tried after Encrypt used up the second's quota. */
  shared?: KmsAnswer[];
  /** Every spike run, in order: the scripted ones and the learner's. */
  runs: LoadRun[];
  /** The learner's retry-mode runs (also in `runs`). */
  retryRuns: LoadRun[];
  study?: { points: OccResult[]; herd: OccTimeline };
  /** The learner's runs of the herd with a strategy of their choice. */
  herdTries: OccTimeline[];
  caching: CachingRun[];
  increase?: { requested: number; run: LoadRun };
}

function choiceOf<T extends string>(options: readonly T[], value: string | undefined, what: string): T {
  if (!value || !options.includes(value as T)) throw new Error(`Choose ${what}.`);
  return value as T;
}

function wholeNumber(raw: string | undefined, what: string, min: number, max: number): number {
  const value = Number((raw ?? '').trim());
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`Type ${what}: a whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}.`);
  return value;
}

export function retryLabel(retry: RetryConfig): string {
  const attempts = retry.mode === 'none' ? '' : `, ${retry.maxAttempts ?? 3} attempts`;
  const jitter = retry.mode === 'custom' ? `, ${JITTER_LABELS[retry.jitter]}` : '';
  return `${RETRY_MODE_LABELS[retry.mode]}${jitter}${attempts}`;
}

export function retryOf(event: ScenarioEvent): RetryConfig {
  const mode = choiceOf(RETRY_MODES, String(event.mode), 'a retry mode');
  const maxAttempts = Number(event.maxAttempts ?? 3);
  if (mode === 'none') return { mode };
  if (mode === 'custom') return { mode, jitter: choiceOf(JITTERS, String(event.jitter), 'a jitter'), baseMs: CUSTOM_BASE_MS, capMs: CUSTOM_CAP_MS, maxAttempts };
  return { mode, maxAttempts };
}

const textBytes = (text: string) => new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>;
const count = (n: number) => n.toLocaleString('en-US');

export default defineScenario<QuotasState>({
  async create({ rng, clock, stream, seed }) {
    const kms = createKms({ clock, rng: rng.fork(), accountId: ACCOUNT });
    // A small quota keeps the lesson's runs small; the engine's bucket refills in model time.
    kms.quotas.setRate('symmetric-crypto', LESSON_QUOTA);
    const caller: KmsCaller = { arn: APP_ARN, identityPolicies: [APP_POLICY] };
    const context = { caller, region: REGION };
    const created = await kms.call('CreateKey', { Description: 'Orders' }, context);
    const keyId = String((created.KeyMetadata as { Arn: string }).Arn);
    await kms.call('CreateAlias', { AliasName: 'alias/orders', TargetKeyId: keyId }, context);

    const state: QuotasState = { view: 'start', quotaPerSecond: LESSON_QUOTA, runs: [], retryRuns: [], herdTries: [], caching: [] };

    const ask = async (operation: string, input: Record<string, unknown>): Promise<KmsAnswer> => {
      try {
        await kms.call(operation, input, context);
        return { operation, answer: 'ok' };
      } catch (caught) {
        const error = caught as { code: string; status: number; message: string };
        return { operation, answer: error.code, status: error.status, message: error.message };
      }
    };
    const message = (from: string, to: string, label: string, carries: Payload[], outcome?: 'rejected') =>
      stream.emit({ type: 'message', from, to, label, carries, ...(outcome ? { outcome } : {}) });
    const note = (actor: string, text: string, tone: 'info' | 'success' | 'warning' | 'danger' = 'info') => stream.emit({ type: 'note', actor, text, tone });
    /** A fresh second on the model clock, so the engine's bucket is full again. */
    const nextSecond = () => clock.advance(1000 - (clock.now() % 1000));

    /** Encrypt `n` times within the same model instant: the bucket holds one second's worth. */
    const encryptBurst = async (n: number) => {
      const answers: KmsAnswer[] = [];
      for (let i = 0; i < n; i++) answers.push(await ask('Encrypt', { KeyId: 'alias/orders', Plaintext: textBytes(`order ${i + 1}`) }));
      return answers;
    };

    /** Runs the spike, draws its most retried request attempt by attempt, and sums it up in a note. */
    const spike = (label: string, retry: RetryConfig, quotaPerSecond = state.quotaPerSecond): LoadRun => {
      const result = runSpike(seed, retry, quotaPerSecond);
      const run: LoadRun = { label, retry, quotaPerSecond, result };
      state.runs.push(run);
      const request = mostRetriedRequest(result);
      if (request !== undefined) {
        const start = clock.now();
        const traced = loadTraceToEvents(result.trace.filter((a) => a.request === request), { client: () => ACTORS.app, kms: ACTORS.kms });
        for (const { at, event } of traced) {
          clock.advance(Math.max(0, start + at - clock.now()));
          stream.emit(event);
        }
      }
      const t = result.totals;
      const failed = failedCalls(result);
      note(
        ACTORS.app,
        `${label}: ${count(t.started)} calls in ${SPIKE.durationMs / 1000} s, ${count(t.attempts)} attempts, ${count(t.throttles)} throttled; ` +
          (failed === 0 ? 'every call succeeded in the end' : `${count(failed)} calls failed for the application`),
        failed === 0 ? 'success' : 'danger',
      );
      nextSecond();
      return run;
    };

    const handlers: Record<string, (event: ScenarioEvent) => Promise<void>> = {
      /** A step whose results come only from the learner starts with no charts, not the last step's. */
      async show(event) {
        state.view = choiceOf(VIEWS, String(event.view), 'a view');
      },
      async burst() {
        state.view = 'burst';
        nextSecond();
        const answers = await encryptBurst(BURST);
        const throttled = answers.filter((a) => a.answer === 'ThrottlingException');
        state.burst = { sent: answers.length, succeeded: answers.filter((a) => a.answer === 'ok').length, throttled: throttled.length, firstThrottle: throttled[0] };
        message(ACTORS.app, ACTORS.kms, 'kms:Encrypt', [metadataPayload('requests in one second', count(BURST)), metadataPayload('KeyId', 'alias/orders')]);
        message(ACTORS.kms, ACTORS.app, 'Encrypt result', [metadataPayload('succeeded', count(state.burst.succeeded))]);
        if (throttled[0]) {
          message(ACTORS.kms, ACTORS.app, 'ThrottlingException', [
            metadataPayload('throttled', count(throttled.length)),
            metadataPayload('HTTP status', String(throttled[0].status)),
            metadataPayload('message', throttled[0].message),
          ], 'rejected');
        }
        nextSecond();
        spike(retryLabel({ mode: 'none' }), { mode: 'none' });
      },
      async 'shared-quota'() {
        state.view = 'shared';
        nextSecond();
        const encrypted = await kms.call('Encrypt', { KeyId: 'alias/orders', Plaintext: textBytes('order 0') }, context);
        const blob = encrypted.CiphertextBlob as Uint8Array;
        await encryptBurst(LESSON_QUOTA - 1);
        message(ACTORS.app, ACTORS.kms, 'kms:Encrypt', [metadataPayload('requests in one second', count(LESSON_QUOTA)), metadataPayload('uses', 'the whole second\'s quota')]);
        const inputs: Record<(typeof SHARED_QUOTA_PROBES)[number], Record<string, unknown>> = {
          Decrypt: { CiphertextBlob: blob },
          GenerateDataKey: { KeyId: 'alias/orders', KeySpec: 'AES_256' },
          GenerateRandom: { NumberOfBytes: 32 },
          ReEncrypt: { CiphertextBlob: blob, DestinationKeyId: 'alias/orders' },
          DescribeKey: { KeyId: 'alias/orders' },
          ListAliases: {},
        };
        state.shared = [];
        for (const operation of SHARED_QUOTA_PROBES) {
          const answer = await ask(operation, inputs[operation]);
          state.shared.push(answer);
          message(ACTORS.app, ACTORS.kms, `kms:${operation}`, [metadataPayload('same second', 'yes')]);
          message(ACTORS.kms, ACTORS.app, answer.answer === 'ok' ? `${operation} result` : answer.answer, answer.message ? [metadataPayload('message', answer.message)] : [], answer.answer === 'ok' ? undefined : 'rejected');
        }
        const throttled = state.shared.filter((a) => a.answer === 'ThrottlingException').map((a) => a.operation);
        note(ACTORS.kms, `throttled in the same second: ${throttled.join(', ')}; answered: ${state.shared.filter((a) => a.answer === 'ok').map((a) => a.operation).join(', ')} (their own quotas)`, 'warning');
        nextSecond();
      },
      async backoff() {
        state.view = 'backoff';
        spike(retryLabel({ mode: 'custom', jitter: 'none', maxAttempts: 5 }), { mode: 'custom', jitter: 'none', baseMs: CUSTOM_BASE_MS, capMs: CUSTOM_CAP_MS, maxAttempts: 5 });
      },
      async study() {
        state.view = 'herd';
        state.study = { points: runStudy(seed), herd: runHerd(seed, 'exponential') };
        const herd = state.study.herd;
        message(ACTORS.app, ACTORS.row, 'conditional write', [metadataPayload('clients at once', count(herd.clients)), metadataPayload('backoff', 'Exponential, no jitter')]);
        note(ACTORS.row, `${count(herd.calls)} writes before all ${herd.clients} clients succeeded, the last after ${count(Math.round(herd.completionMs))} ms: the clients that lost a round all sleep the same time and collide again`, 'warning');
      },
      async herd(event) {
        state.view = 'herd';
        const strategy = choiceOf(STUDY_STRATEGIES, String(event.strategy), 'a strategy');
        const timeline = runHerd(seed, strategy);
        state.herdTries.push(timeline);
        message(ACTORS.app, ACTORS.row, 'conditional write', [metadataPayload('clients at once', count(timeline.clients)), metadataPayload('backoff', STUDY_STRATEGY_LABELS[strategy])]);
        note(ACTORS.row, `${STUDY_STRATEGY_LABELS[strategy]}: ${count(timeline.calls)} writes, all done after ${count(Math.round(timeline.completionMs))} ms`, 'info');
      },
      async retry(event) {
        state.view = 'retry';
        const retry = retryOf(event);
        state.retryRuns.push(spike(retryLabel(retry), retry));
      },
      async caching(event) {
        state.view = 'caching';
        const maxAgeMs = Number(event.maxAgeSeconds) * 1000;
        const maxMessages = event.maxMessages === undefined ? undefined : Number(event.maxMessages);
        const result = runCaching(seed, maxAgeMs, maxMessages);
        state.caching.push({ maxAgeMs, maxMessages, result });
        message(ACTORS.app, ACTORS.kms, 'kms:GenerateDataKey', [
          metadataPayload('calls in one minute', `${count(result.generateDataKeyWithCaching)} (without the cache ${count(result.kmsCallsWithoutCaching)})`),
          metadataPayload('cache', `max age ${count(maxAgeMs / 1000)} s, ${maxMessages === undefined ? 'default' : count(maxMessages)} messages per data key`),
        ]);
        message(ACTORS.kms, ACTORS.app, 'GenerateDataKey result', [heldKeyPayload(`${count(result.dataKeys.created)} data keys, ${count(Math.round(result.dataKeys.meanMessages))} messages each`)]);
        note(ACTORS.app, `a month at this rate: $${result.month.withCaching.totalUsd.toFixed(2)} with the cache, $${result.month.withoutCaching.totalUsd.toFixed(2)} without`, result.generateDataKeyWithCaching <= GENERATE_DATA_KEY_BOUND ? 'success' : 'warning');
      },
      async 'quota-increase'() {
        state.view = 'increase';
        message(ACTORS.app, ACTORS.quotas, 'RequestServiceQuotaIncrease', [
          metadataPayload('ServiceCode', 'kms'),
          metadataPayload('quota', 'Cryptographic operations (symmetric) request rate'),
          metadataPayload('DesiredValue', `${count(REQUESTED_QUOTA)} per second`),
        ]);
        note(ACTORS.quotas, 'approval is not simulated: AWS reviews the request (it can take days); the lesson assumes it was granted', 'info');
        kms.quotas.setRate('symmetric-crypto', REQUESTED_QUOTA);
        state.quotaPerSecond = REQUESTED_QUOTA;
        message(ACTORS.quotas, ACTORS.kms, 'quota applied', [metadataPayload('symmetric cryptographic operations', `${count(REQUESTED_QUOTA)} per second in ${REGION}`)]);
        state.increase = { requested: REQUESTED_QUOTA, run: spike(`${retryLabel({ mode: 'none' })}, quota ${count(REQUESTED_QUOTA)}/s`, { mode: 'none' }) };
      },
    };

    return {
      state,
      dispatch: dispatchByType(handlers, 'quotas-and-backoff'),
    };
  },

  actions: {
    'try-strategy': {
      label: 'Run the 50 clients',
      description: `${HERD_CLIENTS} clients update one row at once; each rejected client backs off with the strategy you choose (base 5 ms, cap 2 s, as in Brooker's study).`,
      fields: [{ name: 'strategy', label: 'Backoff strategy', kind: 'select', default: 'exponential', options: STUDY_STRATEGIES.map((value) => ({ value, label: STUDY_STRATEGY_LABELS[value] })) }],
      toEvent: (input) => ({ type: 'herd', strategy: choiceOf(STUDY_STRATEGIES, input.strategy, 'a strategy') }),
    },
    'run-spike': {
      label: 'Run the spike',
      description: `The same 10-second spike (${SPIKE.totalRate} requests a second from ${SPIKE.clients} SDK clients, quota ${LESSON_QUOTA} a second) with the retry settings you choose. Jitter is used only by your own loop.`,
      fields: [
        { name: 'mode', label: 'Retry mode', kind: 'select', default: 'standard', options: RETRY_MODES.map((value) => ({ value, label: RETRY_MODE_LABELS[value] })) },
        { name: 'maxAttempts', label: 'Maximum attempts (first try included)', kind: 'number', default: '3' },
        { name: 'jitter', label: 'Jitter (your own loop only)', kind: 'select', default: 'full', options: JITTERS.map((value) => ({ value, label: JITTER_LABELS[value] })) },
      ],
      toEvent: (input) => ({
        type: 'retry',
        mode: choiceOf(RETRY_MODES, input.mode, 'a retry mode'),
        maxAttempts: wholeNumber(input.maxAttempts, 'the maximum attempts', 1, 10),
        jitter: choiceOf(JITTERS, input.jitter ?? 'full', 'a jitter'),
      }),
    },
    'encrypt-with-cache': {
      label: 'Encrypt for a minute',
      description: `The order service encrypts ${CACHING_WORKLOAD.messagesPerSecond} messages a second for one minute through the Encryption SDK's caching materials manager.`,
      fields: [
        { name: 'maxAgeSeconds', label: 'Max age of a cached data key (seconds)', kind: 'number', default: '60' },
        { name: 'maxMessages', label: 'Max messages per data key', kind: 'number', default: '10' },
      ],
      toEvent: (input) => ({
        type: 'caching',
        maxAgeSeconds: wholeNumber(input.maxAgeSeconds, 'the max age in seconds', 1, 3600),
        maxMessages: wholeNumber(input.maxMessages, 'the max messages per data key', 1, 2 ** 32),
      }),
    },
  },

  checks: {
    throttledUnderLoad: {
      description: 'KMS answers ThrottlingException once a second\'s quota is used up',
      test: (state) => (state.burst?.throttled ?? 0) > 0 && state.runs.some((run) => run.result.totals.throttles > 0),
    },
    sharedQuotaSeen: {
      description: 'Decrypt and GenerateDataKey are throttled in the second Encrypt used up; DescribeKey is not',
      test: (state) => {
        const answer = (operation: string) => state.shared?.find((a) => a.operation === operation)?.answer;
        return answer('Decrypt') === 'ThrottlingException' && answer('GenerateDataKey') === 'ThrottlingException' && answer('DescribeKey') === 'ok';
      },
    },
    backoffRetried: {
      description: 'Retries with exponential backoff rescue some throttled calls, at the price of more attempts',
      test: (state) => state.runs.some((run) => run.retry.mode === 'custom' && run.result.totals.attempts > run.result.totals.started),
    },
    jitterSpreadsHerd: {
      description: 'Choose a strategy that lets the 50 clients finish sooner than exponential backoff without jitter, with fewer writes',
      test: (state) => {
        const herd = state.study?.herd;
        const tried = state.herdTries.at(-1);
        return !!herd && !!tried && tried.calls < herd.calls && tried.completionMs < herd.completionMs;
      },
    },
    noCallFailed: {
      description: 'Choose retry settings so that no call of the spike fails after its retries',
      test: (state) => {
        const run = state.retryRuns.at(-1);
        return !!run && failedCalls(run.result) === 0 && run.result.totals.throttles > 0;
      },
    },
    cachingCutsCalls: {
      description: `Cache data keys so that a minute of encryption makes at most ${GENERATE_DATA_KEY_BOUND} GenerateDataKey calls`,
      test: (state) => {
        const run = state.caching.at(-1);
        return !!run && run.result.generateDataKeyWithCaching <= GENERATE_DATA_KEY_BOUND;
      },
    },
    quotaRaised: {
      description: 'With the higher quota the same spike runs without a single throttle, even without retries',
      test: (state) => !!state.increase && state.increase.run.result.totals.throttles === 0,
    },
  },

  holdings(state) {
    const lastRetry = state.retryRuns.at(-1);
    const lastCache = state.caching.at(-1);
    return {
      app: [
        metadataPayload('IAM role', 'order-service'),
        ...(lastRetry ? [metadataPayload('retry mode', lastRetry.label)] : []),
        ...(lastCache ? [metadataPayload('data key cache', `max age ${lastCache.maxAgeMs / 1000} s, ${lastCache.maxMessages ?? 'default'} messages`)] : []),
      ],
      kms: [heldKeyPayload('alias/orders (customer managed)'), metadataPayload('symmetric quota', `${count(state.quotaPerSecond)} requests/s`)],
      row: state.study ? [metadataPayload('version', 'bumped by each successful write')] : [],
      quotas: state.increase ? [metadataPayload('granted', `${count(state.increase.requested)}/s`)] : [],
    };
  },

  panels: (state) => memoizedPanels(state),

  notSimulated: [
    `The quota is ${LESSON_QUOTA} requests a second instead of AWS's 10,000 (20,000 or more in some Regions), so that every run stays small; the ratios are the same at any scale.`,
    'AWS publishes no burst allowance: KMS Lab models each quota as a token bucket holding one second\'s worth of requests.',
    'Service Quotas\' review of an increase request is not simulated: the lesson applies the requested value at once, where AWS can take days or refuse.',
    'CloudWatch usage metrics and alarms on quota use, and Retry-After hints, are not simulated.',
    'The SDK clients are simulated from the AWS SDK for JavaScript v3\'s retry rules (constants, retry quota, CUBIC rate limiter); no real SDK sends these requests.',
  ],
});

/** A load run's attempts against the quota, and what happened inside the clients when the mode has something to show. */
function loadPanels(run: LoadRun, id: string, title: string): ScenarioPanel[] {
  const { result, quotaPerSecond, retry } = run;
  const panels: ScenarioPanel[] = [{ kind: 'traffic-chart', id: `${id}-attempts`, title, chart: { type: 'kms-load', measure: 'attempts', result, quotaPerSecond } }];
  if (retry.mode === 'adaptive') {
    panels.push({ kind: 'traffic-chart', id: `${id}-rate`, title: 'Inside the clients: adaptive mode slows each one down', chart: { type: 'kms-load', measure: 'adaptive-rate', result, quotaPerSecond } });
  }
  if (retry.mode === 'standard' || retry.mode === 'standard-classic' || retry.mode === 'adaptive') {
    panels.push({ kind: 'traffic-chart', id: `${id}-tokens`, title: 'Inside the clients: the SDK retry quota', chart: { type: 'kms-load', measure: 'retry-quota', result, quotaPerSecond } });
  }
  return panels;
}

/**
 * The player asks for the panels with every snapshot (each event of a run is one); handing back the
 * same array until a run is added lets the page keep its charts instead of redrawing them.
 */
const lastPanels = new WeakMap<QuotasState, { key: string; panels: ScenarioPanel[] }>();
function memoizedPanels(state: QuotasState): ScenarioPanel[] {
  // Everything panelsFor reads; the player also asks in the middle of a run (each live event), so a
  // key that missed a field would keep a half-finished answer.
  const key = [state.view, state.runs.length, state.retryRuns.length, state.herdTries.length, state.caching.length, state.study ? 1 : 0, state.increase ? 1 : 0].join(':');
  const last = lastPanels.get(state);
  if (last?.key === key) return last.panels;
  const panels = panelsFor(state);
  lastPanels.set(state, { key, panels });
  return panels;
}

/** What the simulation pane shows beside the diagram, for the step whose results are newest. */
export function panelsFor(state: QuotasState): ScenarioPanel[] {
  switch (state.view) {
    case 'burst': {
      const run = state.runs[0];
      return run ? loadPanels(run, 'spike', `The spike with no retries: ${SPIKE.totalRate} requests a second against a quota of ${LESSON_QUOTA}`) : [];
    }
    case 'backoff': {
      const run = state.runs.at(-1);
      return run ? loadPanels(run, 'backoff', 'The same spike, retried with exponential backoff (no jitter)') : [];
    }
    case 'herd': {
      if (!state.study) return [];
      const tried = state.herdTries.at(-1);
      const strategies: StudyStrategy[] = STUDY_STRATEGIES.filter((s) => s !== 'exponential');
      return [
        { kind: 'traffic-chart', id: 'herd', title: 'The herd: 50 clients, exponential backoff without jitter', chart: { type: 'backoff-timeline', timeline: state.study.herd } },
        ...(tried
          ? [{ kind: 'traffic-chart', id: 'herd-try', title: `Your run: 50 clients, ${STUDY_STRATEGY_LABELS[tried.strategy]}`, chart: { type: 'backoff-timeline', timeline: tried } } as const]
          : []),
        { kind: 'traffic-chart', id: 'study-calls', title: 'Brooker\'s study, computed now: the work', chart: { type: 'backoff-study', metric: 'calls', points: state.study.points } },
        { kind: 'traffic-chart', id: 'study-time', title: 'Brooker\'s study: the time (exponential left out, as in the post)', chart: { type: 'backoff-study', metric: 'time', points: state.study.points, strategies } },
      ];
    }
    case 'retry': {
      const run = state.retryRuns.at(-1);
      return run ? loadPanels(run, 'retry', `Your run: ${run.label}`) : [];
    }
    case 'caching': {
      const run = state.caching.at(-1);
      return run
        ? [{ kind: 'traffic-chart', id: 'caching', title: `Your cache: max age ${count(run.maxAgeMs / 1000)} s, ${run.maxMessages === undefined ? 'default' : count(run.maxMessages)} messages per data key`, chart: { type: 'caching', result: run.result } }]
        : [];
    }
    case 'increase':
      return state.increase ? loadPanels(state.increase.run, 'increase', `The spike with no retries, after the increase to ${count(state.increase.requested)} a second`) : [];
    default:
      return [];
  }
}
