/**
 * Exam-style questions on server-side encryption at rest. Where the scenario can answer (how many
 * KMS calls, who made them, which error, what a stolen disk gives away, allowed or denied), the
 * answer is computed by running it, so the quiz cannot disagree with what the lesson shows.
 */
import { defineQuiz, type QuizEngine, type ScenarioEvent } from '../../src/lessons/types';
import type { SimEvent } from '../../src/sim/core/events';
import { APP_SESSION_ARN, REPORT_KEY, type ServerSideEncryptionState } from './scenario';

/** A fresh world with the lesson's seed, after dispatching `events` in order. */
async function run(engine: QuizEngine, ...events: ScenarioEvent[]) {
  const { instance, events: log } = await engine.createScenario();
  for (const event of events) await instance.dispatch(event);
  return { state: instance.state as ServerSideEncryptionState, log };
}

/** The world after the customer managed key took over and the role lost kms:Decrypt. */
const WITHOUT_DECRYPT: ScenarioEvent[] = [{ type: 'upload-report' }, { type: 'use-customer-managed-key' }, { type: 'set-role-decrypt', allowed: false }];


const noteIndex = (log: readonly SimEvent[], actor: string, startsWith: string) => log.findIndex((e) => e.type === 'note' && e.actor === actor && e.text.startsWith(startsWith));
const messageIndex = (log: readonly SimEvent[], from: string, to: string, label: string) => log.findIndex((e) => e.type === 'message' && e.from === from && e.to === to && e.label === label);

