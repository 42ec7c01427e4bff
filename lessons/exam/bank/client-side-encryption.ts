/**
 * Practice exam, fixed questions on client-side encryption (lesson 03): why the encrypted data key must
 * travel with the data, detecting swapped objects with the encryption context, several recipients for
 * one file, what client-side encryption adds over SSE-KMS, and the plaintext data key's lifetime.
 */
import { defineExamQuestions } from '../../../src/lessons/exam/types';

const about = { topic: 'client-side-encryption', lessonId: 'client-side-encryption' } as const;

export default defineExamQuestions([
  {
    ...about,
    id: 'cse-lost-encrypted-data-keys',
    kind: 'single',
    prompt:
      'An application encrypts files client-side with data keys from KMS and uploads the ciphertext to S3, but stores each encrypted data key in a separate DynamoDB table. The table is deleted by mistake and has no backup. The KMS key is intact and the application still has kms:Decrypt. What can be recovered?',
    refs: ['envelope-layout', 'encrypt-before-upload'],
    options: [
      {
        id: 'rotation-history',
        text: 'All of them: ListKeyRotations exposes the backing keys, which can decrypt the files',
        why: 'Backing key material never leaves KMS, and it did not encrypt the files in any case.',
      },
      {
        id: 'kms-decrypts-files',
        text: 'All of them: call KMS Decrypt on each S3 object',
        why: 'The objects were encrypted locally with AES and a data key; they are not KMS ciphertext blobs (and most exceed KMS\'s size limits anyway).',
      },
      {
        id: 'regenerate',
        text: 'All of them: GenerateDataKey with the same KMS key and encryption context returns the same data keys',
        why: 'Every GenerateDataKey returns a fresh random key; the old ones cannot be generated again.',
      },
      {
        id: 'nothing',
        text: 'None of the files: each was encrypted with a data key that now exists nowhere, and the KMS key never encrypted the files themselves',
        why: 'Right: KMS can only decrypt an encrypted data key it is given. Without it there is no way back to the data key, and so to the file.',
      },
    ],
    answer: 'nothing',
    explanation:
      'That is why envelope formats store the encrypted data key inside the object, beside the ciphertext: the two are useless apart. Keep them together, or back up whatever holds the encrypted data keys as carefully as the data.',
  },
  {
    ...about,
    id: 'cse-swapped-objects',
    kind: 'single',
    prompt:
      'An application encrypts each report client-side with the encryption context {"file": "<S3 object key>"} and checks nothing else on read. An attacker with write access to the bucket, but no KMS permissions, copies the encrypted object payroll-2026-10.csv over payroll-2026-11.csv. What happens when the application reads payroll-2026-11.csv?',
    refs: ['encryption-context', 'your-own-text'],
    options: [
      {
        id: 'invalid-ciphertext',
        text: 'KMS Decrypt fails with InvalidCiphertextException, because the application passes file=payroll-2026-11.csv and the data key was bound to payroll-2026-10.csv',
        why: 'Right: the context is authenticated with the encrypted data key, so a file that is not what its name claims is refused.',
      },
      {
        id: 'access-denied',
        text: 'KMS returns AccessDeniedException because the attacker copied the object',
        why: 'KMS checks the caller, which is the application, and it is allowed; it knows nothing about who wrote the object to S3.',
      },
      {
        id: 'garbled',
        text: 'The decryption succeeds but returns random bytes',
        why: 'Authenticated encryption does not return wrong plaintext; it refuses.',
      },
      {
        id: 'october-data',
        text: 'It silently reads October\'s figures as November\'s',
        why: 'That is what would happen without a context naming the file; here the context makes the substitution fail.',
      },
    ],
    answer: 'invalid-ciphertext',
    explanation:
      'Encryption stops reading, not swapping: an attacker who can write can move valid ciphertext around. Binding each data key to the object\'s identity with the encryption context turns such a swap into a refused decryption, and the refusal is visible in CloudTrail.',
  },
  {
    ...about,
    id: 'cse-two-recipients',
    kind: 'single',
    prompt:
      'A 2 GB file must be readable by two teams, each allowed to use only its own KMS key (key A and key B). The file must be encrypted once and stored once. How?',
    refs: ['choose-recipient', 'envelope-layout'],
    options: [
      {
        id: 'wrap-twice',
        text: 'Encrypt the file once with one data key, then store two encrypted copies of that data key: one from GenerateDataKey under key A, one from Encrypt of the plaintext data key under key B',
        why: 'Right: each team decrypts its own copy of the data key with its own KMS key. This is what the AWS Encryption SDK does with a keyring of several KMS keys.',
      },
      {
        id: 'reencrypt-file',
        text: 'Encrypt the file under key A, then call ReEncrypt on the file to add key B',
        why: 'ReEncrypt works on KMS ciphertext blobs of at most a few KB, and it replaces the key rather than adding one.',
      },
      {
        id: 'share-plaintext-key',
        text: 'Generate one data key under key A and send team B the plaintext data key over TLS',
        why: 'A plaintext data key outside KMS and the application is a secret with no access control and no audit trail.',
      },
      {
        id: 'encrypt-twice',
        text: 'Encrypt the file twice, once with a data key from each KMS key, and store both files',
        why: 'That works but stores the file twice and doubles the encryption work, which the requirement rules out.',
      },
    ],
    answer: 'wrap-twice',
    explanation:
      'Envelope encryption separates the data (encrypted once) from who may open it (one encrypted data key per recipient key). Adding a reader means wrapping the same data key once more, not re-encrypting the data.',
  },
  {
    ...about,
    id: 'cse-advantages-over-sse',
    kind: 'multi',
    prompt:
      'Compared with SSE-KMS, which are real advantages of client-side encryption with a KMS key? (Choose two.)',
    refs: ['side-by-side', 'server-tries'],
    options: [
      {
        id: 'through-intermediaries',
        text: 'The data stays encrypted through any proxy or service in between that ends TLS',
        why: 'Correct: TLS protects each hop; client-side encryption protects the data from end to end, whatever carries it.',
      },
      {
        id: 'storage-never-plaintext',
        text: 'The storage service never receives plaintext, so a mistake or compromise on the storage side reveals only ciphertext',
        why: 'Correct: the data is encrypted before it leaves the writer, and only principals allowed to decrypt the data key can read it.',
      },
      {
        id: 'no-kms-calls',
        text: 'It needs no KMS requests',
        why: 'The client still calls GenerateDataKey to write and Decrypt to read; it is the client, not S3, that calls.',
      },
      {
        id: 's3-features',
        text: 'S3 can still read the content for features such as S3 Select',
        why: 'The opposite: S3 holds only ciphertext, so anything that must read the content on the server side cannot work.',
      },
    ],
    answer: ['storage-never-plaintext', 'through-intermediaries'],
    explanation:
      'Client-side encryption moves the point of encryption into the application: nothing downstream ever holds plaintext. The cost is that the application does the work (and the KMS calls), and server-side features that need the content no longer work.',
  },
  {
    ...about,
    id: 'cse-plaintext-key-logged',
    kind: 'single',
    prompt:
      'A client-side encrypting service writes, for debugging, the plaintext data key of each file it encrypts into its application log. Which statement describes the exposure?',
    refs: ['encrypt-before-upload', 'your-own-text'],
    options: [
      {
        id: 'kms-key-exposed',
        text: 'The KMS key is compromised and must be deleted',
        why: 'Data keys are independent random keys; knowing them reveals nothing about the KMS key, and other data stays safe.',
      },
      {
        id: 'files-readable',
        text: 'Anyone who can read the log can decrypt those files without calling KMS, and no CloudTrail event records it',
        why: 'Right: the plaintext data key is all that is needed for the local decryption; KMS and its policies are bypassed entirely.',
      },
      {
        id: 'needs-kms',
        text: 'No exposure: a reader still needs kms:Decrypt to use the data keys',
        why: 'kms:Decrypt is needed to turn an encrypted data key into a plaintext one. A logged plaintext key skips that step.',
      },
      {
        id: 'only-new-files',
        text: 'Only files encrypted after the log was read are at risk',
        why: 'Each logged key opens the file it encrypted, whenever that was.',
      },
    ],
    answer: 'files-readable',
    explanation:
      'The plaintext data key must live only in memory, only as long as the encryption takes, and be erased afterwards. The affected files should be re-encrypted with new data keys; the KMS key itself is not compromised.',
  },
  {
    ...about,
    id: 'cse-who-calls-kms-on-read',
    kind: 'single',
    prompt:
      'With client-side encryption, a reporting role downloads an encrypted object from S3 and opens it. Which principal calls KMS Decrypt, and what does CloudTrail show as the caller?',
    refs: ['audit-trail', 'choose-recipient'],
    options: [
      {
        id: 's3-on-behalf',
        text: 'S3, on the role\'s behalf; CloudTrail shows invokedBy s3.amazonaws.com',
        why: 'That is SSE-KMS. With client-side encryption S3 cannot decrypt anything, so it calls KMS for nothing.',
      },
      {
        id: 'no-call',
        text: 'Nobody: the data key is in the object\'s metadata in plaintext',
        why: 'The object\'s header holds the encrypted data key; turning it into a usable key always takes a KMS Decrypt.',
      },
      {
        id: 'reader-itself',
        text: 'The reporting role itself, directly; CloudTrail shows the role, with no S3 service involved in the call',
        why: 'Right: S3 only returned bytes. The reader sent the encrypted data key to KMS with its own credentials.',
      },
      {
        id: 's3-service-role',
        text: 'S3, with its own service role',
        why: 'S3 does not call KMS at all for client-side encrypted objects.',
      },
    ],
    answer: 'reader-itself',
    explanation:
      'Who calls KMS is the visible difference between the two models: with SSE-KMS, S3 calls on your behalf (and kms:ViaService is set); with client-side encryption, your application calls directly, and an s3.*.amazonaws.com ViaService condition would not match.',
  },
  {
    ...about,
    id: 'cse-verify-context-from-header',
    kind: 'single',
    prompt:
      'An application decrypts S3 objects written with the AWS Encryption SDK, whose messages carry their encryption context in the header; the SDK passes that context to KMS on decrypt. A writer with bucket access could replace invoices/0042 with the valid message of invoices/0007. What should the reading code do?',
    refs: ['encryption-context', 'side-by-side'],
    options: [
      {
        id: 'trust-header',
        text: 'Nothing more: KMS refuses any message whose context was changed',
        why: 'The swapped message was not changed: its header holds its own, genuine context (invoices/0007), so KMS decrypts it.',
      },
      {
        id: 'disable-context',
        text: 'Encrypt without an encryption context, so there is nothing to compare',
        why: 'That removes the only thing that ties a message to its identity; swaps would pass silently.',
      },
      {
        id: 'check-context',
        text: 'After decrypting, check that the returned encryption context contains the pairs it expects, such as invoice=0042, and reject the message otherwise',
        why: 'Right: the context proves which message this is only if the reader compares it with what it asked for.',
      },
      {
        id: 'check-key-only',
        text: 'Check only that the KMS key that decrypted the data key is the expected one',
        why: 'Both invoices were encrypted under the same key; the key check cannot tell them apart.',
      },
    ],
    answer: 'check-context',
    explanation:
      'When the context travels inside the message, KMS checks that the message is intact, not that it is the one you wanted. Either pass the expected context yourself (as the raw KMS calls in this lesson do) or verify the context the SDK returns; the SDK documentation recommends the check.',
  },
]);
