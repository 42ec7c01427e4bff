/**
 * The saved form of a sandbox, as it goes into IndexedDB: the engine's state (with its CryptoKeys,
 * which IndexedDB clones without exporting), the world, the files, the terminal's history and
 * directory. Reading it back checks everything, because storage can hand back anything: another
 * version's format, a half-written record, or a value some other code put there.
 */
import * as v from 'valibot';
import { type SavedFileSystem } from '../../cli/vfs/index.ts';
import type { KmsEngineState } from '../../kms/index.ts';
import { modelTimeSchema } from '../../kms/persist/index.ts';
import type { WorldSpec } from '../../sim/world/index.ts';

export const SAVED_SANDBOX_FORMAT = 'kms-lab-sandbox';
/** Bumped when the shape changes: a sandbox saved by another version is reported and reset, not guessed at. */
export const SAVED_SANDBOX_VERSION = 1;

export interface SavedSandbox {
  format: typeof SAVED_SANDBOX_FORMAT;
  version: typeof SAVED_SANDBOX_VERSION;
  /** The seed the sandbox was first created with. */
  seed: number;
  /** Model time (ms). */
  time: number;
  kms: KmsEngineState;
  world: WorldSpec & { current: string };
  files: SavedFileSystem;
  history: string[];
  cwd: string;
}

/** The envelope only; kms, world and files are checked by their own readers when the parts are built. */
const envelope = v.looseObject({
  format: v.literal(SAVED_SANDBOX_FORMAT, 'it is not a saved KMS Lab sandbox'),
  version: v.literal(SAVED_SANDBOX_VERSION, (issue) => `it was saved in format version ${String(issue.input)}, and this KMS Lab reads version ${SAVED_SANDBOX_VERSION}`),
  seed: v.number(),
  time: modelTimeSchema,
  kms: v.unknown(),
  world: v.unknown(),
  files: v.unknown(),
  history: v.array(v.string()),
  cwd: v.string(),
}, 'it is not a saved KMS Lab sandbox');

/** The saved sandbox with a checked envelope, or an Error whose message says why it cannot be used. */
export function readSavedSandbox(value: unknown): SavedSandbox {
  const parsed = v.safeParse(envelope, value);
  if (!parsed.success) throw new Error(parsed.issues[0].message);
  return parsed.output as SavedSandbox;
}
