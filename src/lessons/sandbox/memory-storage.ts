import type { SandboxStorage } from './types.ts';

/**
 * Storage that lasts as long as the page (tests, and browsers that refuse IndexedDB). It keeps a
 * structured clone, as IndexedDB does, so what comes back is a copy: CryptoKeys included.
 * `initial` starts it with something already saved (tests give it a corrupt record on purpose).
 */
export function memoryStorage(initial?: unknown): SandboxStorage {
  let stored: unknown = initial === undefined ? undefined : structuredClone(initial);
  return {
    async load() {
      return stored === undefined ? undefined : structuredClone(stored);
    },
    async save(state) {
      stored = structuredClone(state);
    },
    async clear() {
      stored = undefined;
    },
  };
}
