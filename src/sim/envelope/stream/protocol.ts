/**
 * The messages between the page and the file worker, and the handler that runs them (the worker
 * entry calls it; Node and tests call it in-process through createInlineFileWorker). The plaintext
 * data key crosses once, transferred (the sender's copy is detached), and is zeroed as soon as it is
 * imported into a non-extractable CryptoKey.
 */
import { openFile, sameBytes, sealFile, type StreamProgress } from './chunk-cipher';
import { importDataKey } from './data-key';
import type { EncryptionContext } from '../encryption-context';

export type FileJob =
  | { kind: 'seal'; file: Blob; dataKey: Uint8Array; kmsKeyArn: string; encryptionContext: EncryptionContext; encryptedDataKey: Uint8Array; chunkBytes?: number }
  | { kind: 'open'; sealed: Blob; dataKey: Uint8Array }
  | { kind: 'compare'; a: Blob; b: Blob };

export type FileJobResult = { blob: Blob } | { equal: boolean };

export type FileRequest = { id: number; job: FileJob } | { id: number; cancel: true };

export type FileResponse =
  | { id: number; progress: StreamProgress }
  | { id: number; result: FileJobResult }
  | { id: number; error: { name: string; message: string } };

/** Progress messages at most this often per job (a 1 GB file has a thousand chunks). */
const PROGRESS_EVERY_MS = 50;

async function runJob(job: FileJob, onProgress: (progress: StreamProgress) => void, signal: AbortSignal): Promise<FileJobResult> {
  const options = { onProgress, signal };
  switch (job.kind) {
    case 'seal': {
      const key = await importDataKey(job.dataKey, 'encrypt');
      return { blob: await sealFile({ file: job.file, key, kmsKeyArn: job.kmsKeyArn, encryptionContext: job.encryptionContext, encryptedDataKey: job.encryptedDataKey, chunkBytes: job.chunkBytes }, options) };
    }
    case 'open': {
      const key = await importDataKey(job.dataKey, 'decrypt');
      return { blob: await openFile(job.sealed, key, options) };
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
