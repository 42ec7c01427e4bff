/**
 * The saved form of a file system (the sandbox keeps it across reloads and in its export): plain
 * JSON, file contents as base64. Loading validates every field, because saved data comes back
 * from storage or from a file the learner imports and must never be trusted blindly.
 */
import * as v from 'valibot';
import type { ModelClock } from '../../sim/core/clock.ts';
import { fromBase64Strict, toBase64 } from './encoding.ts';
import { VirtualFileSystem } from './file-system.ts';
import { MAX_ENTRIES } from './limits.ts';
import { dirname } from './path.ts';

export const SAVED_FILE_SYSTEM_VERSION = 1;

const entrySchema = v.variant('kind', [
  v.object({ kind: v.literal('dir'), path: v.pipe(v.string(), v.startsWith('/')), mtime: v.number() }),
  v.object({
    kind: v.literal('file'),
    path: v.pipe(v.string(), v.startsWith('/')),
    mtime: v.number(),
    base64: v.string(),
  }),
]);

const savedSchema = v.object({
  version: v.literal(SAVED_FILE_SYSTEM_VERSION),
  home: v.pipe(v.string(), v.startsWith('/')),
  entries: v.pipe(v.array(entrySchema), v.maxLength(MAX_ENTRIES)),
});

export type SavedFileSystem = v.InferOutput<typeof savedSchema>;

export function saveFileSystem(fs: VirtualFileSystem): SavedFileSystem {
  const entries: SavedFileSystem['entries'] = [];
  for (const { path, node } of fs.walk('/')) {
    if (path === '/') continue;
    entries.push(
      node.kind === 'dir'
        ? { kind: 'dir', path, mtime: node.mtime }
        : { kind: 'file', path, mtime: node.mtime, base64: toBase64(node.data) },
    );
  }
  return { version: SAVED_FILE_SYSTEM_VERSION, home: fs.home, entries };
}

/** Rebuilds a file system from its saved form; throws a readable Error when the data is invalid. */
export function loadFileSystem(saved: unknown, options: { clock?: Pick<ModelClock, 'now'> } = {}): VirtualFileSystem {
  const parsed = v.safeParse(savedSchema, saved);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    throw new Error(`saved file system is invalid: ${issue.message}`);
  }
  const fs = new VirtualFileSystem({ home: parsed.output.home, clock: options.clock });
  // Entries are written in walk order (parents first), but a hand-edited import may not be.
  for (const entry of parsed.output.entries) {
    if (entry.kind === 'dir') fs.mkdir(entry.path, { parents: true });
    else {
      const bytes = fromBase64Strict(entry.base64);
      if (!bytes) throw new Error(`saved file system is invalid: ${entry.path} is not valid base64`);
      fs.mkdir(dirname(entry.path), { parents: true });
      fs.writeFile(entry.path, bytes);
    }
  }
  for (const entry of parsed.output.entries) fs.restoreModificationTime(entry.path, entry.mtime);
  return fs;
}
