/**
 * Exam-style questions on reading KMS's CloudTrail events. Every answer the log can give is
 * computed by replaying the working day (and, where needed, the learner's call) in a fresh world
 * and reading the events the engine wrote, so the quiz cannot disagree with the log.
 */
import type { CloudTrailEvent } from '../../src/kms/index';
import { defineQuiz, type QuizEngine, type ScenarioEvent } from '../../src/lessons/types';
import type { AuditState } from './scenario';
import { NOVEMBER_PAYROLL_ARN } from './scenario';
import { encryptionContextOf, eventsForObject, objectArn, refusedWith, S3_CONTEXT_KEY, whoDecrypted } from './trail';
import { HR_BUCKET, PAYROLL_OCTOBER, PEOPLE } from './working-day';

const DAY: ScenarioEvent = { type: 'replay-day' };

/** A fresh world with the lesson's seed, after dispatching `events` in order. */
async function run(engine: QuizEngine, ...events: ScenarioEvent[]): Promise<AuditState> {
  const { instance } = await engine.createScenario();
  for (const event of events) await instance.dispatch(event);
  return instance.state as AuditState;
}

/** The day's events as the log holds them, with the named one. */
async function dayEvent(engine: QuizEngine, mark: string): Promise<CloudTrailEvent> {
  const state = await run(engine, DAY);
  const found = state.trail.find((e) => e.eventID === state.marks[mark]);
  if (!found) throw new Error(`audit quiz: the day logged no event "${mark}"`);
  return found;
}

const SECRET = { key: 'customer-card', value: '4111 1111 1111 1111', plaintext: 'Order A-1043: leave the parcel with the neighbour' };

