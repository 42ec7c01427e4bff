/**
 * How one encrypted object is laid out on the simulated disk. S3's own on-disk format is not
 * public; this one is the layout every envelope in the simulation shares (src/sim/envelope's
 * sealed-parts.ts), with the object's metadata as the header:
 *
 *   bytes        part                 readable by whoever copies the disk?
 *   2 + n        metadata (JSON)      yes: bucket, key, algorithm, KMS key ARN, encryption context
 *   2 + m        encrypted data key   no: KMS's CiphertextBlob (SSE-KMS) or wrapped by S3's root key (SSE-S3)
 *   12           IV                   not secret
 *   3 + c        ciphertext + tag     no: AES-256-GCM; the last 16 bytes are the authentication tag
 */
import { decodeSealedParts, encodeSealedParts, sealedPartsLayout, type SealedRegion } from '../envelope/sealed-parts';
import { fromUtf8, type Bytes } from '../tls/bytes';
import type { ObjectMetadata, StoredObject } from './types';

export { IV_BYTES, TAG_BYTES } from '../envelope/data-key-cipher';

export function encodeObjectRecord(metadata: ObjectMetadata, encryptedDataKey: Bytes, iv: Bytes, ciphertext: Bytes): StoredObject {
  const record = encodeSealedParts({ header: JSON.stringify(metadata), encryptedDataKey, iv, ciphertext });
  return { metadata, encryptedDataKey, iv, ciphertext, record };
}

export function decodeObjectRecord(record: Bytes): StoredObject {
  const { header, encryptedDataKey, iv, ciphertext } = decodeSealedParts(record);
  return { metadata: JSON.parse(header) as ObjectMetadata, encryptedDataKey, iv, ciphertext, record };
}

export type RecordPart = 'metadata' | 'encrypted data key' | 'IV' | 'ciphertext' | 'authentication tag';

export type RecordRegion = SealedRegion<RecordPart>;

/** The record's parts with their byte ranges: what "show the stored layout byte by byte" draws. */
export function recordLayout(stored: StoredObject): RecordRegion[] {
  const { metadata, encryptedDataKey, iv, ciphertext } = stored;
  return sealedPartsLayout({ header: JSON.stringify(metadata), encryptedDataKey, iv, ciphertext }).map((region) => ({ ...region, part: region.part === 'header' ? 'metadata' : region.part }));
}

/** The metadata as a reader of the raw record sees it (it is stored as plain UTF-8 JSON). */
export const readableMetadata = (stored: StoredObject): string => fromUtf8(stored.record.subarray(2, recordLayout(stored)[0].to));
