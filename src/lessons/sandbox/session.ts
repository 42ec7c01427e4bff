/**
 * The sandbox session: one set of parts (parts.ts) at a time, change notification, automatic
 * saving, and the ways to start over (reset, import). See types.ts for the contract.
 *
 * Saving and replacing the parts go through one queue, so a save that was due before a reset
 * finishes before the reset clears the storage, and no save of the old parts lands after it.
 */
import type { Input } from '../../kms/index.ts';
import { LATEST_MODEL_TIME } from '../../kms/persist/index.ts';
import { exportSandbox } from './export-sandbox.ts';
import { importSandbox } from './import-sandbox.ts';
import { memoryStorage } from './memory-storage.ts';
import { captureParts, freshParts, SANDBOX_REGION, type SandboxParts, savedParts } from './parts.ts';
import { readSavedSandbox } from './saved-sandbox.ts';
import { observedShell } from './observed-shell.ts';
import type { ImportReport, SandboxOptions, SandboxSession, SandboxStorage } from './types.ts';

const DEFAULT_AUTOSAVE_DELAY_MS = 100;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

interface Loaded {
  parts: SandboxParts;
  notice?: string;
  /** The storage to keep using (a memory one when the browser refused the real one). */
  storage: SandboxStorage;
}

/** The saved sandbox if there is a usable one, else a fresh one and, when something was wrong, why. */
async function load(storage: SandboxStorage, seed: number): Promise<Loaded> {
  let saved: unknown;
  try {
    saved = await storage.load();
  } catch (error) {
    return {
      parts: await freshParts(seed),
      storage: memoryStorage(),
      notice: `This browser does not let KMS Lab keep the sandbox (${message(error)}), so it lasts only for this visit.`,
    };
  }
  if (saved === undefined) return { parts: await freshParts(seed), storage };
  try {
    return { parts: savedParts(readSavedSandbox(saved)), storage };
  } catch (error) {
    await storage.clear().catch(() => undefined);
    return {
      parts: await freshParts(seed),
      storage,
      notice: `The saved sandbox could not be restored (${message(error)}), so it was reset: this is a fresh sandbox.`,
    };
  }
}

export async function createSandboxSession(options: SandboxOptions = {}): Promise<SandboxSession> {
  const seed = options.seed ?? 1;
  const delay = options.autosaveDelayMs ?? DEFAULT_AUTOSAVE_DELAY_MS;
  const loaded = await load(options.storage ?? memoryStorage(), seed);
  const storage = loaded.storage;
  let parts = loaded.parts;
  let shell = observedShell(parts.shell, changed);
  let generation = 0;
  let saveProblem: string | undefined;
  let disposed = false;
  const listeners = new Set<() => void>();
  let unwire = wire(parts);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  function enqueue<T>(work: () => Promise<T>): Promise<T> {
    const result = queue.then(work);
    queue = result.catch(() => undefined);
    return result;
  }

  function notify(): void {
    for (const listener of [...listeners]) {
      try {
        listener();
      } catch (error) {
        // A broken view must not break the sandbox.
        console.error('sandbox subscriber failed', error);
      }
    }
  }

  /**
   * The first change starts a save shortly after; changes in that wait join it, and a change while
   * it is being written starts the next one. So a burst is one save, a steady stream of changes is
   * still saved every `delay`, and a reload right after a command loses at most that moment.
   */
  function changed(): void {
    notify();
    if (disposed || timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      save().catch(() => undefined); // the problem is kept in saveProblem
    }, delay);
  }

  function wire(p: SandboxParts): () => void {
    const stops = [p.kms.audit.subscribe(changed), p.world.subscribe(changed), p.clock.onAdvance(changed)];
    return () => {
      for (const stop of stops) stop();
      p.kms.dispose();
    };
  }

  /** Puts new parts in place of the old ones (inside the queue). */
  function replace(next: SandboxParts): void {
    unwire();
    parts = next;
    shell = observedShell(next.shell, changed);
    unwire = wire(next);
    generation += 1;
  }

  async function writeNow(): Promise<void> {
    const record = await captureParts(parts);
    try {
      await storage.save(record);
      reportSaveProblem(undefined);
    } catch (error) {
      const problem = `The sandbox could not be saved (${message(error)}).`;
      reportSaveProblem(problem);
      throw new Error(problem);
    }
  }

  /** Views show saveProblem: they hear when it appears or goes (without that starting a save). */
  function reportSaveProblem(problem: string | undefined): void {
    if (problem === saveProblem) return;
    saveProblem = problem;
    notify();
  }

  function save(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    return enqueue(writeNow);
  }

  async function startOver(next: () => Promise<SandboxParts>, keep: boolean): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    await enqueue(async () => {
      const built = await next();
      if (!keep) {
        // A storage that cannot forget still gets the fresh sandbox written over the old one at the next save.
        await storage.clear().catch((error: unknown) => {
          reportSaveProblem(`The saved sandbox could not be removed (${message(error)}).`);
        });
      }
      replace(built);
      // The new sandbox is in place either way; a failed write is reported in saveProblem.
      if (keep) await writeNow().catch(() => undefined);
    });
    notify();
  }

  const session: SandboxSession = {
    get kms() {
      return parts.kms;
    },
    get world() {
      return parts.world;
    },
    get clock() {
      return parts.clock;
    },
    get fs() {
      return parts.fs;
    },
    get shell() {
      return shell;
    },
    region: SANDBOX_REGION,
    get generation() {
      return generation;
    },
    restoreNotice: loaded.notice,
    get saveProblem() {
      return saveProblem;
    },
    call(operation: string, input: Input, callOptions: { viaService?: string } = {}) {
      return parts.kms.call(operation, input, parts.world.callContext({ viaService: callOptions.viaService, region: SANDBOX_REGION }));
    },
    async advance(ms) {
      const { clock, kms } = parts;
      // Past the end of year 9999 no date can be printed (nor saved and read back).
      if (clock.now() + ms > LATEST_MODEL_TIME) throw new RangeError('the model clock stops at the end of year 9999');
      clock.advance(ms);
      await kms.settle();
      changed();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    save,
    reset: () => startOver(() => freshParts(seed), false),
    exportJson: () => exportSandbox(parts),
    async importJson(text): Promise<ImportReport> {
      const imported = await importSandbox(text, seed);
      await startOver(async () => imported.parts, true);
      return imported.report;
    },
    dispose() {
      disposed = true;
      clearTimeout(timer);
      listeners.clear();
      unwire();
    },
  };
  return session;
}
