/**
 * Reading a sandbox export back. Everything in the file is checked before anything is replaced,
 * and every problem found is reported with where it is, so a learner who edited the file by hand
 * can fix it. The keys come back with NEW key material (see IMPORT_NOTE).
 */
import * as v from 'valibot';
import { loadFileSystem, type VirtualFileSystem } from '../../cli/vfs/index.ts';
import { issuePath, type KmsEngineState, publicStateProblems, stateWithNewMaterial } from '../../kms/persist/index.ts';
import { createModelClock } from '../../sim/core/clock.ts';
import { createWorld, type World } from '../../sim/world/index.ts';
import { IMPORT_NOTE, sandboxExportSchema } from './export-format.ts';
import { restoredParts, type SandboxParts } from './parts.ts';
import type { ImportReport } from './types.ts';

/** At most this many problems are listed: the first ones are what a person fixes first. */
const MAX_LISTED_PROBLEMS = 10;

export class SandboxImportError extends Error {
  constructor(readonly problems: string[]) {
    super(`The file cannot be imported:\n${problems.map((problem) => `- ${problem}`).join('\n')}`);
    this.name = 'SandboxImportError';
  }
}

/**
 * A seed for the imported sandbox's id generator that differs from the one the exported sandbox
 * used, so new key ids cannot repeat the imported ones; the same file gives the same seed.
 */
function importSeed(text: string, seed: number): number {
  let hash = 0x811c9dc5 ^ seed; // FNV-1a
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

function attempt<T>(problems: string[], label: string, build: () => T): T | undefined {
  try {
    return build();
  } catch (error) {
    problems.push(`${label}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

export async function importSandbox(text: string, seed: number): Promise<{ parts: SandboxParts; report: ImportReport }> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SandboxImportError([`it is not JSON (${(error as Error).message})`]);
  }
  const parsed = v.safeParse(sandboxExportSchema, json);
  if (!parsed.success) {
    throw new SandboxImportError(
      parsed.issues.slice(0, MAX_LISTED_PROBLEMS).map((issue) => {
        const where = issuePath(issue);
        return where ? `${where}: ${issue.message}` : issue.message;
      }),
    );
  }
  const document = parsed.output;
  const problems = publicStateProblems(document.kms).map((problem) => `kms.${problem}`);
  const clock = createModelClock(document.clock);
  const world: World | undefined = attempt(problems, 'world', () => createWorld(document.world as Parameters<typeof createWorld>[0]));
  const fs: VirtualFileSystem | undefined = attempt(problems, 'files', () => loadFileSystem(document.files, { clock }));
  if (problems.length > 0 || !world || !fs) throw new SandboxImportError(problems.slice(0, MAX_LISTED_PROBLEMS));

  let state: KmsEngineState;
  try {
    state = await stateWithNewMaterial(document.kms, { seed: importSeed(text, seed), time: document.clock });
  } catch (error) {
    // The checks above should leave nothing WebCrypto refuses; if something slips through, it is still only a bad file.
    throw new SandboxImportError([`the keys could not be created again: ${error instanceof Error ? error.message : String(error)}`]);
  }
  const parts = restoredParts({ seed, clock, state, world, fs, history: document.history, cwd: document.cwd });
  const files = [...fs.walk(fs.home)].filter(({ node }) => node.kind === 'file').length;
  return { parts, report: { keys: document.kms.keys.length, aliases: document.kms.aliases.length, files, note: IMPORT_NOTE } };
}
