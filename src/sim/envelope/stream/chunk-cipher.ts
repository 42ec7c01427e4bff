/**
 * Sealing and opening a file chunk by chunk on the bounded pipeline (pipeline.ts): each chunk is
 * read with slice (never the whole file), sealed or opened in WebCrypto, and written to a sink in
 * order, with at most `readAhead` chunks held at once. With the disk sink (opfs.ts) memory stays a
 * few chunks however large the file; the memory sink (the fallback) keeps the output in memory.
 * A cancelled or failed job discards what its sink had written.
 */
import {
  chunkAad,
  chunkCount,
  chunkIv,
  DEFAULT_CHUNK_BYTES,
  encodeHeader,
  fromBase64,
  NONCE_PREFIX_BYTES,
  readHeader,
  STREAM_ALGORITHM,
  STREAM_FORMAT,
  STREAM_TAG_BYTES,
  toBase64,
  type Bytes,
  type StreamHeader,
} from './format';
import { pipeChunks, readRange, throwIfCancelled, type ByteSource } from './pipeline';
import { memorySink, type ChunkSink } from './sink';
import type { EncryptionContext } from '../encryption-context';

/** Bytes of input processed so far, of `total`. */
export interface StreamProgress {
  done: number;
  total: number;
}

/** Chunks read or in WebCrypto at once: enough to overlap reading with encrypting, few enough to keep memory flat. */
export const DEFAULT_READ_AHEAD = 4;

export interface StreamOptions {
  onProgress?: (progress: StreamProgress) => void;
  /** Stops between chunks with an AbortError. */
  signal?: AbortSignal;
  /** Where the output goes; memory when absent. */
  sink?: ChunkSink;
  readAhead?: number;
}

export interface SealFileRequest {
  file: ByteSource;
  /** A non-extractable AES-256-GCM key (importDataKey) for 'encrypt'. */
  key: CryptoKey;
  kmsKeyArn: string;
  encryptionContext: EncryptionContext;
  /** KMS's CiphertextBlob of the data key. */
  encryptedDataKey: Uint8Array;
  chunkBytes?: number;
}

/** The chunk is tampered, out of order, cut or extended: its tag does not verify. */
export class ChunkAuthenticationError extends Error {
  constructor(readonly index: number) {
    super(`chunk ${index} failed its authentication tag: the file was changed, reordered, cut short or extended`);
    this.name = 'ChunkAuthenticationError';
  }
}

/** Runs `fill` into the sink; on any failure (a cancel included) the sink's partial output is discarded. */
async function into(sink: ChunkSink, fill: (sink: ChunkSink) => Promise<void>): Promise<Blob> {
  try {
    await fill(sink);
    return await sink.finish();
  } catch (error) {
    await sink.discard();
    throw error;
  }
}

export async function sealFile(request: SealFileRequest, options: StreamOptions = {}): Promise<Blob> {
  const { file, key, kmsKeyArn, encryptionContext, encryptedDataKey } = request;
  const chunkBytes = request.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  const noncePrefix = crypto.getRandomValues(new Uint8Array(NONCE_PREFIX_BYTES));
  const header: StreamHeader = {
    format: STREAM_FORMAT,
    algorithm: STREAM_ALGORITHM,
    kmsKeyArn,
    encryptionContext: { ...encryptionContext },
    encryptedDataKey: toBase64(encryptedDataKey),
    chunkBytes,
    noncePrefix: toBase64(noncePrefix),
  };
  const headerBytes = encodeHeader(header);
  const count = chunkCount(file.size, chunkBytes);
  return into(options.sink ?? memorySink(), async (sink) => {
    throwIfCancelled(options.signal);
    await sink.write(headerBytes);
    await pipeChunks({
      count,
      readAhead: options.readAhead ?? DEFAULT_READ_AHEAD,
      signal: options.signal,
      produce: async (index) => {
        const from = index * chunkBytes;
        const plaintext = await readRange(file, from, from + chunkBytes);
        return crypto.subtle.encrypt({ name: 'AES-GCM', iv: chunkIv(noncePrefix, index), additionalData: chunkAad(headerBytes, index, index === count - 1) }, key, plaintext);
      },
      consume: async (sealed, index) => {
        await sink.write(sealed);
        options.onProgress?.({ done: Math.min(file.size, (index + 1) * chunkBytes), total: file.size });
      },
    });
  });
}

