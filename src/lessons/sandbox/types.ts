import type { Shell } from '../../cli/index.ts';
import type { VirtualFileSystem } from '../../cli/vfs/index.ts';
import type { Input, Kms, Output } from '../../kms/index.ts';
import type { ModelClock } from '../../sim/core/clock.ts';
import type { World } from '../../sim/world/index.ts';
import type { SavedSandbox } from './saved-sandbox.ts';

/**
 * Where a sandbox is kept between visits. `load` resolves with whatever was saved (unchecked: the
 * session checks it) or undefined; any method may reject when the browser refuses storage.
 */
export interface SandboxStorage {
  load(): Promise<unknown>;
  save(state: SavedSandbox): Promise<void>;
  clear(): Promise<void>;
}

export interface SandboxOptions {
  /** Where the sandbox is saved; default memoryStorage() (the page passes indexedDbStorage()). */
  storage?: SandboxStorage;
  /** Seed of the id generator of a fresh sandbox (key ids, request ids); default 1. */
  seed?: number;
  /** How long after a change the automatic save waits for more changes to join it (ms, wall time); default 100. */
  autosaveDelayMs?: number;
}

/** What importJson did, for the learner. */
export interface ImportReport {
  keys: number;
  aliases: number;
  files: number;
  /** Plain words: the keys got NEW key material, so ciphertexts made before the export no longer decrypt. */
  note: string;
}

/**
 * The sandbox: one simulated KMS, the world of principals around it, a model clock, a file system
 * and a terminal shell on them. After `reset()` or `importJson()` the kms, world, clock, fs and
 * shell are NEW objects (and `generation` grows): read them from the session again when
 * `subscribe` fires rather than keeping them.
 */
export interface SandboxSession {
  readonly kms: Kms;
  readonly world: World;
  readonly clock: ModelClock;
  readonly fs: VirtualFileSystem;
  /** The terminal's shell; its `aws` acts as `world.current`, in `region`. */
  readonly shell: Shell;
  /** The Region the console and the terminal work in ('eu-west-2'). */
  readonly region: string;
  /** Grows by one each time reset() or importJson() replaces the parts above. */
  readonly generation: number;
  /** Set when a saved sandbox could not be restored: it was reported here and the sandbox started afresh. */
  readonly restoreNotice?: string;
  /** Set when the last save failed (storage full or blocked); cleared by the next successful save. */
  readonly saveProblem?: string;
  /** Calls KMS as the current principal, as the console does (`world.callContext()`). */
  call(operation: string, input: Input, options?: { viaService?: string }): Promise<Output>;
  /** Moves model time forward and waits until the rotations and deletions it makes due are done. */
  advance(ms: number): Promise<void>;
  /** Fires after any change: a KMS call, a clock step, act-as, a terminal line (files, history), a reset or import, saveProblem. */
  subscribe(listener: () => void): () => void;
  /** Saves now (changes are also saved automatically, shortly after they happen). */
  save(): Promise<void>;
  /** Forgets the saved sandbox and starts a fresh one. */
  reset(): Promise<void>;
  /** The non-secret parts as JSON (world, files, history, key metadata, policies, aliases, tags, grants, audit). */
  exportJson(): string;
  /** Replaces the sandbox with an export; rejects with a SandboxImportError listing what is wrong. */
  importJson(text: string): Promise<ImportReport>;
  /** Stops listening and saving (the page is leaving). */
  dispose(): void;
}
