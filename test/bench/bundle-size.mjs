// What a person's browser downloads first: opens the built site in Chromium, records every
// JavaScript and CSS response for a route, and sums their gzip sizes. Also reports the largest
// chunk in the build (the heaviest thing any lazily loaded route may fetch).
import { chromium } from '@playwright/test';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serveStatic } from '../support/static-server.mjs';
import { lessonIds } from './lesson-ids.mjs';

const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
const FIRST_LOAD_AIM = 120_000;
/** embed.js, the <kms-lesson> loader a course site's page downloads (issue #9: at most 5 KB gzip). */
const LOADER_AIM = 5_000;

async function firstLoad(browser, url) {
  const page = await browser.newPage();
  const seen = new Map();
  page.on('response', async (response) => {
    const type = response.request().resourceType();
    if (type !== 'script' && type !== 'stylesheet') return;
    try {
      seen.set(response.url(), { type, gzip: gz(await response.body()) });
    } catch {
      /* a response without a body (redirect) weighs nothing */
    }
  });
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  await page.close();
  const js = [...seen.values()].filter((r) => r.type === 'script').reduce((s, r) => s + r.gzip, 0);
  const css = [...seen.values()].filter((r) => r.type === 'stylesheet').reduce((s, r) => s + r.gzip, 0);
  return { js, css, files: seen.size };
}

export async function measureBundle(dist) {
  const server = await serveStatic(dist);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const { summaries } = lessonIds();
    const routes = [['catalogue #/', `${server.url}#/`]];
    if (summaries[0]) routes.push([`lesson #/lessons/${summaries[0].id}/${summaries[0].firstStep}`, `${server.url}#/lessons/${summaries[0].id}/${summaries[0].firstStep}`]);
    for (const [name, url] of routes) {
      const { js, css, files } = await firstLoad(browser, url);
      const total = js + css;
      console.log(`first load, ${name}: JS ${kB(js)} + CSS ${kB(css)} = ${kB(total)} in ${files} files (aim ≤ ${kB(FIRST_LOAD_AIM)}: ${total <= FIRST_LOAD_AIM ? 'met' : 'NOT met'})`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const assets = join(dist, 'assets');
  const chunks = readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .map((f) => ({ f, gzip: gz(readFileSync(join(assets, f))) }))
    .sort((a, b) => b.gzip - a.gzip);
  if (chunks[0]) console.log(`largest chunk: ${chunks[0].f} ${kB(chunks[0].gzip)} (of ${chunks.length} JS chunks, ${kB(chunks.reduce((s, c) => s + c.gzip, 0))} in all)`);
  const loader = join(dist, 'embed.js');
  if (existsSync(loader)) {
    const size = gz(readFileSync(loader));
    console.log(`embed.js (the <kms-lesson> loader): ${kB(size)} gzip (aim ≤ ${kB(LOADER_AIM)}: ${size <= LOADER_AIM ? 'met' : 'NOT met'})`);
  }
}
