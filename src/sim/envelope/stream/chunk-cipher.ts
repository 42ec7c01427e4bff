/**
 * Sealing and opening a file chunk by chunk. Each chunk is read with Blob.slice (never the whole
 * file), sealed or opened, and kept as one part of the output Blob: browsers keep large Blobs out of
 * the JavaScript heap, so memory stays a few chunks however large the file. A few chunks are in
 * flight at once (read, then in WebCrypto, which Chromium runs off the calling thread), their results
 * kept in order.
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
import type { EncryptionContext } from '../encryption-context';

/** Bytes of input processed so far, of `total`. */
export interface StreamProgress {
  done: number;
  total: number;
}

export interface StreamOptions {
  onProgress?: (progress: StreamProgress) => void;
  /** Stops between chunks with an AbortError. */
  signal?: AbortSignal;
}

export interface SealFileRequest {
  file: Blob;
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

const read = (blob: Blob, from: number, to: number): Promise<ArrayBuffer> => blob.slice(from, to).arrayBuffer();

/** Chunks being read or sealed at once: enough to keep WebCrypto busy, few enough to keep memory flat. */
const IN_FLIGHT = 4;

/** Runs `work(index)` for every chunk with up to IN_FLIGHT at once, handing results to `each` in order. */
async function inOrder(count: number, work: (index: number) => Promise<ArrayBuffer>, each: (result: ArrayBuffer, index: number) => void, signal: AbortSignal | undefined): Promise<void> {
  const flight: Promise<ArrayBuffer>[] = [];
  let started = 0;
  for (let index = 0; index < count; index++) {
    while (started < count && started < index + IN_FLIGHT) {
      const pending = work(started++);
      pending.catch(() => {}); // a later chunk's failure is reported when its turn comes, or not at all if an earlier one failed
      flight.push(pending);
    }
    const result = await flight.shift()!;
    checkAborted(signal);
    each(result, index);
  }
}

function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DOMException('the run was cancelled', 'AbortError');
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
  const parts: BlobPart[] = [headerBytes];
  const count = chunkCount(file.size, chunkBytes);
  checkAborted(options.signal);
  await inOrder(
    count,
    async (index) => {
      const from = index * chunkBytes;
      const plaintext = await read(file, from, from + chunkBytes);
      return crypto.subtle.encrypt({ name: 'AES-GCM', iv: chunkIv(noncePrefix, index), additionalData: chunkAad(headerBytes, index, index === count - 1) }, key, plaintext);
    },
    (sealed, index) => {
      parts.push(sealed);
      options.onProgress?.({ done: Math.min(file.size, (index + 1) * chunkBytes), total: file.size });
    },
    options.signal,
  );
  return new Blob(parts, { type: 'application/octet-stream' });
}

/** The header of a sealed file (readable by anyone), and where its chunks begin. */
export async function openHeader(sealed: Blob): Promise<{ header: StreamHeader; headerBytes: Bytes; encryptedDataKey: Bytes }> {
  const { header, headerBytes } = await readHeader(sealed);
  return { header, headerBytes, encryptedDataKey: fromBase64(header.encryptedDataKey) };
}

/** Opens a sealed file with its data key (importDataKey for 'decrypt'); rejects with ChunkAuthenticationError on any change. */
export async function openFile(sealed: Blob, key: CryptoKey, options: StreamOptions = {}): Promise<Blob> {
  const { header, headerBytes } = await readHeader(sealed);
  const noncePrefix = fromBase64(header.noncePrefix);
  const sealedChunk = header.chunkBytes + STREAM_TAG_BYTES;
  const body = sealed.size - headerBytes.length;
  const count = Math.max(1, Math.ceil(body / sealedChunk));
  const parts: BlobPart[] = [];
  checkAborted(options.signal);
  await inOrder(
    count,
    async (index) => {
      const from = headerBytes.length + index * sealedChunk;
      const ciphertext = await read(sealed, from, from + sealedChunk);
      try {
        return await crypto.subtle.decrypt({ name: 'AES-GCM', iv: chunkIv(noncePrefix, index), additionalData: chunkAad(headerBytes, index, index === count - 1) }, key, ciphertext);
      } catch {
        throw new ChunkAuthenticationError(index);
      }
    },
    (plaintext, index) => {
      parts.push(plaintext);
      options.onProgress?.({ done: Math.min(body, (index + 1) * sealedChunk), total: body });
    },
    options.signal,
  );
  return new Blob(parts, { type: 'application/octet-stream' });
}

/** Whether two Blobs hold the same bytes, compared chunk by chunk (never both whole in memory). */
export async function sameBytes(a: Blob, b: Blob, options: StreamOptions & { chunkBytes?: number } = {}): Promise<boolean> {
  if (a.size !== b.size) return false;
  const step = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  for (let from = 0; from < a.size; from += step) {
    checkAborted(options.signal);
    const [x, y] = await Promise.all([read(a, from, from + step), read(b, from, from + step)]);
    const left = new Uint8Array(x);
    const right = new Uint8Array(y);
    for (let i = 0; i < left.length; i++) if (left[i] !== right[i]) return false;
    options.onProgress?.({ done: Math.min(a.size, from + step), total: a.size });
  }
  return true;
}
