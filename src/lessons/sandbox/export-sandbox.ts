import { saveFileSystem } from '../../cli/vfs/index.ts';
import { publicKmsState } from '../../kms/persist/index.ts';
import { EXPORT_NOTE, SANDBOX_EXPORT_FORMAT, SANDBOX_EXPORT_VERSION, type SandboxExport } from './export-format.ts';
import type { SandboxParts } from './parts.ts';

/** The non-secret parts of the sandbox as indented JSON (see export-format.ts). */
export function exportSandbox(parts: SandboxParts): string {
  const state = parts.kms.snapshotNow();
  const document: SandboxExport = {
    format: SANDBOX_EXPORT_FORMAT,
    version: SANDBOX_EXPORT_VERSION,
    note: EXPORT_NOTE,
    exportedAt: new Date(state.time).toISOString(),
    clock: state.time,
    world: parts.world.toJSON(),
    files: saveFileSystem(parts.fs),
    history: [...parts.shell.history],
    cwd: parts.shell.cwd,
    kms: publicKmsState(state),
  };
  return JSON.stringify(document, null, 2) + '\n';
}
