/**
 * The simulated object store (S3-like), for lessons about encryption at rest.
 *
 *   object-store.ts     ObjectStore: buckets, default encryption, PutObject/GetObject with SSE-KMS and SSE-S3
 *   s3-over-https.ts    S3OverHttps: the client's requests and S3's answers inside TLS (WebWorld)
 *   kms-call.ts         callKms: one KMS call drawn as request and answer (used by S3 and by anyone else)
 *   (AES-256-GCM with a data key that is erased after use comes from src/sim/envelope, shared with client-side encryption)
 *   s3-managed-keys.ts  SSE-S3's own keys: per-object data keys wrapped under S3's root key
 *   object-record.ts    the bytes of one object on disk, and their layout
 *   disk.ts             the disk: what a thief who copies it holds, and a search over it
 */
export * from './types';
export { ObjectStore, AWS_MANAGED_S3_ALIAS, describeEncryption, objectArn, type ObjectStoreActors, type ObjectStoreOptions, type ObjectRequest, type PutObjectRequest } from './object-store';
export { S3OverHttps, bucketHost, errorDocument } from './s3-over-https';
export { callKms, onBehalfOf, type KmsCall, type KmsCallResult } from './kms-call';
export { encryptWithDataKey, decryptWithDataKey } from '../envelope/data-key-cipher';
export { S3ManagedKeys, DATA_KEY_BYTES } from './s3-managed-keys';
export { encodeObjectRecord, decodeObjectRecord, recordLayout, readableMetadata, IV_BYTES, TAG_BYTES, type RecordPart, type RecordRegion } from './object-record';
export { Disk, containsText } from './disk';