export default defineQuiz([
  {
    id: 'upload-kms-calls',
    kind: 'single',
    prompt: 'An application uploads one object with a single PutObject to a bucket whose default encryption is SSE-KMS (S3 Bucket Keys off). Which KMS calls does S3 make for it?',
    refs: ['upload-sse-kms', 'upload-your-own'],
    options: [
      { id: 'one-generate-data-key', text: 'One GenerateDataKey', why: 'Right: S3 asks for one data key per object, encrypts the object with its plaintext form, and stores the encrypted form.' },
      { id: 'one-encrypt', text: 'One Encrypt, sending the object to KMS', why: 'KMS Encrypt takes at most 4 KB and would send the whole object to KMS. S3 encrypts locally with a data key instead.' },
      { id: 'generate-and-decrypt', text: 'GenerateDataKey, then Decrypt to check the result', why: 'A single PutObject needs no Decrypt. (Multipart uploads do call Decrypt, which is why they need kms:Decrypt.)' },
      { id: 'none', text: 'None: S3 caches the KMS key', why: 'The KMS key never leaves KMS, so S3 cannot cache it. Only S3 Bucket Keys reduce the calls, and they are off here.' },
    ],
    answer: {
      describe: 'uploads the report and counts the KMS calls CloudTrail recorded',
      async compute(engine) {
        const { state, log } = await run(engine, { type: 'upload-report' });
        const requests = log.filter((e) => e.type === 'message' && e.to === 'kms').map((e) => (e.type === 'message' ? e.label : ''));
        if (state.kmsApiCalls === 1 && requests.length === 1 && requests[0] === 'kms:GenerateDataKey') return 'one-generate-data-key';
        return requests.includes('kms:Decrypt') ? 'generate-and-decrypt' : 'none';
      },
    },
    explanation: 'SSE-KMS is envelope encryption done by S3: one GenerateDataKey per object (without Bucket Keys), local AES-256-GCM encryption, and the encrypted data key stored with the object.',
  },
  {
    id: 'upload-order',
    kind: 'order',
    prompt: 'Put what happens during an SSE-KMS upload in order.',
    refs: ['upload-sse-kms'],
    items: [
      { id: 'write', text: 'S3 writes the ciphertext and the encrypted data key to disk', why: 'Only after encryption: nothing readable may reach the disk.' },
      { id: 'gdk', text: 'S3 calls GenerateDataKey on the app\'s behalf', why: 'S3 needs a data key before it can encrypt anything.' },
      { id: 'respond', text: 'S3 answers 200 OK with x-amz-server-side-encryption: aws:kms', why: 'Last: the response confirms how the object was stored.' },
      { id: 'tls', text: 'S3 decrypts the TLS record that carries the object', why: 'First: S3 must read the object before it can do anything with it. TLS protected it in transit only.' },
      { id: 'encrypt', text: 'S3 encrypts the object with the plaintext data key, then erases that key', why: 'Between the data key and the disk: use the plaintext key once, keep only the encrypted copy.' },
    ],
    answer: {
      describe: 'uploads the report and orders these moments by where they appear in the event log',
      async compute(engine) {
        const { log } = await run(engine, { type: 'upload-report' });
        const at: Record<string, number> = {
          tls: noteIndex(log, 's3', 'decrypts record #0'),
          gdk: messageIndex(log, 's3', 'kms', 'kms:GenerateDataKey'),
          encrypt: noteIndex(log, 's3', 'encrypts the object with the plaintext data key'),
          write: messageIndex(log, 's3', 'disk', 'write object'),
          respond: messageIndex(log, 's3', 'app', 'Application data'),
        };
        if (Object.values(at).some((i) => i === -1)) throw new Error(`a moment of the upload is missing: ${JSON.stringify(at)}`);
        return Object.keys(at).sort((a, b) => at[a] - at[b]);
      },
    },
    explanation: 'TLS ends at S3, so S3 briefly holds plaintext. It gets a data key from KMS, encrypts, erases the plaintext key, stores ciphertext with the encrypted data key, and only then confirms the upload.',
  },
  {
    id: 'stored-together',
    kind: 'single',
    prompt: 'What does S3 keep on disk for an object encrypted with SSE-KMS?',
    refs: ['stored-layout'],
    options: [
      { id: 'ciphertext-and-encrypted-key', text: 'The ciphertext, with the data key encrypted under the KMS key stored beside it', why: 'Right: the encrypted data key travels with the object, so the object says which KMS key can unlock it.' },
      { id: 'ciphertext-and-plaintext-key', text: 'The ciphertext, with the plaintext data key stored beside it', why: 'That would let anyone who copies the disk decrypt. The plaintext data key is erased right after use.' },
      { id: 'ciphertext-only', text: 'Only the ciphertext: KMS keeps every data key', why: 'KMS does not store data keys. It returns them to the caller, and S3 must keep the encrypted copy.' },
      { id: 'kms-key', text: 'The ciphertext and a copy of the KMS key', why: 'A symmetric KMS key never leaves KMS unencrypted, not even for S3.' },
    ],
    answer: {
      describe: 'uploads the report and reads the parts of the record on the disk',
      async compute(engine) {
        const { state } = await run(engine, { type: 'upload-report' }, { type: 'show-layout' });
        const parts = (state.layout ?? []).map((r) => r.part);
        return parts.includes('encrypted data key') && parts.includes('ciphertext') ? 'ciphertext-and-encrypted-key' : 'ciphertext-only';
      },
    },
    explanation: 'Envelope encryption keeps the wrapped data key with the data it protects. Reading the object then takes two things: the stored bytes, and permission to call Decrypt on the KMS key.',
  },
  {
    id: 'stolen-disk',
    kind: 'single',
    prompt: 'An attacker copies the disks that hold an S3 bucket encrypted with SSE-KMS, and has AWS credentials of its own, in another account. What can it read?',
    refs: ['stolen-disk'],
    options: [
      { id: 'metadata-only', text: 'Object names, sizes and key ARNs, but none of the contents', why: 'Right: the contents are ciphertext, and KMS refuses to decrypt the stolen data keys for a principal the key policy does not allow.' },
      { id: 'everything', text: 'Everything: the data keys are stored next to the objects', why: 'They are stored encrypted. Only KMS can decrypt them, and only for callers the key\'s policies allow.' },
      { id: 'with-kms', text: 'Everything, by sending the encrypted data keys to KMS Decrypt from its own account', why: 'KMS evaluates the key policy of the key that made the blob. It does not allow the other account, so the call is denied, and recorded.' },
      { id: 'nothing', text: 'Nothing at all, not even object names', why: 'S3 keeps metadata such as names, sizes and the KMS key ARN in the clear. Do not put secrets in object names or encryption contexts.' },
    ],
    answer: {
      describe: 'uploads the report, lets the thief copy the disk, search it and call KMS, and reads what it got',
      async compute(engine) {
        const { state } = await run(engine, { type: 'upload-report' }, { type: 'steal-disk' });
        const theft = state.thefts.at(-1);
        if (!theft) throw new Error('no theft happened');
        if (theft.searches.some((s) => s.found)) return 'everything';
        return theft.kmsAnswer === 'allowed' ? 'with-kms' : 'metadata-only';
      },
    },
    explanation: 'Encryption at rest turns a stolen copy into ciphertext plus wrapped keys. The right to unwrap them lives in KMS, which checks the caller against the key policy on every Decrypt.',
  },
  {
    id: 'who-calls-decrypt',
    kind: 'single',
    prompt: 'An application running as the role report-app downloads an SSE-KMS object. Who calls kms:Decrypt, and as which principal?',
    refs: ['download', 'audit-trail'],
    options: [
      { id: 's3-as-caller', text: 'S3 calls it, as the report-app role session, and CloudTrail shows invokedBy s3.amazonaws.com', why: 'Right: S3 acts on the requester\'s behalf, so KMS checks the requester\'s permissions.' },
      { id: 'app-itself', text: 'The application calls it before sending the GET', why: 'The application only sends an ordinary GET. With server-side encryption S3 does the key work.' },
      { id: 's3-own-role', text: 'S3 calls it with its own service identity', why: 'Then every reader would be allowed. KMS sees the requester\'s identity, which is why the requester needs kms:Decrypt.' },
      { id: 'nobody', text: 'Nobody: S3 keeps the plaintext data key from the upload', why: 'S3 erases the plaintext data key after each use and asks KMS again on every read.' },
    ],
    answer: {
      describe: 'uploads and downloads the report, then reads the Decrypt record\'s userIdentity from CloudTrail',
      async compute(engine) {
        const { state, log } = await run(engine, { type: 'upload-report' }, { type: 'download-report' }, { type: 'show-audit' });
        const decryptRecord = log.find((e) => e.type === 'note' && e.actor === 'kms' && e.text.startsWith('CloudTrail: Decrypt by'));
        if (!state.audit || decryptRecord?.type !== 'note') throw new Error('no Decrypt record was listed');
        const arn = decryptRecord.carries?.find((p) => p.label === 'userIdentity.arn')?.preview;
        const viaS3 = decryptRecord.text.includes('via s3.amazonaws.com');
        if (arn === APP_SESSION_ARN) return viaS3 ? 's3-as-caller' : 'app-itself';
        return 's3-own-role';
      },
    },
    explanation: 'With SSE-KMS, S3 calls KMS with the identity of whoever sent the S3 request. CloudTrail records that principal as userIdentity, and s3.amazonaws.com as invokedBy and sourceIPAddress.',
  },
  {
    id: 'missing-decrypt',
    kind: 'single',
    prompt: 'A role has s3:GetObject on a bucket whose objects are encrypted with a customer managed key. The key policy delegates to IAM, and the role\'s IAM policy allows kms:GenerateDataKey but not kms:Decrypt. What does GetObject return?',
    refs: ['remove-decrypt'],
    options: [
      { id: 'access-denied', text: 'HTTP 403 AccessDenied: the role is not authorized to perform kms:Decrypt on the key', why: 'Right: S3 cannot get the data key, so it returns nothing, and passes on KMS\'s reason.' },
      { id: 'plaintext', text: 'The object: s3:GetObject is enough', why: 'With SSE-KMS every read also needs kms:Decrypt on the key, because S3 decrypts as the caller.' },
      { id: 'ciphertext', text: 'The encrypted bytes, for the role to decrypt itself', why: 'S3 never returns the stored ciphertext of an SSE-KMS object; it returns plaintext or an error.' },
      { id: 'not-found', text: 'HTTP 404 NoSuchKey', why: 'The object exists; it is the KMS permission that is missing.' },
    ],
    answer: {
      describe: 'moves the report to the customer managed key, removes kms:Decrypt from the role, downloads, and reads the error',
      async compute(engine) {
        const { state } = await run(engine, ...WITHOUT_DECRYPT, { type: 'download-report' });
        const last = state.operations.at(-1);
        if (!last || last.kind !== 'get') throw new Error('no download happened');
        if (last.ok) return 'plaintext';
        return last.error?.code === 'AccessDenied' && last.error.kmsError === 'AccessDeniedException' ? 'access-denied' : 'not-found';
      },
    },
    explanation: 'KMS refuses with AccessDeniedException ("… because no identity-based policy allows the kms:Decrypt action"), and S3 answers 403 AccessDenied. The fix is kms:Decrypt on the key, in IAM or in the key policy.',
  },
  {
    id: 'upload-without-decrypt',
    kind: 'single',
    prompt: 'The same role, still without kms:Decrypt, uploads a new object with a single PutObject. What happens?',
    refs: ['remove-decrypt', 'upload-sse-kms'],
    options: [
      { id: 'stored', text: 'The upload succeeds: a single PutObject needs only kms:GenerateDataKey', why: 'Right: S3 only asks for a data key when it writes. It calls Decrypt when someone reads.' },
      { id: 'denied', text: 'The upload fails with AccessDenied', why: 'It would if kms:GenerateDataKey were missing. Decrypt is needed to read, and for multipart uploads.' },
      { id: 'unencrypted', text: 'The upload succeeds, but the object is stored unencrypted', why: 'S3 never falls back to storing plaintext; without a data key it refuses the upload.' },
      { id: 'sse-s3', text: 'The upload succeeds with SSE-S3 instead', why: 'S3 does not switch encryption types on its own; the bucket\'s default is SSE-KMS with the customer managed key.' },
    ],
    answer: {
      describe: 'removes kms:Decrypt from the role, uploads a new object, and reads the result',
      async compute(engine) {
        const { state } = await run(engine, ...WITHOUT_DECRYPT, { type: 'upload-own', text: 'written without kms:Decrypt' });
        const last = state.operations.at(-1);
        if (!last || last.kind !== 'put') throw new Error('no upload happened');
        if (!last.ok) return 'denied';
        return last.sse === 'aws:kms' ? 'stored' : last.sse === 'AES256' ? 'sse-s3' : 'unencrypted';
      },
    },
    explanation: 'Writing needs kms:GenerateDataKey; reading needs kms:Decrypt. A principal can therefore be allowed to write objects it cannot read back, a pattern used for drop boxes and log delivery.',
  },
  {
    id: 'aws-managed-iam',
    kind: 'single',
    prompt: 'Objects in a bucket are encrypted under the AWS managed key aws/s3. A role with s3:GetObject has no kms:Decrypt in any IAM policy. Can it download the objects through S3?',
    refs: ['customer-managed-key', 'audit-trail'],
    options: [
      { id: 'yes-key-policy', text: 'Yes: the key policy of aws/s3 allows every principal of the account to use the key through S3', why: 'Right: that is why aws/s3 cannot narrow who may read. To control reads with KMS permissions, use a customer managed key.' },
      { id: 'no-denied', text: 'No: every SSE-KMS read needs kms:Decrypt in IAM', why: 'Only when the key policy leaves the decision to IAM, as a customer managed key\'s default policy does. aws/s3\'s policy allows the account\'s principals itself.' },
      { id: 'edit-policy', text: 'Only after an administrator adds the role to the aws/s3 key policy', why: 'Nobody can edit the policy of an AWS managed key.' },
      { id: 'no-via-service', text: 'No: kms:ViaService blocks every request that comes from S3', why: 'It is the opposite: aws/s3 allows use only when kms:ViaService is s3.<region>.amazonaws.com.' },
    ],
    answer: {
      describe: 'uploads text under aws/s3, removes kms:Decrypt from the role, downloads it, and reads the result',
      async compute(engine) {
        const { state } = await run(engine, { type: 'upload-own', text: 'stored under aws/s3' }, { type: 'set-role-decrypt', allowed: false }, { type: 'download-own' });
        const last = state.operations.at(-1);
        if (!last || last.kind !== 'get') throw new Error('no download happened');
        return last.ok ? 'yes-key-policy' : 'no-denied';
      },
    },
    explanation: 'The aws/s3 key policy allows kms:Decrypt to any principal of the account when kms:CallerAccount is the account and kms:ViaService is S3. Access then depends on S3 permissions alone; only a customer managed key lets KMS permissions restrict reads.',
  },
  {
    id: 'audit-record',
    kind: 'multi',
    prompt: 'Which of these are true of the CloudTrail record of a Decrypt that S3 made while the role report-app downloaded an object? Choose all that apply.',
    refs: ['audit-trail'],
    options: [
      { id: 'user-is-role', text: 'userIdentity is the report-app role session', why: 'Correct: S3 called KMS on the role\'s behalf.' },
      { id: 'invoked-by-s3', text: 'invokedBy and sourceIPAddress are s3.amazonaws.com', why: 'Correct: that is how CloudTrail shows a call an AWS service made for a principal.' },
      { id: 'object-context', text: 'The encryption context names the object\'s ARN (aws:s3:arn)', why: 'Correct: without S3 Bucket Keys each object has its own context, so each read can be traced to one object.' },
      { id: 'plaintext-logged', text: 'The plaintext data key is in responseElements', why: 'No: responseElements is null for cryptographic operations. CloudTrail never records plaintext or key material.' },
      { id: 'service-principal', text: 'userIdentity is the S3 service principal, not the role', why: 'No: userIdentity is the principal S3 acted for. The service appears in invokedBy.' },
    ],
    answer: {
      describe: 'uploads and downloads the report and reads the Decrypt record CloudTrail kept',
      async compute(engine) {
        const { log } = await run(engine, { type: 'upload-report' }, { type: 'download-report' }, { type: 'show-audit' });
        const record = log.find((e) => e.type === 'note' && e.actor === 'kms' && e.text.startsWith('CloudTrail: Decrypt by assumed-role/report-app'));
        if (record?.type !== 'note') throw new Error('no Decrypt record of the role was listed');
        const field = (label: string) => record.carries?.find((p) => p.label === label)?.preview;
        const ids: string[] = [];
        if (field('userIdentity.arn') === APP_SESSION_ARN) ids.push('user-is-role');
        else ids.push('service-principal');
        if (record.text.includes('via s3.amazonaws.com') && field('sourceIPAddress') === 's3.amazonaws.com') ids.push('invoked-by-s3');
        if (field('encryptionContext aws:s3:arn') === `arn:aws:s3:::example-corp-reports/${REPORT_KEY}`) ids.push('object-context');
        if (record.carries?.some((p) => p.kind === 'key')) ids.push('plaintext-logged');
        return ids;
      },
    },
    explanation: 'A KMS call made by a service for a principal is recorded under the principal\'s identity, with the service in invokedBy. The encryption context is logged in the clear; plaintext and keys never are.',
  },
  {
    id: 'via-service',
    kind: 'single',
    prompt: 'A key policy must let a role use a KMS key only for requests that Amazon S3 makes on its behalf, never by calling KMS directly. Which condition key does that?',
    refs: ['audit-trail'],
    options: [
      { id: 'via-service', text: 'kms:ViaService, with the value s3.<region>.amazonaws.com', why: 'Right: KMS sets it when an AWS service calls on a principal\'s behalf. The policy of aws/s3 uses exactly this condition.' },
      { id: 'caller-account', text: 'kms:CallerAccount', why: 'It limits which account may call, not through which service.' },
      { id: 'source-ip', text: 'aws:SourceIp', why: 'When a service calls KMS for you, the source address is the service\'s, so aws:SourceIp cannot express "through S3".' },
      { id: 'secure-transport', text: 'aws:SecureTransport', why: 'It tests whether the request used TLS, not which service sent it.' },
    ],
    answer: 'via-service',
    explanation: 'kms:ViaService limits a key to requests coming from a named AWS service in a named Region. Combined with kms:CallerAccount it is how AWS managed keys restrict themselves to one service.',
  },
  {
    id: 'sse-s3-calls',
    kind: 'single',
    prompt: 'A bucket uses SSE-S3. An object is uploaded and then downloaded. How many AWS KMS calls does CloudTrail record for the two requests?',
    refs: ['sse-s3'],
    options: [
      { id: 'zero', text: 'None', why: 'Right: with SSE-S3 the keys belong to S3, and KMS is never involved.' },
      { id: 'one', text: 'One GenerateDataKey', why: 'That is SSE-KMS on upload. SSE-S3 makes its data keys itself.' },
      { id: 'two', text: 'Two: GenerateDataKey and Decrypt', why: 'That is SSE-KMS without Bucket Keys. SSE-S3 makes no KMS calls.' },
      { id: 'hidden', text: 'Two, but in S3\'s own account rather than yours', why: 'S3 managed keys are not KMS keys at all; there are no KMS calls to record anywhere.' },
    ],
    answer: {
      describe: 'switches the bucket to SSE-S3, uploads and downloads, and counts the KMS calls in CloudTrail before and after',
      async compute(engine) {
        const { state } = await run(engine, { type: 'switch-to-sse-s3' });
        const sse = state.sseS3;
        if (!sse?.uploaded || !sse.downloaded) throw new Error('the SSE-S3 upload or download failed');
        const calls = sse.kmsCallsAfter - sse.kmsCallsBefore;
        return calls === 0 ? 'zero' : calls === 1 ? 'one' : 'two';
      },
    },
    explanation: 'SSE-S3 encrypts at rest with keys Amazon S3 manages. That is simple and free of KMS charges, but there is no key policy to restrict reads and no per-use audit trail in KMS.',
  },
  {
    id: 'choose-encryption',
    kind: 'single',
    prompt: 'A company must encrypt S3 objects at rest, share them with a partner account, see every use of the key in CloudTrail, and be able to cut off all reads by disabling the key. What should it use?',
    refs: ['customer-managed-key', 'sse-s3'],
    options: [
      { id: 'sse-kms-cmk', text: 'SSE-KMS with a customer managed key', why: 'Right: its key policy can allow the partner account, every use is a KMS call in CloudTrail, and disabling the key stops all decryption.' },
      { id: 'sse-kms-aws-managed', text: 'SSE-KMS with the AWS managed key aws/s3', why: 'Its policy cannot be changed, so it cannot be shared with another account, and it cannot be disabled.' },
      { id: 'sse-s3', text: 'SSE-S3', why: 'No KMS key is involved: no key policy, no per-use audit trail, nothing to disable.' },
      { id: 'tls-only', text: 'Require HTTPS with aws:SecureTransport', why: 'That protects data in transit only; the objects are not encrypted at rest by it.' },
    ],
    answer: 'sse-kms-cmk',
    explanation: 'Only a customer managed key gives control of the key policy (including other accounts), the key\'s state (disable, schedule deletion) and rotation, with every use recorded by KMS.',
  },
  {
    id: 'bucket-keys',
    kind: 'single',
    prompt: 'A busy bucket uses SSE-KMS, and the account is paying for, and being throttled by, millions of KMS requests from S3. What reduces them the most with the least change?',
    refs: ['sse-s3', 'upload-your-own'],
    options: [
      { id: 'bucket-keys', text: 'Enable S3 Bucket Keys on the bucket', why: 'Right: S3 then gets a bucket-level key from KMS and derives object keys from it, cutting KMS requests by up to 99%.' },
      { id: 'aws-managed', text: 'Switch to the AWS managed key aws/s3', why: 'Requests under AWS managed keys are billed and throttled like any other; only the monthly key fee differs.' },
      { id: 'rotation', text: 'Turn off automatic key rotation', why: 'Rotation does not change how many requests S3 makes.' },
      { id: 'multipart', text: 'Upload every object with multipart upload', why: 'Multipart uploads add KMS calls (they also need kms:Decrypt) rather than removing them.' },
    ],
    answer: 'bucket-keys',
    explanation: 'Without Bucket Keys, S3 makes one KMS call per object written or read, as this lesson shows. Bucket Keys are not simulated here; with them, CloudTrail shows the bucket ARN as the encryption context instead of the object ARN.',
  },
]);