/** The header of a sealed file (readable by anyone), and where its chunks begin. */
export async function openHeader(sealed: ByteSource): Promise<{ header: StreamHeader; headerBytes: Bytes; encryptedDataKey: Bytes }> {
  const { header, headerBytes } = await readHeader(sealed);
  return { header, headerBytes, encryptedDataKey: fromBase64(header.encryptedDataKey) };
}

/** Opens a sealed file with its data key (importDataKey for 'decrypt'); rejects with ChunkAuthenticationError on any change. */
export async function openFile(sealed: ByteSource, key: CryptoKey, options: StreamOptions = {}): Promise<Blob> {
  return into(options.sink ?? memorySink(), async (sink) => {
    const { header, headerBytes } = await readHeader(sealed);
    const noncePrefix = fromBase64(header.noncePrefix);
    const sealedChunk = header.chunkBytes + STREAM_TAG_BYTES;
    const body = sealed.size - headerBytes.length;
    const count = Math.max(1, Math.ceil(body / sealedChunk));
    await pipeChunks({
      count,
      readAhead: options.readAhead ?? DEFAULT_READ_AHEAD,
      signal: options.signal,
      produce: async (index) => {
        const from = headerBytes.length + index * sealedChunk;
        const ciphertext = await readRange(sealed, from, from + sealedChunk);
        try {
          return await crypto.subtle.decrypt({ name: 'AES-GCM', iv: chunkIv(noncePrefix, index), additionalData: chunkAad(headerBytes, index, index === count - 1) }, key, ciphertext);
        } catch {
          throw new ChunkAuthenticationError(index);
        }
      },
      consume: async (plaintext, index) => {
        await sink.write(plaintext);
        options.onProgress?.({ done: Math.min(body, (index + 1) * sealedChunk), total: body });
      },
    });
  });
}

/** Whether two files hold the same bytes, compared chunk by chunk with a bounded read-ahead (never both whole in memory). */
export async function sameBytes(a: ByteSource, b: ByteSource, options: Omit<StreamOptions, 'sink'> & { chunkBytes?: number } = {}): Promise<boolean> {
  if (a.size !== b.size) return false;
  const step = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  let equal = true;
  const differs = new DOMException('the files differ', 'AbortError');
  try {
    await pipeChunks({
      count: Math.ceil(a.size / step),
      readAhead: options.readAhead ?? DEFAULT_READ_AHEAD,
      signal: options.signal,
      produce: async (index) => {
        const from = index * step;
        const [x, y] = await Promise.all([readRange(a, from, from + step), readRange(b, from, from + step)]);
        return equalBytes(new Uint8Array(x), new Uint8Array(y));
      },
      consume: (same, index) => {
        if (!same) {
          equal = false;
          throw differs; // stops the pipeline: no need to read further
        }
        options.onProgress?.({ done: Math.min(a.size, (index + 1) * step), total: a.size });
      },
    });
  } catch (error) {
    if (error !== differs) throw error;
  }
  return equal;
}

function equalBytes(left: Uint8Array, right: Uint8Array): boolean {
  if (left.length !== right.length) return false;
  // Four bytes at a time where both are aligned (every chunk read starts at 0 of its own buffer).
  const words = left.byteOffset % 4 === 0 && right.byteOffset % 4 === 0 ? left.length >> 2 : 0;
  const l = new Uint32Array(left.buffer, left.byteOffset, words);
  const r = new Uint32Array(right.buffer, right.byteOffset, words);
  for (let i = 0; i < words; i++) if (l[i] !== r[i]) return false;
  for (let i = words << 2; i < left.length; i++) if (left[i] !== right[i]) return false;
  return true;
}
