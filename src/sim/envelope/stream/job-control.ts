/**
 * The page's side of the file jobs: one job at a time, its cancel switch (the page's Cancel button
 * reaches the job a lesson started through this), the names of the private files it writes, and
 * their removal. A job's outputs are removed when the next job starts (superseded), when it is
 * cancelled or fails (nothing partial is kept), and when the lesson's world is rebuilt or left
 * (discardUpTo). Without a private file system the removal does nothing: memory outputs go with
 * their last reference.
 */
import { claimOutputs, removeStoredOutput } from './opfs';
import { announceFileJobControl } from './loaded-control';
import type { OutputStorage } from './sink';

export type FileJobOutcome = 'done' | 'failed' | 'cancelled';

/** What the page shows of the control: a Cancel button while running, the outcome, where outputs live. */
export interface FileJobControlView {
  running: boolean;
  /** Where the latest job's outputs are kept, once the worker has said. */
  storage?: OutputStorage;
  outcome?: FileJobOutcome;
}

export interface FileJobTicket {
  /** Aborted by cancel() (or by a discard while running). */
  readonly signal: AbortSignal;
  /** A fresh name for one output file of this job: `<page tag>-<generation>-<part>` (unique across tabs of the origin). */
  outputName(part: string): string;
  /** The worker's answer of where an output went. */
  stored(storage: OutputStorage): void;
  /** Ends the job; anything but 'done' removes its outputs first. */
  finish(outcome: FileJobOutcome): Promise<void>;
}

interface Job {
  generation: number;
  controller: AbortController;
  names: string[];
  running: boolean;
  /** Its world is gone: whatever it made is removed, now or when it stops. */
  discarded: boolean;
}

const randomTag = (): string => Array.from(crypto.getRandomValues(new Uint8Array(6)), (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * `remove` deletes one output; `claim` runs once before the first job, with the page's tag (every
 * output name starts with it), to claim them and sweep the outputs of pages that are gone.
 */
export function createFileJobControl(remove: (name: string) => Promise<void> = removeStoredOutput, claim: (tag: string) => Promise<void> = claimOutputs) {
  const tag = randomTag();
  let claimed: Promise<void> | undefined;
  let generation = 0;
  let job: Job | undefined;
  let view: FileJobControlView = { running: false };
  const listeners = new Set<(view: FileJobControlView) => void>();
  const show = (next: FileJobControlView) => {
    view = next;
    for (const listener of listeners) listener(view);
  };
  const removeAll = async (names: string[]) => {
    await Promise.all(names.splice(0).map((name) => remove(name)));
  };

  return {
    get current(): FileJobControlView {
      return view;
    },
    /** The generation of the latest job (0 before any). */
    get generation(): number {
      return generation;
    },
    subscribe(listener: (view: FileJobControlView) => void): () => void {
      listeners.add(listener);
      listener(view);
      return () => void listeners.delete(listener);
    },
    /** Starts a job: the one before is cancelled if still running, and its outputs are removed. */
    async begin(): Promise<FileJobTicket> {
      const before = job;
      if (before) before.discarded = true;
      before?.controller.abort();
      const mine: Job = { generation: ++generation, controller: new AbortController(), names: [], running: true, discarded: false };
      job = mine;
      show({ running: true });
      // A job still running removes its own outputs when it stops (its files are open until then).
      if (before && !before.running) await removeAll(before.names);
      await (claimed ??= claim(tag));
      return {
        signal: mine.controller.signal,
        outputName(part) {
          const name = `${tag}-${mine.generation}-${part}`;
          mine.names.push(name);
          return name;
        },
        stored(storage) {
          if (job === mine) show({ ...view, storage });
        },
        async finish(outcome) {
          mine.running = false;
          if (outcome !== 'done' || mine.discarded) await removeAll(mine.names);
          if (job === mine) show({ ...view, running: false, outcome });
        },
      };
    },
    /** Asks the running job to stop (it answers through its ticket's finish('cancelled')). */
    cancel(): void {
      if (job?.running) job.controller.abort();
    },
    /**
     * Removes the latest job's outputs if it began at or before `generation` (the world it was made
     * in is gone), cancelling it if it still runs. Answers whether it did.
     */
    async discardUpTo(upTo: number): Promise<boolean> {
      const old = job;
      if (!old || old.generation > upTo) return false;
      old.discarded = true;
      old.controller.abort();
      job = undefined;
      show({ running: false });
      if (!old.running) await removeAll(old.names);
      return true;
    },
  };
}

export type FileJobControl = ReturnType<typeof createFileJobControl>;

/** The page's one control (a lesson's job and the page's file views share it). */
export const fileJobControl: FileJobControl = createFileJobControl();
announceFileJobControl(fileJobControl);
