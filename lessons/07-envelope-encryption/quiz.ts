/**
 * Exam-style questions on envelope encryption. Where the scenario can answer (which exception,
 * how many bytes, how many KMS calls, what a response contains, the order of the seal path), the
 * answer is computed by running it, so the quiz cannot disagree with what the lesson shows.
 */
import { defineQuiz, type QuizEngine, type ScenarioEvent } from '../../src/lessons/types';
import type { SimEvent } from '../../src/sim/core/events';
import { monthlyRequestCostUsd } from '../../src/sim/traffic/kms-pricing';
import { ENCRYPT_LIMIT_BYTES, REPORT_CONTEXT_TEXT, type EnvelopeEncryptionState } from './scenario';

/** A fresh world with the lesson's seed, after dispatching `events` in order. */
async function run(engine: QuizEngine, ...events: ScenarioEvent[]) {
  const { instance, events: log } = await engine.createScenario();
  for (const event of events) await instance.dispatch(event);
  return { state: instance.state as EnvelopeEncryptionState, log };
}

const SEAL_REPORT: ScenarioEvent[] = [{ type: 'generate-data-key' }, { type: 'encrypt-locally' }];
const noteIndex = (log: readonly SimEvent[], actor: string, startsWith: string) => log.findIndex((e) => e.type === 'note' && e.actor === actor && e.text.startsWith(startsWith));
const messageIndex = (log: readonly SimEvent[], label: string) => log.findIndex((e) => e.type === 'message' && e.label === label);

