/**
 * How one encrypted object is laid out on the simulated disk. S3's own on-disk format is not
 * public; this one holds what any envelope-encrypted store must keep together, in the order a
 * reader needs it:
 *
 *   bytes        part                 readable by whoever copies the disk?
 *   2 + n        metadata (JSON)      yes: bucket, key, algorithm, KMS key ARN, encryption context
 *   2 + m        encrypted data key   no: KMS's CiphertextBlob (SSE-KMS) or wrapped by S3's root key (SSE-S3)
 *   12           IV                   not secret
 *   3 + c        ciphertext + tag     no: AES-256-GCM; the last 16 bytes are the authentication tag
 *
 * Lengths are big-endian prefixes (the ByteWriter encoding the TLS simulation uses too).
 */
import { ByteReader, ByteWriter, fromUtf8, type Bytes } from '../tls/bytes';
import { IV_BYTES, TAG_BYTES } from '../envelope/data-key-cipher';
import type { ObjectMetadata, StoredObject } from './types';

export { IV_BYTES, TAG_BYTES } from '../envelope/data-key-cipher';

export function encodeObjectRecord(metadata: ObjectMetadata, encryptedDataKey: Bytes, iv: Bytes, ciphertext: Bytes): StoredObject {
  if (iv.length !== IV_BYTES) throw new RangeError(`an AES-GCM IV here is ${IV_BYTES} bytes, got ${iv.length}`);
  const record = new ByteWriter().text(JSON.stringify(metadata)).vector(encryptedDataKey).raw(iv).vector(ciphertext, 3).bytes();
  return { metadata, encryptedDataKey, iv, ciphertext, record };
}

export function decodeObjectRecord(record: Bytes): StoredObject {
  const reader = new ByteReader(record);
  const metadata = JSON.parse(reader.text()) as ObjectMetadata;
  const encryptedDataKey = reader.vector();
  const iv = reader.raw(IV_BYTES);
  const ciphertext = reader.vector(3);
  reader.end();
  return { metadata, encryptedDataKey, iv, ciphertext, record };
}

export type RecordPart = 'metadata' | 'encrypted data key' | 'IV' | 'ciphertext' | 'authentication tag';

export interface RecordRegion {
  part: RecordPart;
  /** Byte offsets in the record, `to` exclusive (length prefixes belong to the part they announce). */
  from: number;
  to: number;
  /** Whether someone holding only these bytes can read the part's meaning. */
  readable: boolean;
}

/** The record's parts with their byte ranges: what "show the stored layout byte by byte" draws. */
export function recordLayout(stored: StoredObject): RecordRegion[] {
  const metadataEnd = 2 + new TextEncoder().encode(JSON.stringify(stored.metadata)).length;
  const keyEnd = metadataEnd + 2 + stored.encryptedDataKey.length;
  const ivEnd = keyEnd + IV_BYTES;
  const tagStart = ivEnd + 3 + stored.ciphertext.length - TAG_BYTES;
  return [
    { part: 'metadata', from: 0, to: metadataEnd, readable: true },
    { part: 'encrypted data key', from: metadataEnd, to: keyEnd, readable: false },
    { part: 'IV', from: keyEnd, to: ivEnd, readable: true },
    { part: 'ciphertext', from: ivEnd, to: tagStart, readable: false },
    { part: 'authentication tag', from: tagStart, to: stored.record.length, readable: true },
  ];
}

/** The metadata as a reader of the raw record sees it (it is stored as plain UTF-8 JSON). */
export const readableMetadata = (stored: StoredObject): string => fromUtf8(stored.record.subarray(2, recordLayout(stored)[0].to));
