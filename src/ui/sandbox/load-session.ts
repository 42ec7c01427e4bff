/**
 * The one sandbox session of this page, created on first visit to `#/sandbox` and kept while the
 * page lives, so leaving for a lesson and coming back finds the same terminal and console. It is
 * saved in IndexedDB (which can hold non-extractable CryptoKeys), so a reload restores it too.
 */
import { createSandboxSession, indexedDbStorage, type SandboxSession } from '../../lessons/sandbox/index.ts';

let session: Promise<SandboxSession> | undefined;

export function loadSandboxSession(): Promise<SandboxSession> {
  const loading = session ?? createSandboxSession({ storage: indexedDbStorage() }).catch((error: unknown) => {
    session = undefined; // a later visit tries again
    throw error;
  });
  session = loading;
  return loading;
}
