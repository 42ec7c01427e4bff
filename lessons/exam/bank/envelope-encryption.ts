/**
 * Practice exam, fixed questions on envelope encryption (lesson 07): what to encrypt directly and what
 * to envelope, the trade-offs of reusing a data key, a writer that cannot read, data keys of other sizes,
 * one data key for a chunked file and why chunks need more than encryption, the local cipher, and what a
 * leaked data key exposes.
 */
import { defineExamQuestions } from '../../../src/lessons/exam/types';

const about = { topic: 'envelope-encryption', lessonId: 'envelope-encryption' } as const;

export default defineExamQuestions([
  {
    ...about,
    id: 'env-direct-or-envelope',
    kind: 'multi',
    prompt: 'Which of these are suitable for a direct KMS Encrypt call with a symmetric key, rather than envelope encryption? (Choose two.)',
    refs: ['too-big-for-encrypt', 'data-key'],
    options: [
      {
        id: 'customer-record',
        text: 'A 12 KB JSON customer record',
        why: 'Over the limit too. Encrypt refuses it with a ValidationException.',
      },
      {
        id: 'log-file',
        text: 'A 50 MB application log file',
        why: 'Far above the 4,096-byte limit: envelope-encrypt it with a data key.',
      },
      {
        id: 'db-password',
        text: 'A 40-byte database password',
        why: 'Correct: small secrets well under 4,096 bytes are what Encrypt is for.',
      },
      {
        id: 'private-key',
        text: 'A 1,700-byte PEM-encoded RSA private key',
        why: 'Correct: still under 4,096 bytes, so one Encrypt call protects it.',
      },
    ],
    answer: ['db-password', 'private-key'],
    explanation:
      'Encrypt takes 1 to 4,096 bytes and sends them to KMS. Passwords, API keys and other keys fit; anything larger, or of unbounded size, is encrypted locally with a data key that KMS protects.',
  },
  {
    ...about,
    id: 'env-reuse-trade-offs',
    kind: 'multi',
    prompt:
      'To save KMS requests, an application generates one data key at start-up and uses it, with a fresh IV each time, for every file it writes until it restarts days later. What are the consequences? (Choose two.)',
    refs: ['how-many-data-keys'],
    options: [
      {
        id: 'fewer-calls',
        text: 'Far fewer GenerateDataKey requests, so lower cost and less pressure on the request quota',
        why: 'Correct: one call instead of one per file.',
      },
      {
        id: 'per-file-context',
        text: 'Each file can still have its own encryption context naming it',
        why: 'The context is bound to the data key when it is generated; one data key has one context for every file.',
      },
      {
        id: 'kms-refuses',
        text: 'KMS refuses to decrypt a data key that encrypted more than one file',
        why: 'KMS never sees how a data key is used; it only decrypts the encrypted data key it is given.',
      },
      {
        id: 'bigger-blast-radius',
        text: 'If that one plaintext data key leaks, every file written with it can be decrypted',
        why: 'Correct: the key sits in memory for days and opens everything it encrypted.',
      },
    ],
    answer: ['fewer-calls', 'bigger-blast-radius'],
    explanation:
      'One data key per message is the most isolated design; one key for everything is the cheapest. Data key caching sits between the two: reuse within limits of age, number of messages and bytes, per encryption context.',
  },
  {
    ...about,
    id: 'env-writer-cannot-read',
    kind: 'single',
    prompt:
      'An ingestion service writes envelope-encrypted files to S3 under a KMS key; a separate analytics service reads them. Security wants the ingestion service to be unable to decrypt any stored file later. Which KMS permissions should the ingestion role have on the key?',
    refs: ['data-key', 'open-envelope'],
    options: [
      {
        id: 'gdkwp-only',
        text: 'kms:GenerateDataKeyWithoutPlaintext only',
        why: 'Then it never gets a plaintext data key and cannot encrypt anything without also calling Decrypt.',
      },
      {
        id: 'gdk-only',
        text: 'kms:GenerateDataKey only',
        why: 'Right: it receives each new data key in plaintext to encrypt with, but cannot turn a stored encrypted data key back into a plaintext one.',
      },
      {
        id: 'encrypt-only',
        text: 'kms:Encrypt only',
        why: 'Encrypt takes at most 4,096 bytes, so the files themselves cannot be encrypted that way, and it does not make data keys.',
      },
      {
        id: 'gdk-and-decrypt',
        text: 'kms:GenerateDataKey and kms:Decrypt',
        why: 'With kms:Decrypt it could open any stored file, which is what security wants to prevent.',
      },
    ],
    answer: 'gdk-only',
    explanation:
      'GenerateDataKey gives the writer a plaintext key only at the moment it creates one; reading back needs Decrypt. Splitting the two permissions lets a producer write data it can no longer read.',
  },
  {
    ...about,
    id: 'env-64-byte-key',
    kind: 'single',
    prompt:
      'A disk-encryption library needs a 64-byte key (AES-256-XTS uses two 256-bit keys), protected by a KMS key in the usual envelope way. How should the application get it?',
    refs: ['data-key'],
    options: [
      {
        id: 'generate-random',
        text: 'GenerateRandom with NumberOfBytes 64',
        why: 'That returns random bytes with no encrypted copy, so the application would have to call Encrypt as well to store it.',
      },
      {
        id: 'impossible',
        text: 'It cannot: KMS data keys are at most 32 bytes',
        why: '32 bytes is AES_256; with NumberOfBytes a data key can be up to 1,024 bytes.',
      },
      {
        id: 'number-of-bytes',
        text: 'GenerateDataKey with NumberOfBytes 64',
        why: 'Right: NumberOfBytes takes 1 to 1,024 and returns the key both in plaintext and encrypted under the KMS key.',
      },
      {
        id: 'aes-512',
        text: 'GenerateDataKey with KeySpec AES_512',
        why: 'KeySpec has only AES_128 and AES_256; for other sizes use NumberOfBytes.',
      },
    ],
    answer: 'number-of-bytes',
    explanation:
      'GenerateDataKey takes exactly one of KeySpec (AES_128 = 16 bytes, AES_256 = 32 bytes) or NumberOfBytes (1 to 1,024). Either way the response carries the plaintext key and the same key encrypted under the KMS key.',
  },
  {
    ...about,
    id: 'env-chunked-file-calls',
    kind: 'single',
    prompt:
      'A 2 GB file is envelope-encrypted in 1 MiB chunks, all under one data key, and read back once. How many KMS requests does that make?',
    refs: ['your-own-file'],
    options: [
      { id: '2', text: '2: one GenerateDataKey to write and one Decrypt to read', why: 'Right: the chunks are encrypted and decrypted locally with the same data key.' },
      { id: '4096', text: '4,096: one GenerateDataKey and one Decrypt per chunk', why: 'The chunks share one data key; KMS is asked only for that key.' },
      { id: '524288', text: '524,288: one Encrypt per 4 KB', why: 'That would be splitting the file through Encrypt, which envelope encryption avoids.' },
      { id: '1', text: '1: the GenerateDataKey; reading needs no KMS call', why: 'The stored key is encrypted; reading needs a Decrypt to recover the plaintext data key.' },
    ],
    answer: '2',
    explanation:
      'The number of KMS requests depends on how many data keys are made and opened, not on the size of the data: one data key per file means one call to write and one to read, for 2 KB or 2 GB.',
  },
  {
    ...about,
    id: 'env-chunk-order-bound',
    kind: 'single',
    prompt:
      'A file is encrypted in chunks with AES-GCM under one data key. Each chunk gets a random IV but no additional authenticated data. What can an attacker who can edit the stored file do without being detected?',
    refs: ['your-own-file'],
    options: [
      {
        id: 'read',
        text: 'Read the chunks, because GCM without additional data is not confidential',
        why: 'Confidentiality does not depend on additional data; the chunks stay unreadable without the key.',
      },
      {
        id: 'change-bytes',
        text: 'Change bytes inside a chunk',
        why: 'Each chunk\'s tag still catches changes inside it.',
      },
      {
        id: 'reorder-truncate',
        text: 'Reorder chunks or drop the last ones: each chunk still passes its own tag check',
        why: 'Right: every chunk is a valid ciphertext on its own. Binding the chunk number and a last-chunk flag into each chunk (as additional data or in the IV) makes such edits fail.',
      },
      {
        id: 'nothing',
        text: 'Nothing: GCM detects every change to the file',
        why: 'GCM protects each message it encrypted. The order and number of separate messages is outside any one tag.',
      },
    ],
    answer: 'reorder-truncate',
    explanation:
      'Splitting data into separately encrypted pieces creates a new attack surface: the sequence. Formats such as the AWS Encryption SDK\'s framed messages bind each frame\'s number and the final frame into the authenticated data.',
  },
  {
    ...about,
    id: 'env-local-cipher',
    kind: 'single',
    prompt: 'An application encrypts data locally with a KMS data key. Which local encryption should it use?',
    refs: ['encrypt-locally', 'seal-your-own'],
    options: [
      {
        id: 'aes-gcm',
        text: 'AES-256-GCM with a unique IV for every message under the key',
        why: 'Right: authenticated encryption, so tampering is detected, with the 256-bit data key from KeySpec AES_256.',
      },
      {
        id: 'aes-ecb',
        text: 'AES-256-ECB, because it needs no IV',
        why: 'ECB encrypts equal blocks to equal ciphertext, leaking the data\'s structure.',
      },
      {
        id: 'xor',
        text: 'XOR the data with the data key repeated',
        why: 'A repeating-key XOR is broken by simple analysis and has no integrity at all.',
      },
      {
        id: 'aes-cbc',
        text: 'AES-256-CBC with a fixed IV',
        why: 'Unauthenticated, so changes go unnoticed, and a fixed IV reveals when two messages start the same way.',
      },
    ],
    answer: 'aes-gcm',
    explanation:
      'KMS protects the data key; protecting the data is the application\'s job. Use an authenticated mode (AES-GCM) with never-repeating IVs, or let the AWS Encryption SDK choose for you.',
  },
  {
    ...about,
    id: 'env-one-data-key-leaked',
    kind: 'single',
    prompt:
      'An application uses a new data key for every file. One file\'s plaintext data key is found in a crash dump. What is exposed, and what should the team do?',
    refs: ['how-many-data-keys', 'data-key'],
    options: [
      {
        id: 'all-files',
        text: 'Every file under the same KMS key, because data keys are derived from it',
        why: 'Data keys are random, not derived from the KMS key; one reveals nothing about the others.',
      },
      {
        id: 'that-file',
        text: 'Only that file: re-encrypt it with a new data key and fix the crash dump handling; the KMS key and other files are unaffected',
        why: 'Right: each data key is independent and random, so one leaked key opens exactly the data it encrypted.',
      },
      {
        id: 'rotate-fixes',
        text: 'Rotate the KMS key, which makes the leaked data key useless',
        why: 'The leaked key decrypts its file locally, without KMS; rotation changes nothing about that.',
      },
      {
        id: 'delete-kms-key',
        text: 'The KMS key is compromised: schedule its deletion',
        why: 'The KMS key never left KMS. Deleting it would make every other file unreadable for nothing.',
      },
    ],
    answer: 'that-file',
    explanation:
      'Per-file data keys limit the damage of a leak to one file. That isolation is the benefit paid for with one GenerateDataKey per file, and it is what reusing a key for everything gives up.',
  },
]);
