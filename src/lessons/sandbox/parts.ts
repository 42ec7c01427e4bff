/**
 * The parts of one sandbox and how they are put together: a model clock, the KMS on that clock,
 * the world of principals, a file system and the terminal's shell, whose `aws` asks the world who
 * is acting on every call. Fresh parts are seeded; saved parts come back exactly as they were.
 */
import { createShell, type Shell, type ShellOptions } from '../../cli/index.ts';
import { loadFileSystem, saveFileSystem, VirtualFileSystem } from '../../cli/vfs/index.ts';
import { createKms, type Kms, type KmsEngineState, readKmsState } from '../../kms/index.ts';
import { createModelClock, type ModelClock } from '../../sim/core/clock.ts';
import { createRng } from '../../sim/core/rng.ts';
import { createWorld, SANDBOX_WORLD, type World } from '../../sim/world/index.ts';
import { SAVED_SANDBOX_FORMAT, SAVED_SANDBOX_VERSION, type SavedSandbox } from './saved-sandbox.ts';
import { SEED_FILES, seedKms } from './seed.ts';

export const SANDBOX_REGION = 'eu-west-2';

export interface SandboxParts {
  seed: number;
  clock: ModelClock;
  kms: Kms;
  world: World;
  fs: VirtualFileSystem;
  shell: Shell;
}

/**
 * Request quotas are off in the sandbox: its clock moves only when the learner advances it, so a
 * token bucket would never refill and a sixth CreateKey would be throttled for good. The traffic
 * labs are where quotas are shown.
 */
function sandboxKms(clock: ModelClock, from: { seed: number } | { state: KmsEngineState }): Kms {
  return 'state' in from
    ? createKms({ clock, state: from.state, quotas: false })
    : createKms({ clock, rng: createRng(from.seed), accountId: SANDBOX_WORLD.accounts[0].id, quotas: false });
}

function withShell(parts: Omit<SandboxParts, 'shell'>, more: Pick<ShellOptions, 'files' | 'history' | 'cwd'>): SandboxParts {
  const { kms, world, fs, clock } = parts;
  // The terminal's calls carry the acting principal's address as the console's do (aws:SourceIp).
  const shell = createShell({ kms, fs, clock, caller: () => world.caller(), sourceIp: () => world.callContext().sourceIp, region: SANDBOX_REGION, ...more });
  return { ...parts, shell };
}

export async function freshParts(seed: number): Promise<SandboxParts> {
  const clock = createModelClock();
  const kms = sandboxKms(clock, { seed });
  const world = createWorld(SANDBOX_WORLD);
  await seedKms(kms, world, SANDBOX_REGION);
  return withShell({ seed, clock, kms, world, fs: new VirtualFileSystem({ clock }) }, { files: SEED_FILES });
}

/** Parts around a KMS state (saved, or imported with new material) and the rest of a sandbox. */
export function restoredParts(from: {
  seed: number;
  clock: ModelClock;
  state: KmsEngineState;
  world: World;
  fs: VirtualFileSystem;
  history: string[];
  cwd: string;
}): SandboxParts {
  const { seed, clock, state, world, fs, history, cwd } = from;
  return withShell({ seed, clock, kms: sandboxKms(clock, { state }), world, fs }, { history, cwd });
}

/** Parts from a saved sandbox (its envelope already read); throws a readable Error when a part is invalid. */
export function savedParts(saved: SavedSandbox): SandboxParts {
  const clock = createModelClock(saved.time);
  return restoredParts({
    seed: saved.seed,
    clock,
    state: readKmsState(saved.kms),
    world: createWorld(saved.world),
    fs: loadFileSystem(saved.files, { clock }),
    history: saved.history,
    cwd: saved.cwd,
  });
}

/** Everything to save, taken between KMS calls. */
export async function captureParts(parts: SandboxParts): Promise<SavedSandbox> {
  const kms = await parts.kms.snapshot();
  return {
    format: SAVED_SANDBOX_FORMAT,
    version: SAVED_SANDBOX_VERSION,
    seed: parts.seed,
    time: kms.time,
    kms,
    world: parts.world.toJSON(),
    files: saveFileSystem(parts.fs),
    history: [...parts.shell.history],
    cwd: parts.shell.cwd,
  };
}
