/**
 * Exam-style questions on request quotas and backoff. Where the engine can answer (which exception
 * and status, which operations share the quota, how long a backoff waits, which strategy is slowest
 * or does the least work in Brooker's model, which retry mode gets a spike through, how many
 * GenerateDataKey calls a cache makes), the answer is computed by running the scenario, so the quiz
 * cannot disagree with what the lesson shows.
 */
import { defineQuiz, type QuizEngine, type ScenarioEvent } from '../../src/lessons/types';
import { SDK_RETRY_CURRENT } from '../../src/sim/traffic/index';
import { failedCalls, HERD_CLIENTS } from './traffic-runs';
import type { QuotasState } from './scenario';

/** A fresh world with the lesson's seed, after dispatching `events` in order. */
async function run(engine: QuizEngine, ...events: ScenarioEvent[]) {
  const { instance } = await engine.createScenario();
  for (const event of events) await instance.dispatch(event);
  return instance.state as QuotasState;
}

/** The study's point for `clients` clients, by strategy. */
async function studyAt(engine: QuizEngine) {
  const state = await run(engine, { type: 'study' });
  return state.study!.points.filter((p) => p.clients === HERD_CLIENTS);
}

const SPIKE_SETTINGS = {
  'standard-3': { mode: 'standard', maxAttempts: 3 },
  'classic-3': { mode: 'standard-classic', maxAttempts: 3 },
  'adaptive-3': { mode: 'adaptive', maxAttempts: 3 },
  none: { mode: 'none', maxAttempts: 1 },
} as const;

