/**
 * Exam-style questions on client-side encryption. Where the scenario can answer (who called KMS,
 * what the server received, which exception, allowed or denied, where plaintext existed), the
 * answer is computed by running it, so the quiz cannot disagree with what the lesson shows.
 */
import { defineQuiz, type QuizEngine, type ScenarioEvent } from '../../src/lessons/types';
import type { SimEvent } from '../../src/sim/core/events';
import { BOB_ARN, DOCUMENT_KEY, HR_APP_ARN, PAYROLL_ARN, STORAGE_ADMIN_ARN, type ClientSideEncryptionState } from './scenario';

/** A fresh world with the lesson's seed, after dispatching `events` in order. */
async function run(engine: QuizEngine, ...events: ScenarioEvent[]) {
  const { instance, events: log } = await engine.createScenario();
  for (const event of events) await instance.dispatch(event);
  return { state: instance.state as ClientSideEncryptionState, log };
}

const UPLOAD: ScenarioEvent = { type: 'upload-document' };
const noteIndex = (log: readonly SimEvent[], actor: string, startsWith: string) => log.findIndex((e) => e.type === 'note' && e.actor === actor && e.text.startsWith(startsWith));
const messageIndex = (log: readonly SimEvent[], from: string, to: string, label: string) => log.findIndex((e) => e.type === 'message' && e.from === from && e.to === to && e.label === label);

