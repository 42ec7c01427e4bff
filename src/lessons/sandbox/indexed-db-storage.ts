import type { SandboxStorage } from './types.ts';

const STORE = 'sandbox';
const RECORD = 'current';

/** One IndexedDB request as a promise. */
function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/**
 * The sandbox in IndexedDB: one record in one object store. IndexedDB stores values by structured
 * clone, which keeps non-extractable CryptoKeys as they are, so the key material never has to be
 * exported (localStorage could not do this). Rejects when the browser refuses IndexedDB (some
 * private modes); the session then says the sandbox lasts only for this visit.
 */
export function indexedDbStorage(name = 'kms-lab-sandbox'): SandboxStorage {
  let opened: Promise<IDBDatabase> | undefined;
  const database = (): Promise<IDBDatabase> => {
    opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      if (typeof indexedDB === 'undefined') throw new Error('this browser has no IndexedDB');
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
      request.onblocked = () => reject(new Error('IndexedDB is blocked by another tab of KMS Lab'));
    }).catch((error: unknown) => {
      opened = undefined; // try again next time
      throw error;
    });
    return opened;
  };
  /** A write counts once its transaction has committed, not when the request succeeds. */
  const write = async (change: (store: IDBObjectStore) => void): Promise<void> => {
    const transaction = (await database()).transaction(STORE, 'readwrite');
    const committed = new Promise<void>((resolve, reject) => {
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB write failed'));
      transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB write was aborted'));
    });
    change(transaction.objectStore(STORE));
    await committed;
  };
  return {
    async load() {
      return done((await database()).transaction(STORE, 'readonly').objectStore(STORE).get(RECORD));
    },
    save: (state) => write((store) => store.put(state, RECORD)),
    clear: () => write((store) => store.delete(RECORD)),
  };
}
