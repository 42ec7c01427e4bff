/**
 * Practice exam, fixed questions on server-side encryption in S3 (lesson 02): which key a request
 * really uses, the KMS permissions of copies and multipart uploads, the encryption context with S3
 * Bucket Keys, cutting off reads, SSE-C, and which threats SSE-KMS answers.
 */
import { defineExamQuestions } from '../../../src/lessons/exam/types';

const about = { topic: 'server-side-encryption', lessonId: 'server-side-encryption' } as const;

export default defineExamQuestions([
  {
    ...about,
    id: 'sse-request-overrides-default',
    kind: 'single',
    prompt:
      'A bucket\'s default encryption is SSE-KMS with key A. A client uploads an object with the headers x-amz-server-side-encryption: aws:kms and x-amz-server-side-encryption-aws-kms-key-id set to key B, which it is allowed to use. Under which key is the object encrypted?',
    refs: ['customer-managed-key', 'upload-sse-kms'],
    options: [
      {
        id: 'both',
        text: 'Both: S3 encrypts with key B, then with key A',
        why: 'Two layers happen only with DSSE-KMS, which is requested explicitly and uses one key for both layers.',
      },
      {
        id: 'rejected',
        text: 'S3 rejects the upload because the key does not match the default',
        why: 'S3 rejects it only if a bucket policy says so; default encryption alone does not.',
      },
      {
        id: 'key-b',
        text: 'Key B: encryption headers in the request take precedence over the bucket default',
        why: 'Right: default encryption applies only to requests that do not specify encryption. To forbid other keys, add a bucket policy that denies PutObject with a different key id.',
      },
      {
        id: 'key-a',
        text: 'Key A: the bucket default always wins',
        why: 'The default is a fallback for requests without encryption headers, not an enforcement mechanism.',
      },
    ],
    answer: 'key-b',
    explanation:
      'Bucket default encryption fills in what a request leaves out. When a team must guarantee that a specific customer managed key is used, it pairs the default with a bucket policy condition on s3:x-amz-server-side-encryption-aws-kms-key-id.',
  },
  {
    ...about,
    id: 'sse-copy-permissions',
    kind: 'multi',
    prompt:
      'An application copies an object (CopyObject, under 5 GB) from a bucket where it is encrypted with SSE-KMS key A into a bucket whose default encryption is SSE-KMS key B. Which KMS permissions does the application\'s role need? (Choose two.)',
    refs: ['download', 'upload-sse-kms'],
    options: [
      {
        id: 'encrypt-b',
        text: 'kms:Encrypt on key B',
        why: 'S3 never sends object data to KMS Encrypt; it encrypts locally with a data key from GenerateDataKey.',
      },
      {
        id: 'decrypt-a',
        text: 'kms:Decrypt on key A',
        why: 'Correct: S3 must decrypt the source object\'s data key, on the role\'s behalf, to read the source.',
      },
      {
        id: 'gdk-b',
        text: 'kms:GenerateDataKey on key B',
        why: 'Correct: the copy is a new object, so S3 asks key B for a fresh data key, as for any upload.',
      },
      {
        id: 'reencrypt',
        text: 'kms:ReEncryptFrom on key A and kms:ReEncryptTo on key B',
        why: 'S3 does not call ReEncrypt for a copy: it decrypts with the source key and generates a new data key under the destination key.',
      },
    ],
    answer: ['decrypt-a', 'gdk-b'],
    explanation:
      'S3 calls KMS on the requester\'s behalf with the requester\'s permissions: Decrypt for every SSE-KMS object it reads, GenerateDataKey for every SSE-KMS object it writes. A copy is a read of one object and a write of another.',
  },
  {
    ...about,
    id: 'sse-multipart-needs-decrypt',
    kind: 'single',
    prompt:
      'A role has kms:GenerateDataKey but not kms:Decrypt on a bucket\'s SSE-KMS key. Small uploads with PutObject work, but `aws s3 cp` of a 2 GB file to the same bucket fails with AccessDenied. Why?',
    refs: ['remove-decrypt', 'upload-sse-kms'],
    options: [
      {
        id: 'size-limit',
        text: 'KMS cannot encrypt objects larger than 4 KB',
        why: 'S3 encrypts the object locally with a data key; KMS only ever sees the data key, whatever the object size.',
      },
      {
        id: 'multipart',
        text: 'The CLI uploads large files with a multipart upload, and multipart uploads to SSE-KMS need kms:Decrypt as well as kms:GenerateDataKey',
        why: 'Right: S3 must decrypt the upload\'s encrypted data key to work with the parts before it completes the upload, so the requester needs kms:Decrypt too.',
      },
      {
        id: 'throttling',
        text: 'The upload makes too many KMS requests and is throttled',
        why: 'Throttling is reported as a throttling error to retry later, not as AccessDenied.',
      },
      {
        id: 'bucket-key',
        text: 'Objects over 1 GB require S3 Bucket Keys',
        why: 'Bucket Keys are an optional cost and quota optimisation, never a size requirement.',
      },
    ],
    answer: 'multipart',
    explanation:
      'A single PutObject needs only kms:GenerateDataKey. A multipart upload, which the CLI and SDK transfer managers use for large files, needs kms:Decrypt as well, because S3 decrypts the upload\'s data key again before it completes the upload.',
  },
  {
    ...about,
    id: 'sse-bucket-key-context',
    kind: 'single',
    prompt:
      'A key policy allows a role to use a KMS key only when kms:EncryptionContext:aws:s3:arn names objects under arn:aws:s3:::example-reports/finance/*. After S3 Bucket Keys are enabled on the bucket, new uploads start failing with AccessDenied. Why?',
    refs: ['upload-sse-kms', 'audit-trail'],
    options: [
      {
        id: 'new-permission',
        text: 'Bucket Keys need the extra permission kms:CreateBucketKey',
        why: 'There is no such KMS action. S3 still calls GenerateDataKey and Decrypt, just far less often.',
      },
      {
        id: 'bucket-arn',
        text: 'With Bucket Keys, S3 asks KMS for a bucket-level key, and the encryption context is the bucket ARN, not the object ARN',
        why: 'Right: the condition no longer matches. Policies that test the context must expect arn:aws:s3:::example-reports when Bucket Keys are on.',
      },
      {
        id: 'aws-managed',
        text: 'Bucket Keys only work with the AWS managed key aws/s3',
        why: 'Bucket Keys work with customer managed keys too; that is their most common use.',
      },
      {
        id: 'no-context',
        text: 'With Bucket Keys, S3 sends no encryption context at all',
        why: 'S3 still sends aws:s3:arn; only its value changes, from the object to the bucket.',
      },
    ],
    answer: 'bucket-arn',
    explanation:
      'Without Bucket Keys each object has its own data key, and the context aws:s3:arn names the object, which also lets CloudTrail tie each Decrypt to one object. With Bucket Keys one KMS data key serves many objects, so the context names the bucket. Update conditions (and log searches) that expect object ARNs.',
  },
  {
    ...about,
    id: 'sse-cut-off-reads',
    kind: 'single',
    prompt:
      'Credentials of a role that can read a bucket encrypted with SSE-KMS under a customer managed key have leaked. The security team wants to stop every read of those objects at once while it investigates, in a way it can undo within minutes. What should it do?',
    refs: ['customer-managed-key', 'remove-decrypt'],
    options: [
      {
        id: 'schedule-deletion',
        text: 'Schedule the key for deletion with a 7-day waiting period',
        why: 'It also blocks use at once, but if nobody cancels in time the data is lost for good. Disabling gives the same effect without that risk.',
      },
      {
        id: 'rotate',
        text: 'Rotate the key on demand',
        why: 'Rotation keeps the old backing key so old objects still decrypt; the leaked role can still read everything.',
      },
      {
        id: 'default-sse-s3',
        text: 'Change the bucket\'s default encryption to SSE-S3',
        why: 'That affects only new uploads; existing objects stay under the KMS key and remain readable.',
      },
      {
        id: 'disable-key',
        text: 'Disable the KMS key',
        why: 'Right: every Decrypt fails with DisabledException, so S3 can return no object encrypted under it, to anyone; EnableKey restores access.',
      },
    ],
    answer: 'disable-key',
    explanation:
      'SSE-KMS with a customer managed key gives a second, independent control over reads. Disabling the key (or denying kms:Decrypt in its key policy) stops every decryption immediately and reversibly; the objects themselves are untouched.',
  },
  {
    ...about,
    id: 'sse-c-keys-outside',
    kind: 'single',
    prompt:
      'A company wants S3 to do the encryption at rest, but its policy says the encryption keys must never be stored in AWS: the application will supply the key with every request. Which option fits?',
    refs: ['sse-s3', 'customer-managed-key'],
    options: [
      {
        id: 'cse',
        text: 'Client-side encryption with the AWS Encryption SDK',
        why: 'That keeps plaintext away from S3, but then S3 does not do the encryption, which the company asked for.',
      },
      {
        id: 'sse-c',
        text: 'SSE-C (server-side encryption with customer-provided keys)',
        why: 'Right: S3 uses the key sent with each request (over HTTPS only) and then discards it, keeping only a salted HMAC to check the next request.',
      },
      {
        id: 'sse-s3',
        text: 'SSE-S3',
        why: 'S3 creates and keeps the keys itself.',
      },
      {
        id: 'imported-material',
        text: 'SSE-KMS with a KMS key whose key material was imported',
        why: 'The company generated the material, but KMS stores and uses it inside AWS, which the policy forbids.',
      },
    ],
    answer: 'sse-c',
    explanation:
      'The S3 choices differ in who holds the key: S3 (SSE-S3), KMS (SSE-KMS, with AWS managed, customer managed or imported material) or the customer on every request (SSE-C). With SSE-C, losing the key means losing the object, and no KMS call or CloudTrail KMS event exists for it. This lesson simulates SSE-KMS and SSE-S3; SSE-C is named in its "not simulated" note.',
  },
  {
    ...about,
    id: 'sse-kms-threats',
    kind: 'multi',
    prompt:
      'A bucket uses SSE-KMS with a customer managed key whose key policy delegates to IAM. Which risks does this encryption reduce? (Choose two.)',
    refs: ['stolen-disk', 'remove-decrypt'],
    options: [
      {
        id: 'compromised-app',
        text: 'A compromised application whose role has both s3:GetObject and kms:Decrypt',
        why: 'S3 decrypts transparently for any caller with both permissions, so the application reads plaintext as usual.',
      },
      {
        id: 'stolen-media',
        text: 'Someone obtains a copy of the storage media holding the objects',
        why: 'Correct: the media hold ciphertext and encrypted data keys, which only KMS can open for an allowed caller.',
      },
      {
        id: 'plain-http',
        text: 'An eavesdropper on a client that uploads over plain HTTP',
        why: 'Encryption at rest starts when S3 has the data. In flight, only TLS helps (and a bucket policy that denies requests without aws:SecureTransport).',
      },
      {
        id: 's3-only-principal',
        text: 'A user with s3:GetObject on the bucket but no kms:Decrypt on the key',
        why: 'Correct: S3 cannot get the data key on that user\'s behalf, so the download fails.',
      },
    ],
    answer: ['stolen-media', 's3-only-principal'],
    explanation:
      'SSE-KMS protects the stored bytes and adds kms:Decrypt as a second permission every reader needs. It does nothing for data in flight, and nothing against a principal that legitimately holds both permissions.',
  },
]);