export default defineQuiz([
  {
    id: 'decrypt-event-fields',
    kind: 'multi',
    prompt: 'An application calls Decrypt with a symmetric KMS key and an encryption context. Which of these appear in the CloudTrail event KMS logs for the call?',
    refs: ['reading-an-event'],
    options: [
      { id: 'context', text: 'The encryption context, under requestParameters', why: 'Logged: requestParameters.encryptionContext copies the context the caller sent.' },
      { id: 'key-arn', text: 'The ARN of the KMS key, although the request named no key', why: 'Logged: KMS reads the key from the ciphertext and records it in requestParameters.keyId and resources.' },
      { id: 'plaintext', text: 'The decrypted plaintext, under responseElements', why: 'Never logged: responseElements is null for cryptographic operations.' },
      { id: 'ciphertext', text: 'The ciphertext blob, under requestParameters', why: 'Never logged: KMS leaves the CiphertextBlob out of the event.' },
    ],
    explanation: 'A KMS event records who called which operation with which key and context, never the data: ciphertext and plaintext are left out, and cryptographic calls have responseElements null.',
    answer: {
      describe: 'reads the web server\'s 08:30 Decrypt event from the replayed day',
      async compute(engine) {
        const e = await dayEvent(engine, 'app-decrypts-password');
        const json = JSON.stringify(e);
        const chosen: string[] = [];
        if (Object.keys(encryptionContextOf(e)).length > 0) chosen.push('context');
        if (typeof e.requestParameters?.keyId === 'string' && e.resources?.[0]?.ARN === e.requestParameters.keyId) chosen.push('key-arn');
        if (e.responseElements !== null || json.includes('correct-horse-battery')) chosen.push('plaintext');
        if (/ciphertextBlob/i.test(json)) chosen.push('ciphertext');
        return chosen;
      },
    },
  },
  {
    id: 'service-call-identity',
    kind: 'single',
    prompt: 'Alice downloads an SSE-KMS object from S3, and S3 calls Decrypt for her. In the KMS event, what are userIdentity.arn and sourceIPAddress?',
    refs: ['calls-through-s3'],
    options: [
      { id: 'alice-s3', text: 'Alice\'s ARN, and s3.amazonaws.com', why: 'Right: S3 calls with Alice\'s credentials; the call comes from S3, which invokedBy and sourceIPAddress show.' },
      { id: 'alice-ip', text: 'Alice\'s ARN, and Alice\'s own IP address', why: 'The request to KMS came from S3, not from Alice\'s computer.' },
      { id: 's3-s3', text: 'The S3 service principal, and s3.amazonaws.com', why: 'S3 never calls as itself for SSE-KMS: Alice\'s permissions decide, so the event names her.' },
      { id: 'role', text: 'An S3 service-linked role, and an AWS internal address', why: 'No role is involved: the principal is the one who sent the S3 request.' },
    ],
    explanation: 'For calls an integrated service makes on a principal\'s behalf, userIdentity is the principal and invokedBy / sourceIPAddress name the service; kms:ViaService is the matching policy condition.',
    answer: {
      describe: 'reads Alice\'s 09:30 Decrypt through S3 from the replayed day',
      async compute(engine) {
        const e = await dayEvent(engine, 'alice-reads-october');
        const isAlice = e.userIdentity.arn === PEOPLE.alice;
        if (isAlice && e.sourceIPAddress === 's3.amazonaws.com') return 'alice-s3';
        if (isAlice) return 'alice-ip';
        return e.userIdentity.arn.includes('s3') ? 's3-s3' : 'role';
      },
    },
  },
  {
    id: 'which-object',
    kind: 'single',
    prompt: 'Every file in an SSE-KMS bucket is encrypted under the same KMS key. Which field of a Decrypt event tells you which object was decrypted?',
    refs: ['calls-through-s3', 'who-decrypted'],
    options: [
      { id: 'context', text: 'requestParameters.encryptionContext, key aws:s3:arn', why: 'Right: S3 sends the object\'s ARN as encryption context with every call for that object.' },
      { id: 'resources', text: 'resources[0].ARN', why: 'That is the KMS key\'s ARN, the same for every object in the bucket.' },
      { id: 'invoked-by', text: 'userIdentity.invokedBy', why: 'That names the service (s3.amazonaws.com), not the object.' },
      { id: 'request-id', text: 'requestID', why: 'A unique id of the KMS request; it does not name the object.' },
    ],
    explanation: 'The key ARN says which key; the encryption context aws:s3:arn says which object. Without a meaningful context an auditor could only say "someone used the key".',
    answer: {
      describe: 'finds the field of Alice\'s Decrypt that holds the October file\'s ARN',
      async compute(engine) {
        const e = await dayEvent(engine, 'alice-reads-october');
        const arn = objectArn(HR_BUCKET, PAYROLL_OCTOBER);
        if (encryptionContextOf(e)[S3_CONTEXT_KEY] === arn) return 'context';
        if (e.resources?.[0]?.ARN === arn) return 'resources';
        return e.userIdentity.invokedBy === arn ? 'invoked-by' : 'request-id';
      },
    },
  },
  {
    id: 'who-read-november',
    kind: 'single',
    prompt: 'In the replayed day, who decrypted s3://example-corp-hr/payroll/2026-11.csv?',
    refs: ['who-decrypted'],
    options: [
      { id: 'app', text: 'The web server (assumed-role/AppServer/i-0a1b2c3d4e5f67890)', why: 'Right: its 16:00 Decrypt is the only one without an errorCode whose context names that object.' },
      { id: 'alice', text: 'Alice', why: 'Alice decrypted payroll/2026-10.csv: same key, different aws:s3:arn.' },
      { id: 'bob', text: 'Bob', why: 'Bob tried; his event carries errorCode AccessDeniedException. Trying is not reading.' },
      { id: 's3', text: 'Amazon S3', why: 'S3 made the call, but always as the principal whose request it served.' },
    ],
    explanation: 'Filter by eventName Decrypt, keep the events whose encryption context names the object, and drop those with an errorCode: what is left is who read it.',
    answer: {
      describe: 'lists the successful Decrypt events whose aws:s3:arn is the November file',
      async compute(engine) {
        const readers = whoDecrypted((await run(engine, DAY)).trail, NOVEMBER_PAYROLL_ARN);
        const found = (Object.keys(PEOPLE) as (keyof typeof PEOPLE)[]).find((p) => readers.length === 1 && readers[0] === PEOPLE[p]);
        return found ?? 's3';
      },
    },
  },
  {
    id: 'refused-error-code',
    kind: 'single',
    prompt: 'Bob, who has no IAM permission for KMS, tries to download an SSE-KMS object. S3 answers 403. What errorCode does the KMS event in CloudTrail carry?',
    refs: ['denied-calls'],
    options: [
      { id: 'AccessDeniedException', text: 'AccessDeniedException', why: 'Right: the KMS event records KMS\'s own exception for a refused access decision.' },
      { id: 'AccessDenied', text: 'AccessDenied', why: 'That is S3\'s error code in its 403 answer to Bob, not KMS\'s.' },
      { id: 'none', text: 'None: refused calls are not logged', why: 'Refused calls are logged like any other, with errorCode and errorMessage.' },
      { id: 'UnauthorizedOperation', text: 'UnauthorizedOperation', why: 'That is an EC2 error code; KMS does not use it.' },
    ],
    explanation: 'Every KMS call, refused or not, is an event. A refusal adds errorCode AccessDeniedException and an errorMessage naming the principal and the action.',
    answer: {
      describe: 'reads the errorCode of Bob\'s 10:15 Decrypt through S3',
      async compute(engine) {
        const e = await dayEvent(engine, 'bob-reads-november');
        return e.errorCode ?? 'none';
      },
    },
  },
  {
    id: 'how-many-refused',
    kind: 'single',
    prompt: 'The day\'s log holds one failed Encrypt with a disabled key and every refused call. How many events carry errorCode AccessDeniedException?',
    refs: ['denied-calls'],
    options: [
      { id: '2', text: '2', why: 'Count again with the error code filter: Bob, Carol and Dave were each refused once.' },
      { id: '3', text: '3', why: 'Right: Bob\'s and Carol\'s downloads through S3 and Dave\'s cross-account Decrypt.' },
      { id: '4', text: '4', why: 'That is every failed call: the DisabledException is a failure, not a refusal.' },
      { id: '0', text: '0: refusals are only in the IAM Access Analyzer', why: 'KMS logs refusals in CloudTrail.' },
    ],
    explanation: 'Filter by errorCode, not "any error": AccessDeniedException is the access decision; DisabledException means the key was off.',
    answer: {
      describe: 'counts the replayed day\'s events with errorCode AccessDeniedException',
      async compute(engine) {
        return String(refusedWith((await run(engine, DAY)).trail, 'AccessDeniedException').length);
      },
    },
  },
  {
    id: 'disabled-key-event',
    kind: 'single',
    prompt: 'Carol disabled a key at 14:00. At 15:00 an application calls Encrypt with it. What does CloudTrail show for the 15:00 call?',
    refs: ['read-only-and-management'],
    options: [
      { id: 'DisabledException', text: 'An Encrypt event with errorCode DisabledException', why: 'Right: the call is logged, and it failed because of the key\'s state.' },
      { id: 'AccessDeniedException', text: 'An Encrypt event with errorCode AccessDeniedException', why: 'The application is still allowed; the key is off. That is DisabledException.' },
      { id: 'KMSInvalidStateException', text: 'An Encrypt event with errorCode KMSInvalidStateException', why: 'That is for keys pending deletion or import; a disabled key gives DisabledException.' },
      { id: 'none', text: 'No event: KMS rejects calls to disabled keys before logging', why: 'Failed calls are logged too.' },
    ],
    explanation: 'Reading the DisableKey event (readOnly false, by Carol) next to the application\'s DisabledException explains the outage.',
    answer: {
      describe: 'reads the errorCode of the web server\'s 15:00 Encrypt',
      async compute(engine) {
        return (await dayEvent(engine, 'app-encrypts-disabled')).errorCode ?? 'none';
      },
    },
  },
  {
    id: 'context-in-log',
    kind: 'single',
    prompt: 'A developer puts a customer\'s card number in the encryption context of an Encrypt call. Where does the card number end up?',
    refs: ['context-is-logged'],
    options: [
      { id: 'plaintext-in-log', text: 'In plaintext in the CloudTrail event, under requestParameters.encryptionContext', why: 'Right: the context is authenticated, not encrypted, and KMS logs it as sent.' },
      { id: 'encrypted', text: 'Encrypted inside the ciphertext, and nowhere else', why: 'The context is additional authenticated data: bound to the ciphertext, not encrypted by it, and logged.' },
      { id: 'hashed', text: 'Hashed in the event, so it cannot be read', why: 'CloudTrail does not hash it: the value is there as the caller sent it.' },
      { id: 'nowhere', text: 'Nowhere: KMS discards the context after checking it', why: 'KMS logs it with every call that takes it.' },
    ],
    explanation: 'Everybody who can read the trail can read encryption contexts. Use them to identify (an object ARN, an order id), never to carry secrets.',
    answer: {
      describe: 'makes the web server encrypt with a card number as context and looks for it in the logged event',
      async compute(engine) {
        const state = await run(engine, DAY, { type: 'log-context', ...SECRET });
        const call = state.contextCalls.at(-1);
        const e = state.trail.find((x) => x.eventID === call?.eventID);
        if (!e) return 'nowhere';
        if (encryptionContextOf(e)[SECRET.key] === SECRET.value) return 'plaintext-in-log';
        return JSON.stringify(e).includes(SECRET.value) ? 'hashed' : 'encrypted';
      },
    },
  },
  {
    id: 'events-per-object',
    kind: 'single',
    prompt: 'An application uploads one object to an SSE-KMS bucket, and later one person downloads it once. How many KMS events does CloudTrail hold for that object?',
    refs: ['calls-through-s3'],
    options: [
      { id: '1', text: '1', why: 'The upload and the download each call KMS.' },
      { id: '2', text: '2: GenerateDataKey for the upload, Decrypt for the download', why: 'Right: one KMS call per request, each with the object\'s ARN as context.' },
      { id: '4', text: '4: each S3 request logs a KMS request and a response event', why: 'One call is one event; the response is part of it.' },
      { id: '0', text: '0: calls S3 makes are not logged', why: 'They are logged, under the principal\'s identity, invokedBy S3.' },
    ],
    explanation: 'SSE-KMS costs one KMS call per object upload and per download (S3 Bucket Keys reduce this; not simulated here), and each is one CloudTrail event.',
    answer: {
      describe: 'counts the events whose aws:s3:arn names payroll/2026-10.csv (uploaded once, downloaded once by Alice)',
      async compute(engine) {
        return String(eventsForObject((await run(engine, DAY)).trail, objectArn(HR_BUCKET, PAYROLL_OCTOBER)).length);
      },
    },
  },
  {
    id: 'write-events',
    kind: 'multi',
    prompt: 'Which of these KMS events are logged with readOnly false?',
    refs: ['read-only-and-management'],
    options: [
      { id: 'DisableKey', text: 'DisableKey', why: 'It changes the key\'s state: readOnly false.' },
      { id: 'CreateKey', text: 'CreateKey', why: 'It creates a key: readOnly false.' },
      { id: 'Decrypt', text: 'Decrypt', why: 'It uses a key without changing it: readOnly true.' },
      { id: 'DescribeKey', text: 'DescribeKey', why: 'It reads the key\'s metadata: readOnly true.' },
    ],
    explanation: 'readOnly splits changes from uses and reads. All of them are management events: KMS has no data events.',
    answer: {
      describe: 'reads the readOnly field of each event name in the replayed day',
      async compute(engine) {
        const trail = (await run(engine, DAY)).trail;
        return ['DisableKey', 'CreateKey', 'Decrypt', 'DescribeKey'].filter((name) => trail.some((e) => e.eventName === name && !e.readOnly));
      },
    },
  },
  {
    id: 'data-events',
    kind: 'single',
    prompt: 'A trail records management events only, no data events. Which KMS calls does it record?',
    refs: ['read-only-and-management'],
    options: [
      { id: 'all', text: 'All of them, Encrypt and Decrypt included: every KMS event is a management event', why: 'Right: KMS has no data events.' },
      { id: 'management-only', text: 'Only key management calls such as CreateKey and DisableKey', why: 'Cryptographic calls are management events too.' },
      { id: 'none', text: 'None: KMS events are data events', why: 'KMS events have eventCategory Management.' },
    ],
    explanation: 'Every KMS event is a management event (eventCategory Management). To keep KMS\'s high-volume calls out of a trail, exclude KMS events from its management events.',
    answer: {
      describe: 'checks eventCategory and managementEvent of every event of the replayed day',
      async compute(engine) {
        const trail = (await run(engine, DAY)).trail;
        if (trail.every((e) => e.managementEvent && e.eventCategory === 'Management')) return 'all';
        return trail.some((e) => e.eventCategory === 'Management') ? 'management-only' : 'none';
      },
    },
  },
  {
    id: 'alarm-on-deletion',
    kind: 'single',
    prompt: 'Security wants to be told at once when anyone schedules a KMS key for deletion. What is the usual way?',
    refs: ['beyond-the-event-history'],
    options: [
      { id: 'eventbridge', text: 'An EventBridge rule matching the KMS CloudTrail event ScheduleKeyDeletion, with an SNS target', why: 'Right: CloudTrail events reach EventBridge; a rule on the eventName notifies within moments. A CloudWatch Logs metric filter on a trail also works.' },
      { id: 'key-policy', text: 'A key policy condition that emails security', why: 'Key policies allow or deny; they do not notify anyone.' },
      { id: 'athena', text: 'A daily Athena query over the trail', why: 'It finds the event, but a day late: not "at once".' },
      { id: 'config', text: 'Nothing: KMS refuses ScheduleKeyDeletion without a second approval', why: 'KMS has no approval step; the 7–30 day waiting period is the safety net.' },
    ],
    explanation: 'Alert on the events that take a key away (ScheduleKeyDeletion, DisableKey, PutKeyPolicy) with EventBridge; query history with Athena or CloudTrail Lake. Neither is simulated in this lesson.',
    answer: 'eventbridge',
  },
]);