export default defineQuiz([
  {
    id: 'encrypt-limit',
    kind: 'single',
    prompt: 'An application calls KMS Encrypt with a symmetric KMS key and a 1 MB file as the plaintext. What happens?',
    refs: ['too-big-for-encrypt'],
    options: [
      { id: 'validation', text: 'ValidationException: the plaintext may be at most 4,096 bytes', why: 'Right: Encrypt accepts 1 to 4,096 bytes of plaintext. Larger data is envelope-encrypted with a data key.' },
      { id: 'chunked', text: 'KMS splits the file into 4 KB chunks and returns one ciphertext', why: 'KMS does no chunking for you. The request is rejected before any encryption.' },
      { id: 'throttled', text: 'ThrottlingException, because the request is too large for the quota', why: 'Quotas count requests per second, not bytes. The size limit is a validation error.' },
      { id: 'encrypted', text: 'It succeeds; only asymmetric keys have a size limit', why: 'RSA keys have smaller limits still, but symmetric Encrypt is limited to 4,096 bytes too.' },
    ],
    answer: {
      describe: 'sends the 1 MB report to Encrypt and reads the exception the engine returns',
      async compute(engine) {
        const { state } = await run(engine, { type: 'try-encrypt' });
        const attempt = state.encryptAttempt;
        if (!attempt) throw new Error('no Encrypt attempt happened');
        if (attempt.code === 'encrypted') return 'encrypted';
        if (attempt.code === 'ThrottlingException') return 'throttled';
        return attempt.code === 'ValidationException' && attempt.message.endsWith(`less than or equal to ${ENCRYPT_LIMIT_BYTES}`) ? 'validation' : 'chunked';
      },
    },
    explanation: 'KMS Encrypt, Decrypt and ReEncrypt work on at most 4 KB of data. For anything larger, and for speed and cost even below that, ask KMS for a data key and encrypt locally.',
  },
  {
    id: 'data-key-forms',
    kind: 'single',
    prompt: 'GenerateDataKey with KeySpec AES_256 returns which of these?',
    refs: ['data-key'],
    options: [
      { id: 'both', text: 'A 32-byte plaintext data key and the same key encrypted under the KMS key', why: 'Right: Plaintext to use and erase, CiphertextBlob to store beside the data.' },
      { id: 'kms-key', text: 'A copy of the KMS key\'s own key material, encrypted', why: 'The KMS key never leaves KMS. A data key is a new, separate key.' },
      { id: 'encrypted-only', text: 'Only the encrypted data key; Decrypt gives the plaintext', why: 'That is GenerateDataKeyWithoutPlaintext. GenerateDataKey returns both forms.' },
      { id: 'plaintext-only', text: 'Only a 32-byte plaintext key, which KMS remembers', why: 'KMS keeps no data keys. The encrypted copy is the only way back to the key, so the caller stores it.' },
    ],
    answer: {
      describe: 'calls GenerateDataKey and reads the sizes of Plaintext and CiphertextBlob in the response',
      async compute(engine) {
        const { state } = await run(engine, { type: 'generate-data-key' });
        const key = state.dataKey;
        if (!key) throw new Error('no data key was generated');
        if (key.plaintextBytes === 32 && key.ciphertextBlobBytes > 0) return 'both';
        return key.plaintextBytes === 0 ? 'encrypted-only' : 'plaintext-only';
      },
    },
    explanation: 'GenerateDataKey returns the data key twice: Plaintext (32 bytes for AES_256) to encrypt with and erase, and CiphertextBlob, the same key encrypted under the KMS key with the encryption context bound to it, to store with the data.',
  },
  {
    id: 'seal-order',
    kind: 'order',
    prompt: 'Put envelope encryption of a file in order.',
    refs: ['data-key', 'encrypt-locally'],
    items: [
      { id: 'store', text: 'Store the encrypted data key together with the ciphertext', why: 'Last: the reader needs both, so they travel together.' },
      { id: 'erase', text: 'Erase the plaintext data key from memory', why: 'Right after the encryption: the plaintext key is no longer needed, and the encrypted copy remains.' },
      { id: 'gdk', text: 'Call GenerateDataKey for the KMS key', why: 'First: nothing can be encrypted without a data key.' },
      { id: 'encrypt', text: 'Encrypt the file locally with the plaintext data key', why: 'Second: AES-256-GCM in the application, no KMS call and no size limit.' },
    ],
    answer: {
      describe: 'seals the report and orders these moments by where they appear in the event log',
      async compute(engine) {
        const { log } = await run(engine, ...SEAL_REPORT);
        const at: Record<string, number> = {
          gdk: messageIndex(log, 'kms:GenerateDataKey'),
          encrypt: noteIndex(log, 'app', 'encrypts all'),
          erase: noteIndex(log, 'app', 'erases the plaintext data key'),
          store: messageIndex(log, 'store envelope'),
        };
        if (Object.values(at).some((i) => i === -1)) throw new Error(`a moment of the seal is missing: ${JSON.stringify(at)}`);
        return Object.keys(at).sort((a, b) => at[a] - at[b]);
      },
    },
    explanation: 'Data key, local encryption, erase the plaintext key, store the encrypted key beside the ciphertext. The only KMS call is the first.',
  },
  {
    id: 'stored-parts',
    kind: 'multi',
    prompt: 'Which of these does the stored envelope of an envelope-encrypted file contain? Choose all that apply.',
    refs: ['encrypt-locally'],
    options: [
      { id: 'edk', text: 'The encrypted data key', why: 'Correct: without it no reader could get the data key back from KMS.' },
      { id: 'iv', text: 'The IV used for AES-GCM', why: 'Correct: the reader needs it, and it is not secret.' },
      { id: 'tag', text: 'The authentication tag', why: 'Correct: it lets the reader detect any change to the ciphertext.' },
      { id: 'plaintext-key', text: 'The plaintext data key, so readers can skip KMS', why: 'No: anyone holding the bytes could then decrypt them. The plaintext key is erased.' },
      { id: 'kms-key', text: 'The KMS key, encrypted', why: 'No: the KMS key never leaves KMS. Only its ARN appears, in the readable header.' },
    ],
    answer: {
      describe: 'seals the report, reads the stored envelope\'s layout and searches its bytes for the plaintext data key',
      async compute(engine) {
        const { state } = await run(engine, ...SEAL_REPORT);
        const report = state.report;
        if (!report) throw new Error('nothing was stored');
        const parts = new Set(report.layout.map((r) => r.part));
        const ids: string[] = [];
        if (parts.has('encrypted data key')) ids.push('edk');
        if (parts.has('IV')) ids.push('iv');
        if (parts.has('authentication tag')) ids.push('tag');
        if (report.containsDataKey) ids.push('plaintext-key');
        return ids;
      },
    },
    explanation: 'An envelope holds everything a reader needs except the one thing only KMS can give: the encrypted data key, the IV, the ciphertext and its tag, and (readable) the key ARN and encryption context.',
  },
  {
    id: 'kms-sees',
    kind: 'single',
    prompt: 'A 1 MB envelope-encrypted file is read back. How much of the file does KMS receive?',
    refs: ['open-envelope', 'seal-your-own'],
    options: [
      { id: 'none', text: 'None of it: KMS receives the encrypted data key and the encryption context, a few hundred bytes', why: 'Right: the file is decrypted locally with the data key KMS returns.' },
      { id: 'all', text: 'All of it: KMS decrypts the file and returns the plaintext', why: 'That is what Decrypt does for data under 4 KB encrypted with Encrypt. Envelope encryption decrypts locally.' },
      { id: 'first-4k', text: 'The first 4 KB, to check the key', why: 'No part of the file goes to KMS; only the encrypted data key does.' },
      { id: 'tag', text: 'Only the 16-byte authentication tag', why: 'The tag is checked locally by AES-GCM. KMS sees the encrypted data key only.' },
    ],
    answer: {
      describe: 'seals the report, opens it with the right context and measures the Decrypt request KMS received',
      async compute(engine) {
        const { state } = await run(engine, ...SEAL_REPORT, { type: 'open-report', context: REPORT_CONTEXT_TEXT });
        const opening = state.openings.at(-1);
        if (!opening || opening.outcome !== 'decrypted') throw new Error('the report did not open');
        if (opening.kmsRequestBytes >= 1024 * 1024) return 'all';
        return opening.kmsRequestBytes < 1000 && opening.intact ? 'none' : 'first-4k';
      },
    },
    explanation: 'Both directions keep the data out of KMS: GenerateDataKey and Decrypt carry only keys and context. That is why envelope encryption works for any size and keeps KMS out of the data path.',
  },
  {
    id: 'wrong-context',
    kind: 'single',
    prompt: 'A data key was generated with the encryption context purpose=quarterly-report, file=reports/q3-results.csv. A caller allowed kms:Decrypt passes only purpose=quarterly-report. What does KMS return?',
    refs: ['open-envelope'],
    options: [
      { id: 'invalid-ciphertext', text: 'InvalidCiphertextException', why: 'Right: the context is bound to the ciphertext; every pair must match, and a missing pair is a mismatch.' },
      { id: 'access-denied', text: 'AccessDeniedException', why: 'The caller is allowed to Decrypt. The failure is about the ciphertext and its context.' },
      { id: 'subset-ok', text: 'The data key: a subset of the context is enough', why: 'KMS requires exactly the same pairs (in any order), not a subset.' },
      { id: 'incorrect-key', text: 'IncorrectKeyException', why: 'That is for a KeyId that does not match the key that made the blob. No KeyId was given here.' },
    ],
    answer: {
      describe: 'seals the report, opens it with one pair of its context missing and reads the exception',
      async compute(engine) {
        const { state } = await run(engine, ...SEAL_REPORT, { type: 'open-report', context: 'purpose=quarterly-report' });
        const opening = state.openings.at(-1);
        if (!opening || opening.contextMatched) throw new Error('no mismatched opening happened');
        if (opening.outcome === 'decrypted') return 'subset-ok';
        if (opening.outcome === 'AccessDeniedException') return 'access-denied';
        return opening.outcome === 'InvalidCiphertextException' ? 'invalid-ciphertext' : 'incorrect-key';
      },
    },
    explanation: 'The encryption context is additional authenticated data: Decrypt must be given exactly the pairs used to encrypt, or it fails with InvalidCiphertextException, whose message AWS leaves empty.',
  },
  {
    id: 'calls-per-file',
    kind: 'single',
    prompt: 'An application envelope-encrypts 40 files with a new data key for each, then reads each file back once. How many KMS requests does it make?',
    refs: ['how-many-data-keys'],
    options: [
      { id: '80', text: '80', why: 'Right: 40 GenerateDataKey to write and 40 Decrypt to read.' },
      { id: '40', text: '40', why: 'That counts only the writes. Each read needs a Decrypt of that file\'s data key.' },
      { id: '2', text: '2', why: 'That is one data key reused for all 40 files: one GenerateDataKey and one Decrypt.' },
      { id: '120', text: '120', why: 'The local encryption and decryption make no KMS requests: 2 per file, not 3.' },
    ],
    answer: {
      describe: 'encrypts and reads back 40 files with one data key each and reads CloudTrail\'s count',
      async compute(engine) {
        const { state } = await run(engine, { type: 'encrypt-files', files: 40, strategy: 'per-file' });
        const runOf = state.fileRuns.at(-1);
        if (!runOf?.allRead) throw new Error('the files did not all come back');
        return String(runOf.totalCalls);
      },
    },
    explanation: 'With a data key per file, each write costs one GenerateDataKey and each read one Decrypt. The files themselves never go to KMS.',
  },
  {
    id: 'monthly-cost',
    kind: 'single',
    prompt: 'An application makes 1,000,000 GenerateDataKey requests a day for 30 days, and no other KMS requests. Symmetric requests cost $0.03 per 10,000 after 20,000 free requests a month. What is the monthly request cost?',
    refs: ['how-many-data-keys'],
    options: [
      { id: '89.94', text: '$89.94', why: 'Right: (30,000,000 − 20,000) × $0.03 / 10,000.' },
      { id: '90.00', text: '$90.00', why: 'Close, but the first 20,000 requests each month are free.' },
      { id: '3.00', text: '$3.00', why: 'That is one day\'s requests without the free tier. The question asks for the month.' },
      { id: '0', text: '$0: data keys are free', why: 'Data keys cost nothing to hold, but each request to KMS is billed.' },
    ],
    answer: {
      describe: 'applies the lesson\'s KMS pricing (the same function the many-files step uses) to 30 million requests',
      async compute() {
        return monthlyRequestCostUsd(30 * 1_000_000).toFixed(2);
      },
    },
    explanation: 'KMS bills each request, including GenerateDataKey and Decrypt. Fewer data keys (reuse within limits, as data key caching does) cut both the bill and the request rate against the quota.',
  },
  {
    id: 'key-for-later',
    kind: 'single',
    prompt: 'A control-plane component creates storage containers and must store an encrypted data key with each, but must never see a plaintext key. Another component encrypts data into the containers later. Which operation should the first component call?',
    refs: ['without-plaintext'],
    options: [
      { id: 'gdkwp', text: 'GenerateDataKeyWithoutPlaintext', why: 'Right: it returns only the encrypted data key; the other component calls Decrypt when it needs the key.' },
      { id: 'gdk', text: 'GenerateDataKey, then erase the Plaintext at once', why: 'It would still receive the plaintext key, which the requirement forbids.' },
      { id: 'random', text: 'GenerateRandom, stored as the key', why: 'GenerateRandom bytes are not encrypted under any KMS key; storing them would store a plaintext key.' },
      { id: 'encrypt', text: 'Encrypt, with the data itself', why: 'The data does not exist yet, and Encrypt takes at most 4 KB.' },
    ],
    answer: {
      describe: 'has the provisioner create a container\'s data key and reads which fields the response carried',
      async compute(engine) {
        const { state } = await run(engine, { type: 'provision-container' });
        const made = state.withoutPlaintext;
        if (!made) throw new Error('nothing was provisioned');
        return !made.provisionerHeldPlaintext && made.workerSealed && made.workerDecryptCalls === 1 ? 'gdkwp' : 'gdk';
      },
    },
    explanation: 'GenerateDataKeyWithoutPlaintext is GenerateDataKey without the Plaintext field: for data encrypted later, or by a different, more trusted component that calls Decrypt on the stored key.',
  },
  {
    id: 'generate-random',
    kind: 'multi',
    prompt: 'Which are true of KMS GenerateRandom? Choose all that apply.',
    refs: ['generate-random'],
    options: [
      { id: 'no-key', text: 'It takes no KMS key', why: 'Correct: the request has no KeyId; the bytes belong to no key.' },
      { id: 'max-1024', text: 'One call returns at most 1,024 bytes', why: 'Correct: NumberOfBytes is 1 to 1,024; 1,025 is a ValidationException.' },
      { id: 'billed', text: 'Each call is a billed request in the symmetric cryptographic quota', why: 'Correct: it counts like Encrypt or GenerateDataKey.' },
      { id: 'encrypted', text: 'It returns the bytes encrypted under a KMS key', why: 'No: it returns plaintext random bytes (except for a Nitro Enclaves recipient, not covered here).' },
      { id: 'max-4096', text: 'One call returns up to 4,096 bytes', why: 'No: 4,096 is Encrypt\'s plaintext limit. GenerateRandom stops at 1,024.' },
    ],
    answer: {
      describe: 'asks KMS for 12, 32 and 1,025 random bytes and reads what came back and what CloudTrail recorded',
      async compute(engine) {
        const { state } = await run(engine, { type: 'generate-random' });
        const random = state.random;
        if (!random) throw new Error('no random bytes were requested');
        const ids: string[] = [];
        if (!random.keyIdSent) ids.push('no-key');
        if (random.tooMany.numberOfBytes === 1025 && random.tooMany.code === 'ValidationException') ids.push('max-1024');
        else ids.push('max-4096');
        // Every successful call is a CloudTrail-recorded request like any other symmetric one.
        if (random.sizes.length > 0 && (state.calls.GenerateRandom ?? 0) >= random.sizes.length) ids.push('billed');
        return ids;
      },
    },
    explanation: 'GenerateRandom returns 1 to 1,024 cryptographically secure random bytes from KMS, with no key involved. It needs kms:GenerateRandom in an IAM policy and is billed like any symmetric request.',
  },
]);
