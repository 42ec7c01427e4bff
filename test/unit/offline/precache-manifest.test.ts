import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { precacheManifest } from '../../../src/ui/offline/build/service-worker-plugin';

describe('precacheManifest', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kms-lab-precache-'));
    await mkdir(join(dir, 'assets'));
    for (const [file, text] of [
      ['index.html', '<html>'],
      ['embed.html', '<html>'],
      ['embed.js', 'loader'],
      ['sw.js', 'old worker'],
      ['screenshot.png', 'png'],
      ['assets/main-1.js', 'main'],
      ['assets/main-1.js.map', '{}'],
      ['assets/LessonPage-2.css', 'css'],
    ]) {
      await writeFile(join(dir, file), text);
    }
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('lists every file the app loads, with forward slashes, but not the worker, maps or the screenshot', async () => {
    const { files } = await precacheManifest(dir);
    expect(files).toEqual(['assets/LessonPage-2.css', 'assets/main-1.js', 'embed.html', 'embed.js', 'index.html']);
  });

  it('changes its version when any precached file changes, and only then', async () => {
    const first = await precacheManifest(dir);
    expect((await precacheManifest(dir)).version).toBe(first.version);
    await writeFile(join(dir, 'sw.js'), 'another old worker');
    expect((await precacheManifest(dir)).version).toBe(first.version);
    await writeFile(join(dir, 'embed.js'), 'loader, next release');
    expect((await precacheManifest(dir)).version).not.toBe(first.version);
  });
});
