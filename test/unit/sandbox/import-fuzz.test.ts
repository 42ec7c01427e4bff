/**
 * Nothing in an imported file can break the sandbox: random JSON and random damage to a real
 * export either import or are refused with a SandboxImportError — never another error, never a
 * half-replaced sandbox.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SandboxImportError, type SandboxSession } from '../../../src/lessons/sandbox/index.ts';
import { session } from './support.ts';

type Json = unknown;

/** Every path into a JSON value (objects and arrays), the root first. */
function pathsOf(value: Json, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(path);
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) pathsOf(child, [...path, Array.isArray(value) ? Number(key) : key], out);
  }
  return out;
}

function replaced(document: Json, path: (string | number)[], replacement: Json): Json {
  if (path.length === 0) return replacement;
  const copy = structuredClone(document) as Record<string | number, Json>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  parent[path.at(-1)!] = replacement;
  return copy;
}

/** Imports `text`; a refusal must be a SandboxImportError that leaves the sandbox as it was. */
async function importOrRefuse(s: SandboxSession, text: string): Promise<'imported' | 'refused'> {
  const generation = s.generation;
  try {
    await s.importJson(text);
    expect(s.generation).toBe(generation + 1);
    return 'imported';
  } catch (error) {
    expect(error).toBeInstanceOf(SandboxImportError);
    expect((error as SandboxImportError).problems.length).toBeGreaterThan(0);
    expect(s.generation).toBe(generation);
    return 'refused';
  }
}

describe('importJson never breaks', () => {
  it('random JSON is refused with a SandboxImportError', async () => {
    const s = await session();
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        expect(await importOrRefuse(s, JSON.stringify(value))).toBe('refused');
      }),
      { numRuns: 60 },
    );
  });

  it('a real export with one value replaced at random imports or is refused, nothing else', async () => {
    const s = await session();
    await s.shell.run('aws kms create-key --key-spec ECC_NIST_P256 --key-usage SIGN_VERIFY');
    const document = JSON.parse(s.exportJson());
    const paths = pathsOf(document);
    const outcomes = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: paths.length - 1 }), fc.jsonValue({ maxDepth: 2 }), async (index, value) => {
        outcomes.add(await importOrRefuse(s, JSON.stringify(replaced(document, paths[index], value))));
      }),
      { numRuns: 60 },
    );
    expect(outcomes).toContain('refused');
  }, 60_000);
});