export default defineQuiz([
  {
    id: 'who-calls-kms',
    kind: 'single',
    prompt: 'An application encrypts a file with client-side envelope encryption under a KMS key, then uploads it to S3. Which KMS call is made for the upload, and by whom?',
    refs: ['encrypt-before-upload'],
    options: [
      { id: 'app-generate-data-key', text: 'GenerateDataKey, by the application itself', why: 'Right: the application needs a data key before it can encrypt, and asks KMS for it with its own identity.' },
      { id: 's3-generate-data-key', text: 'GenerateDataKey, by S3 on the application\'s behalf', why: 'That is SSE-KMS. With client-side encryption S3 receives ciphertext and never calls KMS for it.' },
      { id: 'app-encrypt', text: 'Encrypt, by the application, sending the whole file to KMS', why: 'KMS Encrypt takes at most 4 KB and would send the data to KMS. Envelope encryption encrypts locally with a data key.' },
      { id: 'none', text: 'None: the application encrypts with the KMS key it downloaded', why: 'A symmetric KMS key never leaves KMS unencrypted. The application only ever holds data keys.' },
    ],
    answer: {
      describe: 'uploads the salary review and reads who made the KMS calls CloudTrail recorded',
      async compute(engine) {
        const { state, log } = await run(engine, UPLOAD, { type: 'show-audit' });
        const toKms = log.filter((e) => e.type === 'message' && e.to === 'kms').map((e) => (e.type === 'message' ? `${e.from} ${e.label}` : ''));
        if (state.audit?.byS3) return 's3-generate-data-key';
        if (toKms.length === 0) return 'none';
        return toKms.length === 1 && toKms[0] === 'app kms:GenerateDataKey' && state.audit?.callers[0] === HR_APP_ARN ? 'app-generate-data-key' : 'app-encrypt';
      },
    },
    explanation: 'Client-side envelope encryption: the application calls GenerateDataKey with its own credentials (it needs kms:GenerateDataKey), encrypts locally, erases the plaintext data key and uploads the ciphertext with the encrypted data key.',
  },
  {
    id: 'upload-order',
    kind: 'order',
    prompt: 'Put the client-side encryption of an upload in order.',
    refs: ['encrypt-before-upload'],
    items: [
      { id: 'put', text: 'The app sends the envelope to S3 over TLS', why: 'Last: nothing leaves the app until the data is encrypted.' },
      { id: 'gdk', text: 'The app calls GenerateDataKey', why: 'First: the app needs a data key before it can encrypt anything.' },
      { id: 'pack', text: 'The app packs the encrypted data key, the context and the ciphertext into one envelope', why: 'After encryption: the reader will need the encrypted data key and the context to ask KMS.' },
      { id: 'encrypt', text: 'The app encrypts the file locally with the plaintext data key, then erases that key', why: 'Between the data key and the envelope: use the plaintext key, keep only its encrypted copy.' },
    ],
    answer: {
      describe: 'uploads the salary review and orders these moments by where they appear in the event log',
      async compute(engine) {
        const { log } = await run(engine, UPLOAD);
        const at: Record<string, number> = {
          gdk: messageIndex(log, 'app', 'kms', 'kms:GenerateDataKey'),
          encrypt: noteIndex(log, 'app', 'encrypts the salary review locally'),
          pack: noteIndex(log, 'app', 'packs one'),
          put: messageIndex(log, 'app', 's3', 'Application data'),
        };
        if (Object.values(at).some((i) => i === -1)) throw new Error(`a moment of the upload is missing: ${JSON.stringify(at)}`);
        return Object.keys(at).sort((a, b) => at[a] - at[b]);
      },
    },
    explanation: 'The data becomes ciphertext inside the application, before any network message: data key, local encryption, erase the plaintext key, envelope, upload.',
  },
  {
    id: 'server-receives',
    kind: 'single',
    prompt: 'With client-side encryption, what does S3 hold after it decrypts the TLS record of the upload?',
    refs: ['envelope-layout', 'your-own-text'],
    options: [
      { id: 'envelope', text: 'Ciphertext, the encrypted data key and a readable encryption context', why: 'Right: TLS ends at S3, but what it protected was already ciphertext. Only the header is readable.' },
      { id: 'plaintext', text: 'The plaintext file, which S3 then encrypts at rest', why: 'That is server-side encryption. Here the file was encrypted before it left the app.' },
      { id: 'plaintext-key', text: 'Ciphertext and the plaintext data key, so S3 can serve reads', why: 'The plaintext data key never leaves the app: it is erased right after use.' },
      { id: 'nothing-readable', text: 'Nothing readable at all, not even the key ARN or the context', why: 'The header is readable on purpose: a reader needs the key ARN and the context to ask KMS. Keep secrets out of the context.' },
    ],
    answer: {
      describe: 'encrypts and uploads text, then reads the searches of what S3 received and of its disk, and the envelope\'s layout',
      async compute(engine) {
        const { state } = await run(engine, UPLOAD, { type: 'upload-own', text: 'Bonus pool 2026 is 1.1M GBP' }, { type: 'show-envelope' });
        const own = state.sealed.at(-1);
        if (!own?.uploaded) throw new Error('the upload failed');
        if (own.foundAtServer) return 'plaintext';
        const readable = (state.layout ?? []).filter((r) => r.readable).map((r) => r.part);
        return readable.includes('header') ? 'envelope' : 'nothing-readable';
      },
    },
    explanation: 'The encryption context and the key ARN travel in the clear with the ciphertext; the data and the data key do not. S3 stores an object it does not know is encrypted.',
  },
  {
    id: 'storage-admin',
    kind: 'single',
    prompt: 'A role with s3:* on a bucket and no KMS permissions downloads a client-side encrypted object and sends its encrypted data key to KMS Decrypt. The KMS key\'s policy is the default one (it delegates to IAM). What happens?',
    refs: ['server-tries'],
    options: [
      { id: 'access-denied', text: 'AccessDeniedException: no identity-based policy allows kms:Decrypt', why: 'Right: full control of the bucket gives the bytes, not the key. KMS checks the caller\'s permissions on the key.' },
      { id: 'plaintext', text: 'KMS returns the data key: s3:* includes the object\'s keys', why: 'S3 permissions say nothing about KMS keys. kms:Decrypt must be allowed separately.' },
      { id: 'invalid-ciphertext', text: 'InvalidCiphertextException', why: 'The blob and its context are intact, so KMS gets as far as the authorization, and refuses there.' },
      { id: 's3-decrypts', text: 'The download already returned plaintext: S3 decrypts it', why: 'S3 only removes its own SSE layer. The client-side encryption is opaque to S3.' },
    ],
    answer: {
      describe: 'uploads the file, lets the storage administrator download it and call Decrypt, and reads KMS\'s answer',
      async compute(engine) {
        const { state } = await run(engine, UPLOAD, { type: 'admin-tries' });
        const attempt = state.adminAttempts.at(-1);
        if (!attempt) throw new Error('no attempt happened');
        if (attempt.searches.some((s) => s.found)) return 's3-decrypts';
        if (attempt.kmsAnswer === 'allowed') return 'plaintext';
        return attempt.kmsAnswer === 'AccessDeniedException' && attempt.kmsMessage?.endsWith('because no identity-based policy allows the kms:Decrypt action') ? 'access-denied' : 'invalid-ciphertext';
      },
    },
    explanation: 'With client-side encryption, the storage side holds ciphertext and an encrypted data key. Whether anyone can read it is decided by the KMS key\'s policies and the caller\'s IAM policies, and nothing else.',
  },
  {
    id: 'recipient-permission',
    kind: 'single',
    prompt: 'A second application must read files that another application encrypted client-side under a KMS key and stored in S3. Besides s3:GetObject, what does it need?',
    refs: ['choose-recipient'],
    options: [
      { id: 'kms-decrypt', text: 'kms:Decrypt on the KMS key', why: 'Right: it must turn the stored encrypted data key back into a data key, and only KMS can, for a caller it allows.' },
      { id: 'nothing', text: 'Nothing: s3:GetObject returns the file decrypted', why: 'S3 does not know the object is encrypted and returns the ciphertext as it was uploaded.' },
      { id: 'generate-data-key', text: 'kms:GenerateDataKey on the KMS key', why: 'GenerateDataKey makes a new data key for encrypting. Reading existing data needs the stored data key decrypted.' },
      { id: 'shared-data-key', text: 'The plaintext data key, sent to it by the first application', why: 'The plaintext data key was erased after use. The encrypted copy in the object, plus kms:Decrypt, is how readers get it.' },
    ],
    answer: {
      describe: 'sends the file to Bob (no KMS permissions) and to the payroll app (kms:Decrypt), and compares the outcomes',
      async compute(engine) {
        const { state } = await run(engine, UPLOAD, { type: 'deliver', recipient: 'bob' }, { type: 'deliver', recipient: 'payroll-app' });
        const bob = state.openings.find((o) => o.by === BOB_ARN);
        const payroll = state.openings.find((o) => o.by === PAYROLL_ARN);
        if (!bob || !payroll) throw new Error('a delivery did not happen');
        if (bob.outcome === 'decrypted') return 'nothing';
        return !bob.hadDecrypt && payroll.hadDecrypt && payroll.outcome === 'decrypted' ? 'kms-decrypt' : 'generate-data-key';
      },
    },
    explanation: 'Encrypting needs kms:GenerateDataKey; reading needs kms:Decrypt on the key that encrypted the data key. Granting or withholding kms:Decrypt is how you choose who can read.',
  },
  {
    id: 'wrong-context',
    kind: 'single',
    prompt: 'A reader with kms:Decrypt calls Decrypt on an encrypted data key, but passes an encryption context different from the one used when the data key was generated. What does KMS return?',
    refs: ['encryption-context'],
    options: [
      { id: 'invalid-ciphertext', text: 'InvalidCiphertextException', why: 'Right: the context is bound to the ciphertext as additional authenticated data, so a different one fails the integrity check.' },
      { id: 'access-denied', text: 'AccessDeniedException', why: 'The reader is allowed to call Decrypt. The failure is about the ciphertext, not the permission.' },
      { id: 'ignored', text: 'The data key: the context is only logged, not checked', why: 'KMS checks it cryptographically. It must match exactly, in any order.' },
      { id: 'wrong-key', text: 'A different, wrong data key', why: 'KMS never returns garbage: authenticated encryption either verifies or fails.' },
    ],
    answer: {
      describe: 'lets the storage administrator store the salary review\'s envelope under another name, has the payroll app open it with that name\'s context, and reads the exception',
      async compute(engine) {
        const { state } = await run(engine, UPLOAD, { type: 'swap-object' });
        const opening = state.openings.at(-1);
        if (!opening || opening.contextMatched) throw new Error('no mismatched opening happened');
        if (opening.outcome === 'decrypted') return 'ignored';
        return opening.outcome === 'InvalidCiphertextException' ? 'invalid-ciphertext' : 'access-denied';
      },
    },
    explanation: 'The encryption context is not secret, but it is binding: Decrypt must present exactly the same pairs or fail with InvalidCiphertextException (whose message AWS leaves empty). Checking the expected context catches swapped or misfiled data.',
  },
  {
    id: 'audit-record',
    kind: 'multi',
    prompt: 'Client-side encryption as in this lesson: one upload, a refused Decrypt by the storage administrator, and a successful Decrypt by the payroll app. Which are true of CloudTrail? Choose all that apply.',
    refs: ['audit-trail'],
    options: [
      { id: 'app-gdk', text: 'It records GenerateDataKey by the uploading application\'s role', why: 'Correct: the application called KMS itself.' },
      { id: 'admin-denied', text: 'It records the storage administrator\'s refused Decrypt', why: 'Correct: refusals are recorded as carefully as successes.' },
      { id: 'context-logged', text: 'Each record carries the encryption context, naming the file', why: 'Correct: the context is logged in the clear, so every decryption can be traced to a file.' },
      { id: 's3-calls', text: 'It records S3\'s Decrypt calls with invokedBy s3.amazonaws.com', why: 'No: S3 never calls KMS for client-side encrypted objects. That was SSE-KMS.' },
      { id: 'plaintext', text: 'The Decrypt record contains the data key, for auditors', why: 'No: responseElements is null for cryptographic operations. Keys and plaintext are never logged.' },
    ],
    answer: {
      describe: 'runs the upload, the administrator\'s attempt and the payroll app\'s download, then reads the CloudTrail records',
      async compute(engine) {
        const { state, log } = await run(engine, UPLOAD, { type: 'admin-tries' }, { type: 'deliver', recipient: 'payroll-app' }, { type: 'show-audit' });
        const records = log.filter((e) => e.type === 'note' && e.actor === 'kms' && e.text.startsWith('CloudTrail:'));
        const field = (record: SimEvent, label: string) => (record.type === 'note' ? record.carries?.find((p) => p.label === label)?.preview : undefined);
        const ids: string[] = [];
        if (records.some((r) => r.type === 'note' && r.text.startsWith('CloudTrail: GenerateDataKey') && field(r, 'userIdentity.arn') === HR_APP_ARN)) ids.push('app-gdk');
        if (records.some((r) => r.type === 'note' && r.text.endsWith('AccessDeniedException') && field(r, 'userIdentity.arn') === STORAGE_ADMIN_ARN)) ids.push('admin-denied');
        if (records.length > 0 && records.every((r) => field(r, 'encryptionContext')?.includes(`file = ${DOCUMENT_KEY}`))) ids.push('context-logged');
        if ((state.audit?.byS3 ?? 0) > 0) ids.push('s3-calls');
        if (records.some((r) => r.type === 'note' && r.carries?.some((p) => p.kind === 'key'))) ids.push('plaintext');
        return ids;
      },
    },
    explanation: 'With client-side encryption the KMS records are the clients\' own: who generated data keys, who decrypted which file (by its encryption context), and who was refused. S3 appears nowhere in them.',
  },
  {
    id: 'plaintext-where',
    kind: 'single',
    prompt: 'Compared with SSE-KMS, where does the plaintext of a file exist with client-side encryption?',
    refs: ['side-by-side', 'your-own-text'],
    options: [
      { id: 'clients-only', text: 'Only in the application that encrypts it and in the clients that decrypt it', why: 'Right: the data is ciphertext from the moment it leaves the writer until a permitted reader decrypts it.' },
      { id: 'clients-and-s3', text: 'In the clients and, briefly, inside S3', why: 'That is SSE-KMS: TLS ends at S3 and S3 encrypts. With client-side encryption S3 only sees ciphertext.' },
      { id: 'kms-too', text: 'In the clients and in KMS, which encrypts the file', why: 'KMS never sees the file; it only generates and decrypts the data key.' },
      { id: 'nowhere', text: 'Nowhere: the file is never decrypted', why: 'A permitted reader decrypts it locally; that is the point of sharing it.' },
    ],
    answer: {
      describe: 'runs the lesson\'s story and lists every actor at which the salary review ever appeared in plaintext',
      async compute(engine) {
        const { state } = await run(engine, UPLOAD, { type: 'admin-tries' }, { type: 'deliver', recipient: 'payroll-app' }, { type: 'compare' });
        const seen = state.plaintextSeenBy ?? [];
        if (seen.length === 0) return 'nowhere';
        if (seen.includes('kms')) return 'kms-too';
        return seen.includes('s3') ? 'clients-and-s3' : 'clients-only';
      },
    },
    explanation: 'Both approaches are envelope encryption. Client-side encryption moves it into the application, so only the writer and permitted readers ever hold plaintext.',
  },
  {
    id: 'choose-approach',
    kind: 'single',
    prompt: 'A company stores medical records in S3. Regulations require that the data is encrypted before it leaves the company\'s application, and that neither AWS nor the company\'s own storage administrators can ever access the plaintext. What should it use?',
    refs: ['side-by-side', 'server-tries'],
    options: [
      { id: 'cse-kms', text: 'Client-side encryption with a KMS key, and kms:Decrypt only for the applications that must read', why: 'Right: the data is encrypted before upload, and only principals allowed to decrypt the data key can read it.' },
      { id: 'sse-kms', text: 'SSE-KMS with a customer managed key', why: 'S3 receives and encrypts the plaintext, so the data does not leave the application encrypted.' },
      { id: 'sse-s3', text: 'SSE-S3 with a bucket policy that requires encryption', why: 'S3 holds the keys and decrypts for anyone it lets read the object, storage administrators included.' },
      { id: 'tls', text: 'Require TLS for every request (aws:SecureTransport)', why: 'TLS protects data in transit only; S3 still receives plaintext.' },
    ],
    answer: 'cse-kms',
    explanation: '"Encrypted before it leaves the application" and "the storage side must never see plaintext" are the signatures of client-side encryption. A KMS key still manages the key, and its policies decide the readers.',
  },
  {
    id: 'why-data-key',
    kind: 'single',
    prompt: 'Why does a client that encrypts a 50 MB file use GenerateDataKey and encrypt locally, rather than call KMS Encrypt on the file?',
    refs: ['encrypt-before-upload'],
    options: [
      { id: 'limit-and-locality', text: 'Encrypt accepts at most 4,096 bytes of plaintext, and envelope encryption never sends the data to KMS', why: 'Right: the file would not fit, and local encryption keeps the data in the application and the network traffic to KMS tiny.' },
      { id: 'cheaper-keys', text: 'Data keys are stronger than KMS keys', why: 'Both are AES-256. The difference is where encryption happens, and the size limit.' },
      { id: 'no-permission', text: 'Encrypt needs more permissions than GenerateDataKey', why: 'Each needs its own action on the key; neither is broader.' },
      { id: 'export', text: 'GenerateDataKey exports the KMS key so the client can use it', why: 'The KMS key never leaves KMS. GenerateDataKey returns a new data key, not the KMS key.' },
    ],
    answer: 'limit-and-locality',
    explanation: 'KMS Encrypt is for small secrets (up to 4 KB). For data of any size, envelope encryption uses a data key locally and keeps only the encrypted data key, which is exactly what the client did here.',
  },
]);
