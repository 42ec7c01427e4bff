#!/usr/bin/env node
// `npm run bench`: speed and size, measured as ratios against a baseline run in the same process
// and as bundle sizes — never as timed assertions in tests.
//  1. Builds the site, then measures in Chromium what the catalogue route and a lesson route load
//     first (JavaScript and CSS, gzip level 9), and the largest lazily loaded chunk.
//  2. Runs every test/bench/*.bench.ts (engine speed against raw WebCrypto, simulator sweeps…).
//  3. Runs every test/bench/*.bench.mjs in Node (measurements in Chromium, e.g. the envelope file path).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { measureBundle } from './bundle-size.mjs';

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`!! ${command} ${args.join(' ')} failed`);
    process.exitCode = 1;
  }
  return result.status === 0;
}

console.log('== build');
if (run('npx', ['--no-install', 'vite', 'build', '--logLevel', 'warn'])) {
  console.log('\n== bundle sizes (gzip -9, kB = 1000 bytes)');
  await measureBundle('dist');
}

const benches = readdirSync('test/bench').filter((f) => f.endsWith('.bench.ts')).sort();
for (const file of benches) {
  console.log(`\n== ${file}`);
  run('npx', ['--no-install', 'tsx', `test/bench/${file}`]);
}

const browserBenches = readdirSync('test/bench').filter((f) => f.endsWith('.bench.mjs')).sort();
for (const file of browserBenches) {
  console.log(`\n== ${file}`);
  run(process.execPath, [`test/bench/${file}`]);
}
