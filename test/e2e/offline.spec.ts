import { test, expect, type Page } from '@playwright/test';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { serveStatic } from '../support/static-server.mjs';
import { seriousViolations } from './support/axe';
import { watchPage } from './support/page-health';
import { FIRST_LESSON } from './support/first-lesson';
import { stepHeading } from './support/lesson';
import { tabTo } from './support/keyboard';
import { precacheManifest } from '../../src/ui/offline/build/service-worker-plugin';

// The project blocks service workers in browser tests (playwright.config.ts); these are about it.
test.use({ serviceWorkers: 'allow' });

// Each test serves its own copy of the build from a sub-path of a static server of its own: closing
// that server is a real network failure (not only the browser's offline switch), and the copy can be
// changed into "the next deploy". The worker's scope must be exactly that folder.
const BASE = '/courses/security/kms-lab/';
const NOTICE = 'A new version of KMS Lab is ready.';

async function copyOfBuild(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kms-lab-offline-'));
  await cp(process.env.E2E_DIST ?? 'dist', dir, { recursive: true });
  return dir;
}

/** Waits until the service worker has cached the build and controls the page; returns its scope. */
async function waitForOfflineCopy(page: Page): Promise<string> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
  return page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
}

test('after the first visit the app reloads and runs offline: a lesson step, the sandbox and the exam', async ({ page, context }) => {
  test.setTimeout(120_000);
  const dir = await copyOfBuild();
  const server = await serveStatic(dir, { base: BASE });
  const health = watchPage(page, new URL(server.url).origin);
  try {
    await page.goto(`${server.url}#/`);
    await expect(page.getByRole('link', { name: FIRST_LESSON.title, exact: true })).toBeVisible();
    expect(await waitForOfflineCopy(page)).toBe(server.url);
    // The whole build is cached: every file the server has, but the worker itself and the README's screenshot.
    const cached = await page.evaluate(async () => {
      const cache = await caches.open((await caches.keys())[0]!);
      return (await cache.keys()).map((request) => request.url);
    });
    const built = (await readdir(dir, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile() && !['sw.js', 'screenshot.png'].includes(entry.name))
      .map((entry) => new URL(relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'), server.url).href);
    expect(cached.sort()).toEqual(built.sort());
    expect(built).toContain(`${server.url}embed.js`);
  } finally {
    await server.close();
  }
  await context.setOffline(true);

  await page.reload();
  await expect(page.getByRole('link', { name: FIRST_LESSON.title, exact: true })).toBeVisible();

  // A lazily loaded lesson page, its engine and WebCrypto: a hands-on step completed offline.
  await page.goto(`${server.url}#/lessons/${FIRST_LESSON.id}/send-your-own`);
  await expect(stepHeading(page)).toHaveText('Your turn: send a secret');
  await page.getByLabel(/^Your message/).fill(FIRST_LESSON.inputs['Your message']);
  await page.getByRole('button', { name: 'Send over TLS' }).click();
  await expect(page.getByText(/^✓ Goal reached|Goal reached\./).first()).toBeVisible({ timeout: 20_000 });

  // Another lazily loaded route: the sandbox's console and terminal.
  await page.goto(`${server.url}#/sandbox`);
  await expect(page.getByRole('heading', { level: 1, name: 'KMS sandbox' })).toBeVisible();
  const terminal = page.getByRole('textbox', { name: 'Terminal', exact: true });
  await terminal.fill('aws kms create-key --description offline');
  await terminal.press('Enter');
  await expect(page.getByRole('log', { name: 'Terminal output' })).toContainText('"KeyId"', { timeout: 20_000 });

  // embed.html and embed.js, for a course site's page opened offline on this same host.
  for (const file of ['embed.html', 'embed.js']) {
    expect(await page.evaluate(async (url) => (await fetch(url)).ok, `${server.url}${file}`), file).toBe(true);
  }

  // The exam route, which no earlier step of this test loaded.
  await page.goto(`${server.url}#/exam`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'This page could not be loaded' })).toHaveCount(0);

  health.expectClean();
  await rm(dir, { recursive: true, force: true });
});

test.describe('updates', () => {
  // axe is injected as an inline script, which the page's CSP rightly refuses; the test above runs
  // under the real CSP, so registering the worker is known to be allowed by it.
  test.use({ bypassCSP: true });

  test('a new deploy is found while a lesson is open; the notice waits for the learner, and Reload takes it', async ({ page }) => {
    test.setTimeout(120_000);
    const dir = await copyOfBuild();
    const server = await serveStatic(dir, { base: BASE });
    const health = watchPage(page, new URL(server.url).origin);
    try {
      await page.goto(`${server.url}#/lessons/${FIRST_LESSON.id}/certificates`);
      await expect(stepHeading(page)).toBeVisible();
      await waitForOfflineCopy(page);
      const firstCaches = await page.evaluate(() => caches.keys());
      expect(firstCaches).toHaveLength(1);

      // The next deploy: index.html changes, so the rebuilt sw.js carries a new version.
      const index = join(dir, 'index.html');
      await writeFile(index, (await readFile(index, 'utf8')).replace('</head>', '<meta name="release" content="next" /></head>'));
      const worker = join(dir, 'sw.js');
      const before = await readFile(worker, 'utf8');
      const oldVersion = /[`"']([0-9a-f]{16})[`"']/.exec(before)?.[1];
      expect(oldVersion, 'the version in sw.js').toBeTruthy();
      const { version } = await precacheManifest(dir);
      expect(version).not.toBe(oldVersion);
      await writeFile(worker, before.replace(oldVersion!, version));

      // The learner is mid-lesson; the tab checks for a deploy (as it does when shown again).
      await page.evaluate(() => {
        (window as unknown as { stillThisPage: boolean }).stillThisPage = true;
      });
      await page.getByRole('button', { name: 'Next step' }).focus();
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
      const notice = page.getByText(NOTICE);
      await expect(notice).toBeVisible({ timeout: 30_000 });
      await expect(page.getByRole('button', { name: 'Next step' }), 'focus stays where the learner left it').toBeFocused();
      expect(await seriousViolations(page)).toEqual([]);

      // Never reloaded behind the learner's back.
      await page.waitForTimeout(1000);
      expect(await page.evaluate(() => (window as unknown as { stillThisPage?: boolean }).stillThisPage)).toBe(true);

      await tabTo(page, page.getByRole('button', { name: 'Reload' }));
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => !(window as unknown as { stillThisPage?: boolean }).stillThisPage, undefined, { timeout: 20_000 });
      await expect(stepHeading(page)).toBeVisible();
      await expect(page).toHaveURL(new RegExp(`#/lessons/${FIRST_LESSON.id}/certificates$`));
      await expect(page.getByText(NOTICE)).toHaveCount(0);
      await expect(page.locator('meta[name="release"]')).toHaveAttribute('content', 'next');
      // The new version's cache replaced the old one.
      await expect.poll(() => page.evaluate(() => caches.keys())).toEqual([expect.stringContaining(version)]);
      health.expectClean();
    } finally {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

test('embed.html, inside a course site page, registers no worker of its own', async ({ page }) => {
  const dir = await copyOfBuild();
  const server = await serveStatic(dir, { base: BASE });
  try {
    await page.goto(`${server.url}embed.html#/lessons/${FIRST_LESSON.id}`);
    await expect(page.locator('#embed')).not.toBeEmpty();
    await page.waitForLoadState('load');
    await page.waitForTimeout(500);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test.describe('without service workers', () => {
  // A browser setting or policy that refuses workers: the app is simply not offline.
  test.use({ serviceWorkers: 'block' });

  test('the app still opens a lesson, with no error and no notice', async ({ page }) => {
    const dir = await copyOfBuild();
    const server = await serveStatic(dir, { base: BASE });
    const health = watchPage(page, new URL(server.url).origin);
    try {
      await page.goto(`${server.url}#/lessons/${FIRST_LESSON.id}`);
      await expect(stepHeading(page)).toBeVisible();
      await page.waitForLoadState('load');
      await expect(page.getByRole('button', { name: 'Next step' })).toHaveAttribute('aria-disabled', 'false', { timeout: 20_000 });
      expect(await page.evaluate(() => navigator.serviceWorker?.controller ?? null)).toBeNull();
      await expect(page.getByText(NOTICE)).toHaveCount(0);
      health.expectClean();
    } finally {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