export default defineQuiz([
  {
    id: 'throttle-exception',
    kind: 'single',
    prompt: 'An application sends more Encrypt requests in one second than its account\'s quota in that Region allows. What does KMS answer the excess requests with?',
    refs: ['under-load'],
    options: [
      { id: 'throttling', text: 'ThrottlingException', why: 'Right: a request over the per-second request quota is refused with ThrottlingException, and the SDKs retry it.' },
      { id: 'limit-exceeded', text: 'LimitExceededException', why: 'That is a resource quota (too many keys, aliases or grants), not a request rate.' },
      { id: 'unavailable', text: 'KMSInternalException', why: 'That is a transient server error (HTTP 500), not a quota refusal.' },
      { id: 'queued', text: 'Nothing: KMS queues them and answers later', why: 'KMS does not queue excess requests; it refuses them at once.' },
    ],
    answer: {
      describe: 'sends 120 Encrypt calls within one second against a quota of 100 and reads the first refusal',
      async compute(engine) {
        const state = await run(engine, { type: 'burst' });
        const code = state.burst?.firstThrottle?.answer;
        return code === 'ThrottlingException' ? 'throttling' : code === 'LimitExceededException' ? 'limit-exceeded' : code === 'KMSInternalException' ? 'unavailable' : 'queued';
      },
    },
    explanation: 'Request quotas are per account and Region, per second. Beyond them KMS answers ThrottlingException: "You have exceeded the rate at which you may call KMS. Reduce the frequency of your calls."',
  },
  {
    id: 'throttle-status',
    kind: 'single',
    prompt: 'With which HTTP status code does a KMS ThrottlingException arrive?',
    refs: ['under-load'],
    options: [
      { id: '400', text: '400', why: 'Right: KMS sends ThrottlingException as a client error, HTTP 400; the SDKs recognise it by its name.' },
      { id: '429', text: '429', why: 'Many APIs throttle with 429 Too Many Requests, and the SDKs treat 429 as throttling too, but KMS sends 400.' },
      { id: '500', text: '500', why: '500 is a server fault such as KMSInternalException.' },
      { id: '503', text: '503', why: '503 is DependencyTimeoutException or a service being unavailable, not throttling.' },
    ],
    answer: {
      describe: 'throttles an Encrypt call in the engine and reads the status of its error',
      async compute(engine) {
        const state = await run(engine, { type: 'burst' });
        return String(state.burst?.firstThrottle?.status);
      },
    },
    explanation: 'ThrottlingException is HTTP 400 with the error code ThrottlingException. The SDKs classify errors by name (ThrottlingException) or by a 429 status as throttling, and retry them.',
  },
  {
    id: 'shared-quota',
    kind: 'multi',
    prompt: 'An application\'s Encrypt calls have used up this second\'s quota for symmetric cryptographic operations. Which of these calls, made in the same second in the same account and Region, are throttled too? (Choose three.)',
    refs: ['shared-quota'],
    options: [
      { id: 'Decrypt', text: 'Decrypt', why: 'Throttled: Decrypt shares the symmetric cryptographic-operations quota with Encrypt.' },
      { id: 'GenerateDataKey', text: 'GenerateDataKey', why: 'Throttled: GenerateDataKey shares the same quota; S3 SSE-KMS uploads call it on your behalf.' },
      { id: 'GenerateRandom', text: 'GenerateRandom', why: 'Throttled: GenerateRandom counts against the same quota although it uses no key.' },
      { id: 'DescribeKey', text: 'DescribeKey', why: 'Answered: DescribeKey has its own quota (2,000 a second).' },
      { id: 'ListAliases', text: 'ListAliases', why: 'Answered: ListAliases has its own quota (500 a second).' },
    ],
    answer: {
      describe: 'uses up a second\'s quota with Encrypt, then tries each operation in the same second',
      async compute(engine) {
        const state = await run(engine, { type: 'shared-quota' });
        const options = ['Decrypt', 'GenerateDataKey', 'GenerateRandom', 'DescribeKey', 'ListAliases'];
        return options.filter((operation) => state.shared?.find((a) => a.operation === operation)?.answer === 'ThrottlingException');
      },
    },
    explanation: 'Encrypt, Decrypt, GenerateDataKey(WithoutPlaintext), GenerateRandom, ReEncrypt, GenerateMac and VerifyMac share one quota per account and Region. Management operations such as DescribeKey and ListAliases each have their own.',
  },
  {
    id: 'fourth-wait',
    kind: 'single',
    prompt: 'A retry loop uses capped exponential backoff without jitter: it waits 100 ms before the first retry and doubles the wait each time (cap 20 s). How long does it wait before the fourth retry?',
    refs: ['exponential-backoff'],
    options: [
      { id: '400', text: '400 ms', why: 'That is the wait before the third retry (100, 200, 400).' },
      { id: '800', text: '800 ms', why: 'Right: 100 × 2³ = 800 ms.' },
      { id: '1600', text: '1,600 ms', why: 'That would be the fifth retry.' },
      { id: 'random', text: 'A random time up to 800 ms', why: 'That is full jitter; this loop has none.' },
    ],
    answer: {
      describe: 'runs the spike with this loop and reads the wait a throttled request slept before its fourth retry',
      async compute(engine) {
        const state = await run(engine, { type: 'backoff' });
        const fourth = state.runs.at(-1)?.result.trace.find((a) => a.attempt === 4 && a.next.kind === 'retry');
        return fourth && fourth.next.kind === 'retry' ? String(fourth.next.delayMs) : 'random';
      },
    },
    explanation: 'Capped exponential backoff waits min(cap, base × 2^n) before retry n + 1: 100, 200, 400, 800 ms. Without jitter every client that failed together waits exactly as long.',
  },
  {
    id: 'slowest-strategy',
    kind: 'single',
    prompt: 'In Brooker\'s model, 50 clients race to update one row and losers back off. Which strategy takes longest until every client has written?',
    refs: ['thundering-herd'],
    options: [
      { id: 'none', text: 'No backoff', why: 'No backoff finishes soonest, though it does the most work.' },
      { id: 'exponential', text: 'Exponential backoff without jitter', why: 'Right: the herd sleeps in lockstep and collides again, round after round, with ever longer sleeps.' },
      { id: 'full', text: 'Full Jitter', why: 'Full jitter spreads the retries and finishes far sooner than the herd.' },
      { id: 'decorrelated', text: 'Decorrelated Jitter', why: 'Decorrelated jitter is among the quickest strategies with backoff.' },
    ],
    answer: {
      describe: 'computes Brooker\'s study at 50 clients and picks the strategy with the longest mean completion time',
      async compute(engine) {
        const points = await studyAt(engine);
        return points.reduce((a, b) => (b.meanCompletionMs > a.meanCompletionMs ? b : a)).strategy;
      },
    },
    explanation: 'Without jitter, clients that collided sleep the same time and collide again; the sleeps keep doubling, so the last client finishes many times later than with any jitter.',
  },
  {
    id: 'least-work',
    kind: 'single',
    prompt: 'In the same model with 50 clients, which strategy sends the fewest writes (the least work for the server)?',
    refs: ['thundering-herd'],
    options: [
      { id: 'full', text: 'Full Jitter', why: 'Right: in Brooker\'s study full jitter does the least work; it is what the AWS SDKs use.' },
      { id: 'none', text: 'No backoff', why: 'No backoff sends the most writes: every loser retries at once.' },
      { id: 'exponential', text: 'Exponential backoff without jitter', why: 'Backoff without jitter saves little work: the herd still collides.' },
      { id: 'decorrelated', text: 'Decorrelated Jitter', why: 'Close, but it sends somewhat more writes than full jitter.' },
    ],
    answer: {
      describe: 'computes Brooker\'s study at 50 clients and picks the strategy with the fewest mean calls',
      async compute(engine) {
        const points = await studyAt(engine);
        return points.reduce((a, b) => (b.meanCalls < a.meanCalls ? b : a)).strategy;
      },
    },
    explanation: 'Jitter cuts the work sharply because retries stop colliding. Full jitter, sleep = random(0, min(cap, base × 2^n)), does the least work; equal jitter is close; decorrelated does a little more.',
  },
  {
    id: 'fastest-with-backoff',
    kind: 'single',
    prompt: 'Still with 50 clients in Brooker\'s model, and leaving out "no backoff": which strategy lets every client finish soonest?',
    refs: ['thundering-herd'],
    options: [
      { id: 'decorrelated', text: 'Decorrelated Jitter', why: 'Right: in this model decorrelated jitter finishes a little sooner than full jitter, though it sends somewhat more writes.' },
      { id: 'full', text: 'Full Jitter', why: 'Close, and it does the least work, but it finishes a little later than decorrelated jitter here.' },
      { id: 'equal', text: 'Equal Jitter', why: 'Equal jitter keeps half of every sleep fixed, so it is the slowest of the jittered strategies.' },
      { id: 'exponential', text: 'Exponential backoff without jitter', why: 'The herd is by far the slowest.' },
    ],
    answer: {
      describe: 'computes Brooker\'s study at 50 clients and picks the strategy with backoff and the shortest mean completion time',
      async compute(engine) {
        const points = (await studyAt(engine)).filter((p) => p.strategy !== 'none');
        return points.reduce((a, b) => (b.meanCompletionMs < a.meanCompletionMs ? b : a)).strategy;
      },
    },
    explanation: 'Brooker found full and decorrelated jitter close: decorrelated finishes a little sooner, full jitter does less work. Both beat equal jitter, and all three beat backoff without jitter by a wide margin.',
  },
  {
    id: 'spike-retry-mode',
    kind: 'single',
    prompt: '20 SDK clients send 1.5 times the account\'s quota for 10 seconds. Which SDK setting lets every call succeed in the end?',
    refs: ['retry-modes'],
    options: [
      { id: 'standard-3', text: 'Standard mode, 3 attempts (the default)', why: 'Some calls are throttled on all 3 attempts and fail.' },
      { id: 'classic-3', text: 'Standard mode with the older, shorter waits, 3 attempts', why: 'Shorter waits retry into the same overloaded seconds: more calls fail.' },
      { id: 'adaptive-3', text: 'Adaptive mode, 3 attempts', why: 'Right: after a throttle each client slows its own sending, so requests wait in the client instead of being throttled.' },
      { id: 'none', text: 'No retries', why: 'Every throttled call fails at once.' },
    ],
    answer: {
      describe: 'runs the same spike with each setting and picks the one where no call fails',
      async compute(engine) {
        const { instance } = await engine.createScenario();
        const state = instance.state as QuotasState;
        const winners: string[] = [];
        for (const [id, setting] of Object.entries(SPIKE_SETTINGS)) {
          await instance.dispatch({ type: 'retry', ...setting, jitter: 'full' });
          if (failedCalls(state.retryRuns.at(-1)!.result) === 0) winners.push(id);
        }
        return winners.length === 1 ? winners[0] : winners.join('+');
      },
    },
    explanation: 'Retries alone cannot push 1.5 times the quota through: every retry is another request. Adaptive mode adds a client-side rate limiter (CUBIC) that slows each client after a throttle, spreading the spike over time.',
  },
  {
    id: 'retry-quota',
    kind: 'single',
    prompt: 'In the AWS SDK\'s standard retry mode, each client has a retry quota of 500 tokens. Starting full, with only throttled responses and no successes, how many retries can it pay for before it fails fast?',
    refs: ['retry-modes'],
    options: [
      { id: '100', text: '100', why: 'Right: a retry after a throttling error costs 5 tokens; 500 / 5 = 100.' },
      { id: '35', text: '35', why: 'That is for transient errors in the current SDK (14 tokens each).' },
      { id: '500', text: '500', why: 'A retry costs more than one token.' },
      { id: 'unlimited', text: 'Unlimited, until maxAttempts', why: 'The retry quota is there to stop retry storms: once empty, retries stop.' },
    ],
    answer: {
      describe: 'divides the SDK\'s retry quota by the cost of a retry after a throttle (the simulator\'s SDK constants)',
      async compute() {
        return String(Math.floor(SDK_RETRY_CURRENT.initialRetryTokens / SDK_RETRY_CURRENT.throttlingRetryCost));
      },
    },
    explanation: 'The retry quota is per SDK client. Throttle retries cost 5 tokens, transient-error retries 14 (10 in older versions); a success refunds what its retry cost, or 1. When the quota runs dry the SDK stops retrying and returns the error at once.',
  },
  {
    id: 'cached-calls',
    kind: 'single',
    prompt: 'A service encrypts 150 messages a second for one minute through the Encryption SDK\'s caching materials manager with a max age of 5 seconds and at most 1,000 messages per data key. How many GenerateDataKey calls does it make?',
    refs: ['data-key-caching'],
    options: [
      { id: '12', text: '12', why: 'Right: a data key lasts 5 seconds (750 messages, under the 1,000 limit), so 60 / 5 = 12 keys.' },
      { id: '9', text: '9', why: 'That would be 1,000 messages per key; the 5-second max age retires each key after 750.' },
      { id: '60', text: '60', why: 'That would be a new data key every second.' },
      { id: '9000', text: '9,000', why: 'That is one per message, without a cache.' },
    ],
    answer: {
      describe: 'runs the caching CMM model for a minute with these limits and counts GenerateDataKey calls',
      async compute(engine) {
        const state = await run(engine, { type: 'caching', maxAgeSeconds: 5, maxMessages: 1000 });
        return String(state.caching.at(-1)?.result.generateDataKeyWithCaching);
      },
    },
    explanation: 'A cached data key is retired by whichever limit it reaches first: max age, messages or bytes. Calls per second ≈ rate / min(maxMessages, rate × maxAge) = 150 / 750 = 0.2.',
  },
  {
    id: 'message-limit',
    kind: 'single',
    prompt: 'The same service caches data keys for 60 seconds but at most 10 messages per key (the SDK\'s browser example). How many GenerateDataKey calls in the minute?',
    refs: ['data-key-caching'],
    options: [
      { id: '900', text: '900', why: 'Right: the 10-message limit retires each key long before 60 s: 9,000 / 10 = 900.' },
      { id: '1', text: '1', why: 'The max age allows a minute, but the message limit is reached after 10 messages.' },
      { id: '10', text: '10', why: 'The limit is 10 messages per key, not 10 keys.' },
      { id: '9000', text: '9,000', why: 'That is without a cache.' },
    ],
    answer: {
      describe: 'runs the caching CMM model for a minute with a 60-second max age and 10 messages per key',
      async compute(engine) {
        const state = await run(engine, { type: 'caching', maxAgeSeconds: 60, maxMessages: 10 });
        return String(state.caching.at(-1)?.result.generateDataKeyWithCaching);
      },
    },
    explanation: 'Each cached data key encrypts exactly maxMessages messages if its age allows. A cache is only as good as its tightest limit.',
  },
  {
    id: 'second-key',
    kind: 'single',
    prompt: 'An application in one account is throttled on Decrypt in eu-west-2. A colleague suggests moving half the data to a second KMS key in the same account and Region. What happens?',
    refs: ['shared-quota', 'quota-increase'],
    options: [
      { id: 'same-quota', text: 'Nothing changes: both keys count against the account\'s one quota in that Region', why: 'Right: request quotas are per account and Region, not per key.' },
      { id: 'doubles', text: 'The quota doubles: each key has its own', why: 'Quotas are not per key.' },
      { id: 'other-operation', text: 'Only Encrypt on the new key is throttled', why: 'Both keys share the same symmetric quota for every cryptographic operation.' },
      { id: 'cross-region', text: 'It must be another Region to help', why: 'Another Region does have its own quota, but data and keys are Regional; the usual answers are caching, backoff or an increase.' },
    ],
    answer: 'same-quota',
    explanation: 'The symmetric cryptographic-operations quota is shared by all keys and all principals (and AWS services on their behalf) in an account and Region. To get more: reduce calls (data key caching), smooth bursts (backoff, adaptive mode), or request an increase in Service Quotas.',
  },
  {
    id: 'increase-how',
    kind: 'single',
    prompt: 'A workload needs a steady 15,000 symmetric KMS requests a second in a Region whose quota is 10,000. What should the team do?',
    refs: ['quota-increase'],
    options: [
      { id: 'service-quotas', text: 'Request an increase of that quota for the account in that Region through Service Quotas, after cutting calls where it can', why: 'Right: the quota is adjustable per account and Region; AWS reviews the request.' },
      { id: 'retry-more', text: 'Raise the SDK\'s maxAttempts to 10', why: 'Retries cannot carry a sustained load above the quota; they add requests.' },
      { id: 'support-only', text: 'Nothing can be done: KMS quotas are fixed', why: 'The shared cryptographic quotas are adjustable.' },
      { id: 'new-account-key', text: 'Create more keys in the same account', why: 'All keys in the account and Region share the quota.' },
    ],
    answer: 'service-quotas',
    explanation: 'Backoff and adaptive retries smooth spikes; data key caching cuts calls. A sustained rate above the quota needs an increase: Service Quotas → AWS Key Management Service → Cryptographic operations (symmetric) request rate, for one account and Region.',
  },
]);
