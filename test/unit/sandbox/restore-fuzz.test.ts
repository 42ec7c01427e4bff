/**
 * Whatever storage hands back, opening the sandbox works: a saved record with one value replaced
 * at random either restores or is reported and reset — and the terminal answers afterwards.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSandboxSession, memoryStorage } from '../../../src/lessons/sandbox/index.ts';
import { createKey, ENCRYPT, session } from './support.ts';

type Path = (string | number)[];

/** Paths into plain objects and arrays (not into CryptoKeys, Maps, Sets or byte arrays). */
function pathsOf(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  const plain = value !== null && typeof value === 'object' && (Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype);
  if (plain) for (const [key, child] of Object.entries(value)) pathsOf(child, [...path, Array.isArray(value) ? Number(key) : key], out);
  return out;
}

function damaged(record: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = structuredClone(record) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  parent[path.at(-1)!] = replacement;
  return copy;
}

describe('restoring never breaks', () => {
  it('a saved record with one value replaced at random restores, or is reported and reset', async () => {
    const storage = memoryStorage();
    const original = await session(storage);
    await createKey(original);
    await original.shell.run(ENCRYPT);
    await original.save();
    const record = await storage.load();
    const paths = pathsOf(record);
    let resets = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: paths.length - 1 }), fc.jsonValue({ maxDepth: 1 }), async (index, value) => {
        const s = await createSandboxSession({ storage: memoryStorage(damaged(record, paths[index], value)), autosaveDelayMs: 60_000 });
        if (s.restoreNotice) resets++;
        // Restored or fresh, the sandbox must work: the terminal lists the keys, or KMS refuses in
        // its own words (damage to alice's IAM policy can legitimately take her permissions away).
        const listed = await s.shell.run('aws kms list-keys --output text');
        expect([0, 254]).toContain(listed.exitCode);
        expect(listed.stderr).not.toMatch(/internal error|KMSInternalException/);
        s.dispose();
      }),
      { numRuns: 80 },
    );
    expect(resets).toBeGreaterThan(0);
  }, 60_000);
});
