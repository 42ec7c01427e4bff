/**
 * The messages between the page and the file worker, and the handler that runs them (the worker
 * entry calls it; Node and tests call it in-process through createInlineFileWorker). The plaintext
 * data key crosses once, transferred (the sender's copy is detached), and is zeroed as soon as it is
 * imported into a non-extractable CryptoKey. A seal or open job names its output file in the
 * origin's private file system (`output`); where there is none, the output is kept in memory and
 * the result says so (`storage`).
 */
import { openFile, sameBytes, sealFile, type StreamProgress } from './chunk-cipher';
import { importDataKey } from './data-key';
import { DEFAULT_CHUNK_BYTES, MAX_HEADER_BYTES, sealedSize } from './format';
import { openDiskSink } from './opfs';
import { memorySink, type ChunkSink, type OutputStorage } from './sink';
import type { EncryptionContext } from '../encryption-context';

/** Where a seal or open job writes (a file name in the private file system; memory without one), and its read-ahead. */
interface OutputOptions {
  output?: string;
  readAhead?: number;
}

export type FileJob =
  | ({ kind: 'seal'; file: Blob; dataKey: Uint8Array; kmsKeyArn: string; encryptionContext: EncryptionContext; encryptedDataKey: Uint8Array; chunkBytes?: number } & OutputOptions)
  | ({ kind: 'open'; sealed: Blob; dataKey: Uint8Array } & OutputOptions)
  | { kind: 'compare'; a: Blob; b: Blob; readAhead?: number };

export type FileJobResult = { blob: Blob; storage: OutputStorage } | { equal: boolean };

export type FileRequest = { id: number; job: FileJob } | { id: number; cancel: true };

export type FileResponse =
  | { id: number; progress: StreamProgress }
  | { id: number; result: FileJobResult }
  | { id: number; error: { name: string; message: string } };

/** Progress messages at most this often per job (a 1 GB file has a thousand chunks). */
const PROGRESS_EVERY_MS = 50;

/** The disk sink for a named output of about `bytes`, else memory (no private file system here, or no room in it). */
async function sinkFor(job: OutputOptions, bytes: number): Promise<ChunkSink> {
  return (job.output !== undefined ? await openDiskSink(job.output, bytes) : undefined) ?? memorySink();
}

async function runJob(job: FileJob, onProgress: (progress: StreamProgress) => void, signal: AbortSignal): Promise<FileJobResult> {
  const options = { onProgress, signal, readAhead: job.readAhead };
  switch (job.kind) {
    case 'seal': {
      const key = await importDataKey(job.dataKey, 'encrypt');
      const sink = await sinkFor(job, sealedSize(MAX_HEADER_BYTES, job.file.size, job.chunkBytes ?? DEFAULT_CHUNK_BYTES));
      const blob = await sealFile({ file: job.file, key, kmsKeyArn: job.kmsKeyArn, encryptionContext: job.encryptionContext, encryptedDataKey: job.encryptedDataKey, chunkBytes: job.chunkBytes }, { ...options, sink });
      return { blob, storage: sink.storage };
    }
    case 'open': {
      const key = await importDataKey(job.dataKey, 'decrypt');
      const sink = await sinkFor(job, job.sealed.size);
      return { blob: await openFile(job.sealed, key, { ...options, sink }), storage: sink.storage };
    }
    case 'compare':
      return { equal: await sameBytes(job.a, job.b, options) };
  }
}

/** Creates a message handler with its own table of running jobs (one per worker). */
export function createFileJobHandler(post: (response: FileResponse) => void): (message: unknown) => void {
  const running = new Map<number, AbortController>();
  return (message) => {
    const request = message as FileRequest;
    if ('cancel' in request) {
      running.get(request.id)?.abort();
      return;
    }
    const controller = new AbortController();
    running.set(request.id, controller);
    let last = 0;
    const onProgress = (progress: StreamProgress) => {
      const now = Date.now();
      if (now - last < PROGRESS_EVERY_MS && progress.done < progress.total) return;
      last = now;
      post({ id: request.id, progress });
    };
    runJob(request.job, onProgress, controller.signal).then(
      (result) => post({ id: request.id, result }),
      (error: unknown) => post({ id: request.id, error: { name: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? error.message : String(error) } }),
    ).finally(() => running.delete(request.id));
  };
}
