/**
 * Web Worker entry of the file cipher: a large file is sealed, opened and compared here, chunk by
 * chunk, so the page stays responsive. The page starts it with
 * `new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' })` (client.ts).
 */
import { createFileJobHandler, type FileResponse } from './protocol';

/** The part of DedicatedWorkerGlobalScope this entry uses (the app's type lib is DOM, not WebWorker). */
interface WorkerScope {
  postMessage(message: FileResponse): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

const scope = self as unknown as WorkerScope;
const handle = createFileJobHandler((response) => scope.postMessage(response));
scope.addEventListener('message', (event) => handle(event.data));
