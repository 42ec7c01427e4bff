// The envelope file path in Chromium: a 256 MiB file sealed in 1 MiB chunks by the file worker
// (src/sim/envelope/stream/worker.ts, bundled as the site bundles it), timed against one raw
// WebCrypto AES-256-GCM encryption of the same bytes in the same page. Reports the throughput
// ratio (aim: at least 0.7) and peak memory: the page's JS heap (CDP, sampled) and the resident
// memory of all of Chromium's processes (the worker's heap and Blob storage included, sampled).
// The file path runs first, so the raw run's whole-file buffers are not yet resident.
// The KMS call for the data key is left out: one call per file, it does not scale with the size.
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { serveStatic } from '../support/static-server.mjs';

const MIB = 1024 * 1024;
const SIZE = 256 * MIB;
const AIM = 0.7;
const mb = (bytes) => `${(bytes / MIB).toFixed(0)} MiB`;

/** Resident memory (bytes) of the process whose command line holds `tag`, and all its descendants. */
function treeRss(tag) {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,rss=,args='], { encoding: 'utf8', maxBuffer: 1 << 24 })
    .split('\n')
    .map((line) => line.trim().match(/^(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/))
    .filter(Boolean)
    .map(([, pid, ppid, rss, args]) => ({ pid: +pid, ppid: +ppid, rss: +rss * 1024, args }));
  const roots = rows.filter((r) => r.args.includes(tag)).map((r) => r.pid);
  const inTree = new Set(roots);
  for (let grew = true; grew; ) {
    grew = false;
    for (const r of rows) if (!inTree.has(r.pid) && inTree.has(r.ppid)) inTree.add(r.pid), (grew = true);
  }
  return rows.filter((r) => inTree.has(r.pid)).reduce((sum, r) => sum + r.rss, 0);
}

const out = mkdtempSync(join(tmpdir(), 'envelope-file-bench-'));
try {
  await build({
    configFile: false,
    logLevel: 'warn',
    build: { outDir: out, emptyOutDir: true, minify: true, lib: { entry: 'src/sim/envelope/stream/worker.ts', formats: ['es'], fileName: () => 'worker.js' } },
  });
  writeFileSync(join(out, 'index.html'), '<!doctype html><title>envelope file bench</title>');
  const server = await serveStatic(out);
  const tag = `--envelope-file-bench=${process.pid}`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info', tag] });
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}index.html`);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const peak = { heap: 0, rss: 0 };
    const sample = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      peak.heap = Math.max(peak.heap, metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0);
      peak.rss = Math.max(peak.rss, treeRss(tag));
    };
    const measure = async (label, body) => {
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200)));
      Object.assign(peak, { heap: 0, rss: 0 });
      const startRss = treeRss(tag);
      let running = true;
      const sampler = (async () => {
        while (running) {
          await sample().catch(() => {});
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      })();
      const result = await body();
      running = false;
      await sampler;
      return { label, ...result, peakHeap: peak.heap, peakRss: peak.rss, startRss };
    };

    // The input, as a File would be: a Blob the page holds (not a JS array).
    await page.evaluate((size) => {
      const block = crypto.getRandomValues(new Uint8Array(65536));
      const parts = [];
      for (let at = 0; at < size; at += block.length) parts.push(block);
      globalThis.input = new Blob(parts);
    }, SIZE);

    const chunked = await measure('file path: worker, 1 MiB chunks, Blob output', () =>
      page.evaluate(async () => {
        const worker = new Worker('./worker.js', { type: 'module' });
        const run = (job, transfer = []) =>
          new Promise((resolve, reject) => {
            worker.onmessage = ({ data }) => {
              if ('result' in data) resolve(data.result);
              else if ('error' in data) reject(new Error(data.error.message));
            };
            worker.postMessage({ id: 1, job }, transfer);
          });
        const dataKey = crypto.getRandomValues(new Uint8Array(32));
        await run({ kind: 'compare', a: new Blob(['warm']), b: new Blob(['warm']) }); // the worker's module loaded before timing
        const started = performance.now();
        const { blob } = await run({ kind: 'seal', file: globalThis.input, dataKey, kmsKeyArn: 'arn:aws:kms:eu-west-2:111122223333:key/bench', encryptionContext: { purpose: 'bench' }, encryptedDataKey: new Uint8Array(184) }, [dataKey.buffer]);
        const ms = performance.now() - started;
        worker.terminate();
        return { ms, bytes: blob.size };
      }),
    );
    const raw = await measure('one raw AES-GCM encrypt (in memory)', () =>
      page.evaluate(async () => {
        const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt']);
        const bytes = await globalThis.input.arrayBuffer(); // the raw call needs the whole file in memory
        const started = performance.now();
        const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv: crypto.getRandomValues(new Uint8Array(12)) }, key, bytes);
        const ms = performance.now() - started;
        return { ms, bytes: sealed.byteLength };
      }),
    );
    for (const r of [raw, chunked]) {
      console.log(`${r.label}: ${mb(SIZE)} in ${r.ms.toFixed(0)} ms = ${(SIZE / MIB / (r.ms / 1000)).toFixed(0)} MiB/s; peak page JS heap ${mb(r.peakHeap)}, peak Chromium resident memory ${mb(r.peakRss)} (${mb(r.peakRss - r.startRss)} above its start)`);
    }
    const ratio = raw.ms / chunked.ms;
    console.log(`envelope file path throughput / raw WebCrypto AES-GCM: ${ratio.toFixed(2)} (aim ≥ ${AIM}: ${ratio >= AIM ? 'met' : 'NOT met'})`);
  } finally {
    await browser.close();
    await server.close();
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
