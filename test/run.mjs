#!/usr/bin/env node
// The whole test suite, as the README's test command and CI run it:
// Chromium check → type check → unit and component tests (Vitest) → browser tests (Playwright).
// Every stage runs even when an earlier one fails, so one run shows everything that is wrong.
// The last line is "N passed, N failed" summed over all runners; a runner that leaves no report
// counts as one failure (a crash must never look like success).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureChromium } from './support/chromium.mjs';

const out = '.ci-out';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const stages = [];
function stage(name, command, args, env = {}) {
  const t0 = Date.now();
  console.log(`\n== ${name}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  console.log(`== ${name} ${ok ? 'passed' : `failed (exit ${result.status ?? result.signal})`} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  stages.push({ name, ok });
  return ok;
}

const chromium = ensureChromium();
stage('typecheck', 'npm', ['run', '--silent', 'check']);
stage('unit and component tests', 'npx', ['--no-install', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}/vitest.json`]);
if (chromium) {
  stage('browser tests', 'npx', ['--no-install', 'playwright', 'test', '--reporter=line,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: `${out}/e2e.json`,
    CHROMIUM_PATH: chromium,
  });
}

let passed = 0;
let failed = 0;
let skipped = 0;
function readReport(file) {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}
const vitest = readReport(`${out}/vitest.json`);
if (vitest) {
  passed += vitest.numPassedTests ?? 0;
  failed += vitest.numFailedTests ?? 0;
  skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
  // A test file that fails to load has no tests in it: count it as a failure.
  failed += (vitest.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0).length;
} else {
  console.log('!! no Vitest report: counted as a failure');
  failed += 1;
}
const e2e = readReport(`${out}/e2e.json`);
if (e2e) {
  passed += (e2e.stats?.expected ?? 0) + (e2e.stats?.flaky ?? 0);
  failed += e2e.stats?.unexpected ?? 0;
  skipped += e2e.stats?.skipped ?? 0;
  failed += (e2e.errors ?? []).length;
} else {
  console.log(chromium ? '!! no Playwright report: counted as a failure' : '!! browser tests not run: Chromium is missing (see above)');
  failed += 1;
}
const typecheck = stages.find((s) => s.name === 'typecheck');
if (typecheck && !typecheck.ok) failed += 1;

console.log(`\n${stages.map((s) => `${s.name}: ${s.ok ? 'ok' : 'FAILED'}`).join(' · ')}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || stages.some((s) => !s.ok) ? 1 : 0);
