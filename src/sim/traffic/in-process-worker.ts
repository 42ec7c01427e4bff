/**
 * A Worker stand-in that runs the traffic handler in the calling thread: for tests in Node, and for
 * a page that cannot start workers (small runs only; a big run blocks the page while it computes).
 * Answers are delivered asynchronously and through structuredClone, exactly as a real worker would
 * deliver them, so a result that could not cross postMessage fails here too.
 */
import { handleTrafficMessage } from './worker-protocol';
import type { WorkerLike } from './worker-client';

export function createInProcessWorker(): WorkerLike {
  const listeners = new Set<(event: { data: unknown }) => void>();
  let terminated = false;
  return {
    postMessage(message) {
      const request = structuredClone(message);
      void Promise.resolve().then(() => {
        if (terminated) return;
        handleTrafficMessage(request, (response) => {
          const data = structuredClone(response);
          void Promise.resolve().then(() => {
            if (!terminated) for (const listener of [...listeners]) listener({ data });
          });
        });
      });
    },
    addEventListener(_type, listener) {
      listeners.add(listener);
    },
    removeEventListener(_type, listener) {
      listeners.delete(listener);
    },
    terminate() {
      terminated = true;
      listeners.clear();
    },
  };
}
