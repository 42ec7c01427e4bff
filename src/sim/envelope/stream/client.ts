/**
 * A promise-based client for the file worker. In a browser it starts the real Web Worker; where
 * there is none (Node: tests and the walkthrough replay) the same handler runs in-process, so both
 * paths run the same code.
 */
import { createFileJobHandler, type FileJob, type FileJobResult, type FileRequest, type FileResponse } from './protocol';
import type { StreamProgress } from './chunk-cipher';

export interface FileWorkerLike {
  postMessage(message: FileRequest, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  terminate?(): void;
}

export interface FileRunOptions {
  onProgress?: (progress: StreamProgress) => void;
  signal?: AbortSignal;
}

export interface FileWorkerClient {
  run(job: FileJob, options?: FileRunOptions): Promise<FileJobResult>;
  dispose(): void;
}

/** The same handler the worker runs, called in-process (messages are not cloned: nothing to transfer). */
export function createInlineFileWorker(): FileWorkerLike {
  const listeners: ((event: { data: unknown }) => void)[] = [];
  const handle = createFileJobHandler((response) => queueMicrotask(() => listeners.forEach((listener) => listener({ data: response }))));
  return {
    postMessage: (message) => handle(message),
    addEventListener: (_type, listener) => void listeners.push(listener),
  };
}

/** The page's worker (Vite bundles worker.ts as its own file), or the inline one where Worker does not exist. */
export function createFileWorker(): FileWorkerLike {
  if (typeof Worker === 'function') return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }) as unknown as FileWorkerLike;
  return createInlineFileWorker();
}

export function createFileWorkerClient(worker: FileWorkerLike = createFileWorker()): FileWorkerClient {
  let nextId = 1;
  const pending = new Map<number, { resolve(result: FileJobResult): void; reject(error: Error): void; onProgress?: (progress: StreamProgress) => void }>();
  worker.addEventListener('message', (event) => {
    const response = event.data as FileResponse;
    const job = pending.get(response?.id);
    if (!job) return;
    if ('progress' in response) job.onProgress?.(response.progress);
    else {
      pending.delete(response.id);
      if ('result' in response) job.resolve(response.result);
      else job.reject(Object.assign(new Error(response.error.message), { name: response.error.name }));
    }
  });
  return {
    run(job, options = {}) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, onProgress: options.onProgress });
        options.signal?.addEventListener('abort', () => worker.postMessage({ id, cancel: true }), { once: true });
        // The plaintext data key moves to the worker: this side's buffer is detached, not copied.
        const transfer = 'dataKey' in job && job.dataKey.buffer instanceof ArrayBuffer ? [job.dataKey.buffer] : [];
        worker.postMessage({ id, job }, transfer);
      });
    },
    dispose() {
      for (const job of pending.values()) job.reject(new Error('the file worker was stopped'));
      pending.clear();
      worker.terminate?.();
    },
  };
}
