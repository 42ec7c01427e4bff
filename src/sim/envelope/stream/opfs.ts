/**
 * Output on disk: the Origin Private File System, written from the file worker through a
 * synchronous access handle (Chromium offers createSyncAccessHandle in dedicated workers only).
 * The finished output is the File the browser keeps on disk; the page offers it as a download
 * without it ever being in memory. Every output lives in one folder of the origin's private file
 * system, named by the page, and is removed when superseded, cancelled or the lesson resets.
 * Where the private file system is missing (Node, a browser without it, a private window that
 * refuses it) openDiskSink answers undefined and the job falls back to memory.
 */
import type { ChunkSink } from './sink';

/** The parts of the File System API this file uses (the app's type lib is DOM, which lacks the worker-only handle). */
interface SyncAccessHandle {
  write(buffer: ArrayBufferView | ArrayBuffer, options?: { at?: number }): number;
  flush(): void;
  close(): void;
}
interface FileHandle {
  getFile(): Promise<File>;
  createSyncAccessHandle?(): Promise<SyncAccessHandle>;
}
interface DirectoryHandle {
  getDirectoryHandle(name: string, options?: { create?: boolean }): Promise<DirectoryHandle>;
  getFileHandle(name: string, options?: { create?: boolean }): Promise<FileHandle>;
  removeEntry(name: string): Promise<void>;
  keys(): AsyncIterable<string>;
}
interface LockManagerLike {
  request(name: string, callback: () => Promise<void>): Promise<void>;
  query(): Promise<{ held?: { name?: string }[] }>;
}
interface StorageLike {
  getDirectory?(): Promise<DirectoryHandle>;
  estimate?(): Promise<{ quota?: number; usage?: number }>;
}

/** The folder of the origin's private file system that holds the file jobs' outputs. */
export const OUTPUT_FOLDER = 'kms-lab-file-jobs';

function storageManager(): StorageLike | undefined {
  return (globalThis as unknown as { navigator?: { storage?: StorageLike } }).navigator?.storage;
}

async function outputFolder(): Promise<DirectoryHandle | undefined> {
  const storage = storageManager();
  if (typeof storage?.getDirectory !== 'function') return undefined;
  const root = await storage.getDirectory();
  return root.getDirectoryHandle(OUTPUT_FOLDER, { create: true });
}

/** Whether the origin's quota leaves room for `bytes` more (a private window's small in-memory quota may not). */
async function roomFor(bytes: number): Promise<boolean> {
  const estimate = await storageManager()?.estimate?.();
  if (estimate?.quota === undefined) return true;
  return estimate.quota - (estimate.usage ?? 0) >= bytes;
}

/**
 * A sink writing `expectedBytes` to the private file `name`, or undefined where there is no private
 * file system or no room for them (the caller falls back to memory).
 */
export async function openDiskSink(name: string, expectedBytes: number): Promise<ChunkSink | undefined> {
  let folder: DirectoryHandle | undefined;
  let handle: SyncAccessHandle | undefined;
  try {
    if (!(await roomFor(expectedBytes))) return undefined;
    folder = await outputFolder();
    if (!folder) return undefined;
    const file = await folder.getFileHandle(name, { create: true });
    if (typeof file.createSyncAccessHandle !== 'function') {
      await folder.removeEntry(name); // not from a dedicated worker, or an older browser: no synchronous writes
      return undefined;
    }
    handle = await file.createSyncAccessHandle();
    const open = handle;
    const dir = folder;
    let at = 0;
    let closed = false;
    const close = () => {
      if (closed) return;
      closed = true;
      open.close();
    };
    return {
      storage: 'disk',
      write(bytes) {
        // The handle copies into the file before returning: the caller's buffer can be dropped at once.
        const written = open.write(bytes, { at });
        if (written !== bytes.byteLength) throw new Error(`the browser's private file system refused to store more (${at.toLocaleString('en')} bytes stored): the disk or the site's storage quota is full`);
        at += written;
      },
      async finish() {
        open.flush();
        close();
        return file.getFile();
      },
      async discard() {
        close();
        await dir.removeEntry(name).catch(() => {});
      },
    };
  } catch {
    handle?.close();
    if (folder) await folder.removeEntry(name).catch(() => {});
    return undefined;
  }
}

const LOCK_PREFIX = `${OUTPUT_FOLDER}:`;

/** The tag an output's name starts with: `<tag>-...` (see job-control.ts). */
const tagOf = (name: string): string => name.split('-', 1)[0];

/**
 * Claims the outputs whose names start with `tag` for this page's lifetime (a Web Lock it never
 * releases; the browser releases it when the page goes) and removes outputs no open page has claimed:
 * the files of a tab closed mid-job would otherwise stay on disk for good. Does nothing without the
 * private file system or Web Locks.
 */
export async function claimOutputs(tag: string): Promise<void> {
  const locks = (globalThis as unknown as { navigator?: { locks?: LockManagerLike } }).navigator?.locks;
  if (!locks) return;
  try {
    const folder = await outputFolder();
    if (!folder) return;
    let claimed!: () => void;
    const held = new Promise<void>((resolve) => (claimed = resolve));
    void locks.request(LOCK_PREFIX + tag, () => {
      claimed();
      return new Promise<void>(() => {});
    });
    await held;
    const owners = new Set(((await locks.query()).held ?? []).map((lock) => lock.name ?? ''));
    for await (const name of folder.keys()) {
      if (!owners.has(LOCK_PREFIX + tagOf(name))) await folder.removeEntry(name).catch(() => {});
    }
  } catch {
    // sweeping is housekeeping: a page that cannot do it still works
  }
}

/** Removes an output file (from the page or the worker); nothing happens if it is already gone or there is no private file system. */
export async function removeStoredOutput(name: string): Promise<void> {
  try {
    await (await outputFolder())?.removeEntry(name);
  } catch {
    // already gone, or still open in a worker that is stopping: nothing more to do here
  }
}
