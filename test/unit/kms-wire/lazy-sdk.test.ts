/**
 * The AWS SDK must not weigh on pages that do not use it: in the code that ships to the page
 * (src/, apart from the Node-only src/kms/node), @aws-sdk/* may only be imported as types or with a
 * dynamic `import()`, which Vite turns into a chunk fetched on first use.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node' ? [] : sources(path);
    return /\.(ts|svelte)$/.test(name) ? [path] : [];
  });
}

describe('lazy loading of @aws-sdk/client-kms', () => {
  it('no page code imports the SDK eagerly', () => {
    const eager = sources('src').flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/^\s*import\s+(?!type\b)[^;]*?from\s+['"](@aws-sdk\/[^'"]+)['"]/gm)].map(
        (match) => `${file}: ${match[1]}`,
      ),
    );
    expect(eager).toEqual([]);
  });

  it('the in-process client loads it with a dynamic import', () => {
    expect(readFileSync('src/kms/client/create-client.ts', 'utf8')).toMatch(/await import\('@aws-sdk\/client-kms'\)/);
  });
});
