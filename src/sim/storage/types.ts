/**
 * The vocabulary of the simulated object store: how a bucket encrypts new objects, and what
 * PutObject and GetObject answer. Shaped like Amazon S3's API (header and member names are S3's),
 * narrowed to what the lessons about encryption at rest need.
 */
import type { KmsErrorCode } from '../../kms/index';
import type { Bytes } from '../tls/bytes';

/**
 * A bucket's default encryption (S3's ServerSideEncryptionByDefault).
 * - `AES256` is SSE-S3: S3 holds the keys itself; KMS is never called.
 * - `aws:kms` is SSE-KMS: each object gets a data key from KMS. Without `kmsKeyId` S3 uses the
 *   AWS managed key `aws/s3`, which KMS creates the first time it is needed.
 */
export type BucketEncryption = { algorithm: 'AES256' } | { algorithm: 'aws:kms'; kmsKeyId?: string };

export type ServerSideEncryption = BucketEncryption['algorithm'];

/** What S3 keeps about an object besides its bytes (returned by HeadObject; stored in the clear). */
export interface ObjectMetadata {
  bucket: string;
  key: string;
  serverSideEncryption: ServerSideEncryption;
  /** SSE-KMS: ARN of the KMS key that encrypted the data key. */
  kmsKeyArn?: string;
  /** SSE-KMS: the encryption context S3 sent to KMS (`aws:s3:arn` = the object's ARN). */
  encryptionContext?: Record<string, string>;
  /** Length of the object in bytes. */
  contentLength: number;
}

/** One object as it sits on the disk: the metadata, the wrapped data key, the IV and the ciphertext. */
export interface StoredObject {
  metadata: ObjectMetadata;
  /** SSE-KMS: KMS's CiphertextBlob of the data key. SSE-S3: the data key wrapped under S3's root key. */
  encryptedDataKey: Bytes;
  iv: Bytes;
  /** AES-256-GCM ciphertext with its 16-byte tag at the end. */
  ciphertext: Bytes;
  /** The exact bytes written to the disk for this object (see object-record.ts for the layout). */
  record: Bytes;
}

export interface PutObjectOutput {
  ETag: string;
  ServerSideEncryption: ServerSideEncryption;
  SSEKMSKeyId?: string;
}

export interface GetObjectOutput {
  Body: Bytes;
  ServerSideEncryption: ServerSideEncryption;
  SSEKMSKeyId?: string;
}

/** An S3 error as the caller receives it (HTTP status, S3 error code, message). */
export interface S3Error {
  status: 403 | 404 | 400 | 500;
  /** S3's error code, e.g. `AccessDenied`, `NoSuchKey`, `NoSuchBucket`. */
  code: string;
  message: string;
  /** When the failure came from KMS: its exception name (`AccessDeniedException`, `DisabledException` …). */
  kmsError?: KmsErrorCode;
  /** When the failure came from KMS: the CloudTrail eventID of the refused call (`kms.audit.decisionOf` explains it). */
  kmsEventId?: string;
}

export type S3Response<T> = ({ ok: true } & T) | ({ ok: false } & S3Error);
