/**
 * Builds embed.js, the `<kms-lesson>` loader, as one self-contained classic script at the root of
 * the build output, under a stable name (course sites link to it; a hashed name would break their
 * pages on every release). It is built apart from the app so that it shares no chunk with it: a
 * host page downloads this one small file and nothing of the app until the iframe loads.
 * In development the same file is built on request, so public/embed-demo.html works with `vite`.
 */
import { resolve } from 'node:path';
import { build, type InlineConfig, type Plugin } from 'vite';

const ENTRY = 'src/embed/loader.ts';
export const LOADER_FILE = 'embed.js';

function loaderConfig(root: string, outDir: string, write: boolean): InlineConfig {
  return {
    configFile: false,
    root,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: false,
      copyPublicDir: false,
      write,
      target: 'es2022',
      lib: { entry: resolve(root, ENTRY), formats: ['iife'], name: 'KmsLab', fileName: () => LOADER_FILE },
    },
  };
}

export function embedLoaderPlugin(): Plugin {
  let root = process.cwd();
  let outDir = resolve(root, 'dist');
  // Only `vite build` writes the file: Vitest also closes the bundle, with an outDir of its own.
  let building = false;
  return {
    name: 'kms-lab-embed-loader',
    configResolved(config) {
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
      building = config.command === 'build' && !process.env.VITEST;
    },
    async closeBundle() {
      if (!building || this.meta.watchMode) return;
      await build(loaderConfig(root, outDir, true));
    },
    configureServer(server) {
      server.middlewares.use(async (req, res, next) => {
        if (!req.url?.split('?')[0]?.endsWith(`/${LOADER_FILE}`)) return next();
        try {
          const output = await build(loaderConfig(root, outDir, false));
          const results = Array.isArray(output) ? output : [output];
          const chunk = results.flatMap((result) => ('output' in result ? result.output : [])).find((item) => item.type === 'chunk');
          if (!chunk || chunk.type !== 'chunk') return next();
          res.setHeader('content-type', 'text/javascript; charset=utf-8');
          res.end(chunk.code);
        } catch (error) {
          next(error);
        }
      });
    },
  };
}
