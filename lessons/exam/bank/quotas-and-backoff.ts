/**
 * Practice exam, fixed questions on request quotas and backoff (lesson 09): whose quota a cross-account
 * call uses, which errors deserve a retry, synchronized retries and jitter, watching usage against the
 * quota, what data key caching costs in exchange for fewer calls, and what adaptive mode adds.
 */
import { defineExamQuestions } from '../../../src/lessons/exam/types';

const about = { topic: 'quotas-and-backoff', lessonId: 'quotas-and-backoff' } as const;

export default defineExamQuestions([
  {
    ...about,
    id: 'qb-cross-account-caller-quota',
    kind: 'single',
    prompt:
      'Account 444455556666 runs a busy pipeline that calls Decrypt thousands of times a second with a KMS key owned by account 111122223333. Against which account\'s request quota do those calls count?',
    refs: ['shared-quota', 'under-load'],
    options: [
      {
        id: 'both',
        text: 'Both accounts, once each',
        why: 'Each request counts once, against the caller.',
      },
      {
        id: 'owner',
        text: 'The key owner, 111122223333',
        why: 'KMS charges the request (and its quota use) to the account that makes it, not to the account that owns the key.',
      },
      {
        id: 'per-key',
        text: 'Neither: the key has its own per-key quota',
        why: 'KMS request quotas are per account and Region (and per kind of operation), not per key.',
      },
      {
        id: 'caller',
        text: 'The calling account, 444455556666, in the Region of the key',
        why: 'Right: cross-account requests count against the caller\'s quota, so a partner\'s load cannot throttle the key owner\'s own applications.',
      },
    ],
    answer: 'caller',
    explanation:
      'The symmetric cryptographic quota is shared by every principal and every AWS service calling on behalf of the account that makes the request. When another account uses your key, its calls are billed to and throttled against that account.',
  },
  {
    ...about,
    id: 'qb-which-errors-to-retry',
    kind: 'multi',
    prompt: 'Which KMS errors should a client retry with exponential backoff? (Choose two.)',
    refs: ['retry-modes', 'exponential-backoff'],
    options: [
      {
        id: 'throttling',
        text: 'ThrottlingException',
        why: 'Correct: the request was fine but arrived when the quota was used up; later it will succeed.',
      },
      {
        id: 'access-denied',
        text: 'AccessDeniedException',
        why: 'The policies will say the same thing on the next attempt; fix the permissions instead of retrying.',
      },
      {
        id: 'invalid-ciphertext',
        text: 'InvalidCiphertextException',
        why: 'A damaged blob or a wrong encryption context stays wrong however often it is sent.',
      },
      {
        id: 'internal',
        text: 'KMSInternalException (HTTP 500)',
        why: 'Correct: a transient fault on the service side, which the SDKs also retry.',
      },
    ],
    answer: ['throttling', 'internal'],
    explanation:
      'Retry what time can fix: throttling and transient server errors (5xx, timeouts). Client errors such as AccessDenied, InvalidCiphertext, Validation, Disabled or NotFound need a change to the request or the resource, and retrying them only adds load.',
  },
  {
    ...about,
    id: 'qb-synchronized-retries',
    kind: 'single',
    prompt:
      'After a deployment, 400 containers start within the same second, each calling KMS Decrypt at start-up. Most are throttled, and they retry with exponential backoff of exactly 100 ms, 200 ms, 400 ms… Throttling continues in sharp waves. What is the most effective change to the retry logic?',
    refs: ['thundering-herd', 'exponential-backoff'],
    options: [
      {
        id: 'immediate',
        text: 'Retry immediately, without waiting, to finish sooner',
        why: 'Immediate retries multiply the load exactly when the quota is exhausted.',
      },
      {
        id: 'longer-base',
        text: 'Use a longer base delay of 1 s, still without randomness',
        why: 'The clients still sleep exactly as long as each other and come back together, just later.',
      },
      {
        id: 'more-attempts',
        text: 'Raise the maximum number of attempts to 20',
        why: 'More synchronized retries make more synchronized waves; each retry is another request against the same quota.',
      },
      {
        id: 'jitter',
        text: 'Add jitter: wait a random time between 0 and the exponential value',
        why: 'Right: clients that failed together then come back at different moments, so the retries spread out instead of colliding again.',
      },
    ],
    answer: 'jitter',
    explanation:
      'Backoff spaces one client\'s retries; jitter de-synchronizes many clients. The AWS SDKs use exponential backoff with full jitter in their standard and adaptive modes, which is why their default retries beat a hand-written loop without randomness.',
  },
  {
    ...about,
    id: 'qb-watch-usage',
    kind: 'single',
    prompt:
      'A team wants to see how close its account runs to the KMS symmetric cryptographic request quota, and be warned before throttling starts. What should it know about the usage metric it finds in CloudWatch and Service Quotas?',
    refs: ['quota-increase', 'under-load'],
    options: [
      {
        id: 'per-minute',
        text: 'Usage is published per minute, so an alarm on it can miss short bursts that exceed the per-second quota',
        why: 'Right: the quota applies to each second. A minute that looks fine on average can still contain seconds above the quota.',
      },
      {
        id: 'not-available',
        text: 'KMS publishes no usage metrics; only CloudTrail can count requests',
        why: 'KMS publishes request usage to CloudWatch (namespace AWS/Usage), visible with the quota in Service Quotas.',
      },
      {
        id: 'includes-owned',
        text: 'The usage includes requests AWS services make with AWS owned keys',
        why: 'AWS owned keys do not count against your quotas; AWS managed and customer managed keys do.',
      },
      {
        id: 'per-key',
        text: 'The metric is reported per KMS key, and the quota applies to each key',
        why: 'Both the quota and the usage are per account and Region (per kind of operation), not per key.',
      },
    ],
    answer: 'per-minute',
    explanation:
      'Watch the usage metric with an alarm at a comfortable fraction of the quota, and also watch throttling itself (ThrottlingException in your application metrics or CloudTrail). Sustained growth is a reason to ask for a quota increase; bursts are a reason for jittered retries and caching.',
  },
  {
    ...about,
    id: 'qb-caching-trade-offs',
    kind: 'multi',
    prompt:
      'A service turns on the AWS Encryption SDK\'s data key caching with a max age of 5 minutes and at most 10,000 messages per data key. What changes? (Choose two.)',
    refs: ['data-key-caching'],
    options: [
      {
        id: 'fewer-calls',
        text: 'Far fewer GenerateDataKey requests, so a lower bill and less risk of throttling',
        why: 'Correct: one data key now serves up to 10,000 messages or 5 minutes, whichever ends first.',
      },
      {
        id: 'no-cloudtrail',
        text: 'KMS stops logging the service\'s requests in CloudTrail',
        why: 'Every request that still reaches KMS is logged; there are just fewer of them.',
      },
      {
        id: 'key-lives-longer',
        text: 'A plaintext data key stays in memory for up to 5 minutes and protects up to 10,000 messages',
        why: 'Correct: that is the price of caching, and why the limits should be the smallest that meet the cost and performance goals.',
      },
      {
        id: 'context-ignored',
        text: 'Messages with different encryption contexts now share data keys',
        why: 'The cache key includes the encryption context, so different contexts never share a data key.',
      },
    ],
    answer: ['fewer-calls', 'key-lives-longer'],
    explanation:
      'Data key caching is the disciplined middle between one data key per message and one for everything: reuse within limits of age, messages and bytes, per encryption context. Retries treat throttling; caching removes much of its cause.',
  },
  {
    ...about,
    id: 'qb-adaptive-mode',
    kind: 'single',
    prompt:
      'A batch job with many SDK clients keeps hitting ThrottlingException, and the team wants each client to slow down its own sending automatically when throttled, not just retry. Which SDK retry setting provides that?',
    refs: ['retry-modes'],
    options: [
      {
        id: 'adaptive',
        text: 'Retry mode adaptive',
        why: 'Right: on top of standard retries it adds a client-side rate limiter (a token bucket whose rate follows TCP CUBIC) that drops after a throttle and recovers gradually.',
      },
      {
        id: 'legacy',
        text: 'Retry mode legacy',
        why: 'The older mode retries with backoff too, but has no client-side rate limiter.',
      },
      {
        id: 'standard-more-attempts',
        text: 'Retry mode standard with max attempts raised to 10',
        why: 'Standard mode only spaces the retries of each request; it never slows the client\'s new requests.',
      },
      {
        id: 'no-retries',
        text: 'Max attempts 1, so that failures surface quickly',
        why: 'That turns every throttle into a failed job step instead of slowing down.',
      },
    ],
    answer: 'adaptive',
    explanation:
      'Standard mode: up to 3 attempts with jittered exponential backoff and a per-client retry quota that fails fast when it runs dry. Adaptive mode: the same plus client-side rate limiting, useful for batch work that would otherwise keep pressing on the quota.',
  },
  {
    ...about,
    id: 'qb-s3-burst-throttles-neighbour',
    kind: 'single',
    prompt:
      'Every night a data pipeline uploads millions of small objects to a bucket with SSE-KMS (a customer managed key, S3 Bucket Keys off). During the upload, an unrelated web application in the same account and Region gets ThrottlingException from its own Decrypt calls on a different KMS key. Why, and what helps most?',
    refs: ['shared-quota', 'data-key-caching'],
    options: [
      {
        id: 'different-key',
        text: 'KMS throttles per key; moving the web application to yet another key fixes it',
        why: 'It is already on a different key. The quota is per account and Region, shared by all keys.',
      },
      {
        id: 's3-not-counted',
        text: 'Calls S3 makes on the pipeline\'s behalf do not count, so the web application must simply be too busy on its own',
        why: 'They do count: requests AWS services make for you with AWS managed or customer managed keys use your account\'s quota.',
      },
      {
        id: 'only-retry',
        text: 'Nothing can be changed on the pipeline side; the web application must retry more aggressively',
        why: 'More aggressive retries add load to the exhausted quota. Reducing the pipeline\'s calls removes the cause.',
      },
      {
        id: 'shared-quota-bucket-keys',
        text: 'Each upload is a GenerateDataKey that S3 makes for the pipeline, in the same shared symmetric quota; enabling S3 Bucket Keys cuts those calls',
        why: 'Right: with Bucket Keys, S3 reuses a bucket-level key for many objects and calls KMS far less often.',
      },
    ],
    answer: 'shared-quota-bucket-keys',
    explanation:
      'All symmetric cryptographic requests of an account in a Region share one quota, whoever makes them: your code, or S3, EBS and other services on your behalf. One noisy workload can throttle every other one, so reduce calls at the source (S3 Bucket Keys, data key caching), then retry with jitter.',
  },
]);
