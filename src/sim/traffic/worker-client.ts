/**
 * A promise-based client for the traffic worker. It takes anything shaped like a Worker, so the page
 * passes a real Worker and tests (or a page without workers) pass createInProcessWorker().
 */
import type { TrafficJobKind, TrafficJobs, TrafficResponse } from './worker-protocol';

export interface WorkerLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  removeEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  terminate?(): void;
}

export interface RunOptions<K extends TrafficJobKind> {
  onProgress?: (progress: TrafficJobs[K]['progress']) => void;
}

export interface TrafficClient {
  run<K extends TrafficJobKind>(kind: K, params: TrafficJobs[K]['params'], options?: RunOptions<K>): Promise<TrafficJobs[K]['result']>;
  /** Rejects every pending run and terminates the worker (the way to cancel a long run). */
  dispose(): void;
}

interface Pending {
  resolve(result: unknown): void;
  reject(error: Error): void;
  onProgress?: (progress: never) => void;
}

export function createTrafficClient(worker: WorkerLike): TrafficClient {
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const listener = (event: { data: unknown }) => {
    const response = event.data as TrafficResponse;
    const job = pending.get(response?.id);
    if (!job) return;
    if ('progress' in response) {
      job.onProgress?.(response.progress as never);
    } else if ('result' in response) {
      pending.delete(response.id);
      job.resolve(response.result);
    } else if ('error' in response) {
      pending.delete(response.id);
      const error = new Error(response.error.message);
      error.name = response.error.name;
      job.reject(error);
    }
  };
  worker.addEventListener('message', listener);

  return {
    run(kind, params, options) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (result: unknown) => void, reject, onProgress: options?.onProgress as ((progress: never) => void) | undefined });
        worker.postMessage({ id, kind, params });
      });
    },
    dispose() {
      worker.removeEventListener('message', listener);
      worker.terminate?.();
      for (const job of pending.values()) job.reject(new Error('traffic worker disposed'));
      pending.clear();
    },
  };
}
