/**
 * Builds sw.js, KMS Lab's service worker, at the root of the build output once everything else is
 * written (the app, embed.html, public files and embed.js, which the embed loader plugin builds in
 * its own closeBundle: this plugin must come after it in vite.config.ts). The worker gets the list
 * of every file of the build and a digest of their contents, so each deploy that changes any file
 * changes sw.js and browsers find the update. Not in the dev server: the app registers the worker
 * only in a production build.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { build, type Plugin } from 'vite';
import { SERVICE_WORKER_FILE_NAME } from '../worker-file.ts';

const ENTRY = 'src/ui/offline/worker/service-worker.ts';

/** Files of the output the app never loads: the README's screenshot (230 kB) stays out of the cache. */
const NOT_PRECACHED = new Set([SERVICE_WORKER_FILE_NAME, 'screenshot.png']);

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((file) => !NOT_PRECACHED.has(file) && !file.endsWith('.map'))
    .sort();
}

/** The precache manifest: every file and a version that changes when any name or content does. */
export async function precacheManifest(outDir: string): Promise<{ files: string[]; version: string }> {
  const files = await listFiles(outDir);
  const digest = createHash('sha256');
  for (const file of files) digest.update(file).update('\0').update(await readFile(join(outDir, file))).update('\0');
  return { files, version: digest.digest('hex').slice(0, 16) };
}

export function serviceWorkerPlugin(): Plugin {
  let root = process.cwd();
  let outDir = resolve(root, 'dist');
  return {
    name: 'kms-lab-service-worker',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      // After every earlier plugin's closeBundle (embed.js must be on disk to be precached).
      order: 'post',
      sequential: true,
      async handler() {
        if (this.meta.watchMode) return;
        const { files, version } = await precacheManifest(outDir);
        await build({
          configFile: false,
          root,
          logLevel: 'warn',
          define: {
            __KMS_LAB_PRECACHE__: JSON.stringify(files),
            __KMS_LAB_VERSION__: JSON.stringify(version),
          },
          build: {
            outDir,
            emptyOutDir: false,
            copyPublicDir: false,
            target: 'es2022',
            lib: { entry: resolve(root, ENTRY), formats: ['iife'], name: 'KmsLabServiceWorker', fileName: () => SERVICE_WORKER_FILE_NAME },
          },
        });
      },
    },
  };
}
