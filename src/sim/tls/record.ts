/**
 * The record layer: application data sealed with AES-256-GCM, as TLS 1.3 does it.
 *
 *   record = header(5) ‖ ciphertext ‖ tag(16)
 *   header = content type 0x17 (application data) ‖ legacy version 0x0303 ‖ length of ciphertext+tag (u16)
 *   nonce  = static IV XOR the 64-bit record sequence number (right-aligned)
 *   AAD    = the header
 *
 * The sequence number is never sent: each side counts records per direction. So a change to any
 * byte (header, ciphertext or tag), a replayed record (its number is already used) or a reordered
 * one (the receiver expects a different number) all fail the tag check, and the receiver rejects
 * the record. Not simulated: the inner content type and padding of TLS 1.3 records, and record
 * fragmentation (every message fits in one record).
 */
import { ByteReader, ByteWriter, copyBytes, type Bytes } from './bytes';
import { aesGcmOpen, aesGcmSeal } from './crypto';
import type { TrafficKeys } from './key-schedule';

export const CONTENT_TYPE_APPLICATION_DATA = 0x17;
export const LEGACY_VERSION = 0x0303;
export const RECORD_HEADER_BYTES = 5;
export const TAG_BYTES = 16;
/** TLS limits a record's plaintext to 2^14 bytes. */
export const MAX_PLAINTEXT_BYTES = 16_384;

export function recordNonce(iv: Bytes, sequence: number): Bytes {
  const nonce = copyBytes(iv);
  const counter = new ByteWriter().u64(sequence).bytes();
  for (let i = 0; i < counter.length; i++) nonce[nonce.length - counter.length + i] ^= counter[i];
  return nonce;
}

export function recordHeader(sealedLength: number): Bytes {
  return new ByteWriter().u8(CONTENT_TYPE_APPLICATION_DATA).u16(LEGACY_VERSION).u16(sealedLength).bytes();
}

/** Where a byte of a record sits, for telling a learner what they changed. */
export function recordRegion(record: Uint8Array, index: number): 'header' | 'ciphertext' | 'tag' {
  if (index < RECORD_HEADER_BYTES) return 'header';
  return index >= record.length - TAG_BYTES ? 'tag' : 'ciphertext';
}

/** Seals records in one direction; each call uses the next sequence number. */
export class RecordWriter {
  private sequence = 0;
  constructor(private readonly keys: TrafficKeys) {}

  get nextSequence(): number {
    return this.sequence;
  }

  async seal(plaintext: Bytes): Promise<Bytes> {
    if (plaintext.length > MAX_PLAINTEXT_BYTES) throw new RangeError(`a record carries at most ${MAX_PLAINTEXT_BYTES} bytes`);
    const header = recordHeader(plaintext.length + TAG_BYTES);
    const sealed = await aesGcmSeal(this.keys.key, recordNonce(this.keys.iv, this.sequence), header, plaintext);
    this.sequence++;
    return new ByteWriter().raw(header).raw(sealed).bytes();
  }
}

export type OpenResult = { ok: true; plaintext: Bytes; sequence: number } | { ok: false; sequence: number; reason: string };

/** Opens records in one direction, strictly in order: the expected sequence number only moves on success. */
export class RecordReader {
  private sequence = 0;
  constructor(private readonly keys: TrafficKeys) {}

  get expectedSequence(): number {
    return this.sequence;
  }

  async open(record: Uint8Array): Promise<OpenResult> {
    const sequence = this.sequence;
    if (record.length < RECORD_HEADER_BYTES + TAG_BYTES) {
      return { ok: false, sequence, reason: `record is ${record.length} bytes, shorter than a header and a tag` };
    }
    const reader = new ByteReader(record);
    const header = reader.raw(RECORD_HEADER_BYTES);
    const declared = (header[3] << 8) | header[4];
    const sealed = reader.raw(reader.remaining);
    if (declared !== sealed.length) {
      return { ok: false, sequence, reason: `record header declares ${declared} bytes but ${sealed.length} follow` };
    }
    const plaintext = await aesGcmOpen(this.keys.key, recordNonce(this.keys.iv, sequence), header, sealed);
    if (!plaintext) {
      return {
        ok: false,
        sequence,
        reason: `AES-GCM tag does not verify for record #${sequence}: the record was modified, replayed or reordered`,
      };
    }
    this.sequence++;
    return { ok: true, plaintext, sequence };
  }
}
