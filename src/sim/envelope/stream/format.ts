/**
 * A chunked envelope for files of any size (one data key per file, the file sealed in chunks):
 *
 *   4 bytes        header length n (big-endian)
 *   n bytes        header: UTF-8 JSON, readable by anyone (format, algorithm, KMS key ARN, the
 *                  encryption context, the encrypted data key in base64, the chunk size, the nonce prefix)
 *   chunks         each chunk of plaintext sealed with AES-256-GCM: chunkBytes + 16 bytes, the last
 *                  one shorter (an empty file still has one empty final chunk: 16 bytes of tag)
 *
 * Each chunk's IV is the header's random 8-byte nonce prefix followed by the chunk's index (4 bytes,
 * big-endian), so no IV repeats under one data key. Each chunk's additional data is the header's
 * bytes, the index and a final-chunk flag: a changed header, chunks swapped, the file cut at a chunk
 * boundary or a chunk appended each fail a tag check instead of decrypting to something else.
 * (The AWS Encryption SDK's framed format works on the same ideas; this layout is chosen for teaching.)
 */
import { canonicalContext, type EncryptionContext } from '../encryption-context';
import { readRange, type ByteSource } from './pipeline';

export const STREAM_FORMAT = 'kms-lab-stream/1';
export const STREAM_ALGORITHM = 'AES-256-GCM, chunked';
/** 1 MiB of plaintext per chunk: big enough that per-call overhead is small, small enough to keep memory flat. */
export const DEFAULT_CHUNK_BYTES = 1024 * 1024;
export const NONCE_PREFIX_BYTES = 8;
export const STREAM_TAG_BYTES = 16;
/** The longest header a reader accepts (length prefix included). */
export const MAX_HEADER_BYTES = 4 + 64 * 1024;
/** The index takes 4 bytes of the IV. */
export const MAX_CHUNKS = 2 ** 32;

export interface StreamHeader {
  format: typeof STREAM_FORMAT;
  algorithm: typeof STREAM_ALGORITHM;
  kmsKeyArn: string;
  encryptionContext: EncryptionContext;
  /** KMS's CiphertextBlob of the data key, base64. */
  encryptedDataKey: string;
  chunkBytes: number;
  /** base64 of NONCE_PREFIX_BYTES random bytes. */
  noncePrefix: string;
}

export type Bytes = Uint8Array<ArrayBuffer>;

export const toBase64 = (bytes: Uint8Array): string => btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));
export const fromBase64 = (text: string): Bytes => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** The header's bytes as stored (length prefix included): also every chunk's additional data. */
export function encodeHeader(header: StreamHeader): Bytes {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(4 + json.length);
  new DataView(out.buffer).setUint32(0, json.length);
  out.set(json, 4);
  return out;
}

/** Reads the header at the start of a sealed file; throws a SyntaxError on anything else. */
export async function readHeader(sealed: ByteSource): Promise<{ header: StreamHeader; headerBytes: Bytes }> {
  if (sealed.size < 4) throw new SyntaxError(`not a ${STREAM_FORMAT} file: too short`);
  const length = new DataView(await readRange(sealed, 0, 4)).getUint32(0);
  if (4 + length > MAX_HEADER_BYTES || 4 + length > sealed.size) throw new SyntaxError(`not a ${STREAM_FORMAT} file: bad header length`);
  const headerBytes = new Uint8Array(await readRange(sealed, 0, 4 + length));
  let header: Partial<StreamHeader>;
  try {
    header = JSON.parse(new TextDecoder().decode(headerBytes.subarray(4))) as Partial<StreamHeader>;
  } catch {
    throw new SyntaxError(`not a ${STREAM_FORMAT} file: unreadable header`);
  }
  const valid =
    header.format === STREAM_FORMAT &&
    typeof header.kmsKeyArn === 'string' &&
    typeof header.encryptedDataKey === 'string' &&
    typeof header.noncePrefix === 'string' &&
    Number.isInteger(header.chunkBytes) &&
    (header.chunkBytes as number) > 0 &&
    typeof header.encryptionContext === 'object' &&
    header.encryptionContext !== null;
  if (!valid) throw new SyntaxError(`not a ${STREAM_FORMAT} file: header fields missing`);
  return { header: header as StreamHeader, headerBytes };
}

/** The IV of chunk `index`: nonce prefix ‖ index. */
export function chunkIv(noncePrefix: Uint8Array, index: number): Bytes {
  if (index >= MAX_CHUNKS) throw new RangeError('too many chunks for one data key');
  const iv = new Uint8Array(NONCE_PREFIX_BYTES + 4);
  iv.set(noncePrefix.subarray(0, NONCE_PREFIX_BYTES));
  new DataView(iv.buffer).setUint32(NONCE_PREFIX_BYTES, index);
  return iv;
}

/** The additional data of chunk `index`: header bytes ‖ index ‖ final flag. */
export function chunkAad(headerBytes: Uint8Array, index: number, final: boolean): Bytes {
  const aad = new Uint8Array(headerBytes.length + 5);
  aad.set(headerBytes);
  const view = new DataView(aad.buffer);
  view.setUint32(headerBytes.length, index);
  view.setUint8(headerBytes.length + 4, final ? 1 : 0);
  return aad;
}

/** How many chunks a plaintext of `bytes` takes (at least one: the empty file has an empty final chunk). */
export const chunkCount = (bytes: number, chunkBytes: number): number => Math.max(1, Math.ceil(bytes / chunkBytes));

/** The size of the sealed file for a plaintext of `bytes`. */
export const sealedSize = (headerBytes: number, bytes: number, chunkBytes: number): number => headerBytes + bytes + chunkCount(bytes, chunkBytes) * STREAM_TAG_BYTES;

/** The canonical context, as the header carries it (for display and comparison). */
export const headerContext = (header: StreamHeader): string => canonicalContext(header.encryptionContext);
