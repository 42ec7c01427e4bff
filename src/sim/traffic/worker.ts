/**
 * Web Worker entry of the traffic simulator: heavy runs (a full study sweep, a minute of KMS load)
 * happen here so the page stays responsive. The page creates it with
 * `new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' })` and talks to it through
 * createTrafficClient (worker-client.ts).
 */
import { handleTrafficMessage, type TrafficResponse } from './worker-protocol';

/** The part of DedicatedWorkerGlobalScope this entry uses (the app's type lib is DOM, not WebWorker). */
interface WorkerScope {
  postMessage(message: TrafficResponse): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

const scope = self as unknown as WorkerScope;
scope.addEventListener('message', (event) => handleTrafficMessage(event.data, (response) => scope.postMessage(response)));
