/**
 * Lesson 07's own-file step with a generated 50 MB file: picked with the file input, encrypted and
 * decrypted in chunks in a Web Worker while the progress bar moves and the page still answers the
 * keyboard, both results offered as downloads (the decrypted copy the same size as the file, both
 * kept in the origin's private file system), the step's goal reached; then a larger file cancelled
 * from the keyboard while it runs (announced, nothing kept) and another file dropped after it. Axe
 * clean, no console errors (the fixture checks those).
 */
import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { seriousViolations } from './support/axe';
import { activate } from './support/keyboard';
import { stepHeading } from './support/lesson';

const FILE_BYTES = 50 * 1000 * 1000;

/** A file's bytes: not all zeros, so a copy mixed up would show. */
function patterned(bytes: number): Buffer {
  const buffer = Buffer.alloc(bytes);
  for (let i = 0; i + 4 <= bytes; i += 4096) buffer.writeUInt32BE(i, i);
  return buffer;
}

/** The files the file jobs keep in the origin's private file system (their folder, see src/sim/envelope/stream/opfs.ts). */
const storedOutputs = (page: Page) =>
  page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const folder = await root.getDirectoryHandle('kms-lab-file-jobs', { create: true });
    const names: string[] = [];
    for await (const name of (folder as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
    return names.sort();
  });

async function openOwnFileStep(page: Page): Promise<void> {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('./#/lessons/envelope-encryption/your-own-file');
  await expect(stepHeading(page)).toHaveText(/a file of your own, in chunks/);
  await expect(page.getByText(/^Your goal:/)).toBeVisible({ timeout: 20_000 });
}

// axe is injected as an inline script, which the app's Content-Security-Policy rightly refuses.
test.use({ bypassCSP: true });

test('a 50 MB file of their own is sealed in chunks in a worker, with progress, a responsive page and both downloads', async ({ page }) => {
  test.setTimeout(180_000);
  await openOwnFileStep(page);

  const buffer = patterned(FILE_BYTES);
  await page.getByLabel('Your file', { exact: true }).setInputFiles({ name: 'holiday-video.bin', mimeType: 'application/octet-stream', buffer });
  await expect(page.getByText('Chosen: holiday-video.bin (50,000,000 bytes)')).toBeVisible();

  await activate(page, page.getByRole('button', { name: 'Encrypt and decrypt my file' }));
  const bar = page.getByRole('progressbar');
  await expect(bar).toBeVisible({ timeout: 20_000 });

  // While the worker runs, the page answers: the hint opens and closes from the keyboard, and a frame paints quickly.
  const hint = page.locator('details.hint');
  await activate(page, page.getByText('Show hint'));
  await expect(hint).toHaveAttribute('open', '');
  const frameMs = await page.evaluate(() => new Promise<number>((resolve) => { const t = performance.now(); requestAnimationFrame(() => resolve(performance.now() - t)); }));
  expect(frameMs).toBeLessThan(1000);
  const seen = new Set<string>();
  await expect(async () => {
    seen.add((await bar.getAttribute('aria-valuenow')) ?? '');
    await expect(page.getByText(/Goal reached/).first()).toBeVisible({ timeout: 200 });
  }).toPass({ timeout: 120_000, intervals: [100] });
  expect([...seen].some((value) => Number(value) > 0)).toBe(true);

  await expect(page.getByText('Done: holiday-video.bin')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Finished: holiday-video.bin was encrypted and decrypted' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel' })).toHaveCount(0);
  // Both results are files on disk (the private file system), not held in the page's memory.
  expect(await storedOutputs(page)).toHaveLength(2);
  await expect(page.getByText(/results are kept in memory/)).toHaveCount(0);
  await expect(bar).toHaveAttribute('aria-valuenow', '100');
  await expect(page.locator('.text-twin').getByText('50,000,000 bytes, identical to your file, byte for byte', { exact: false }).first()).toBeVisible();

  const encrypted = page.getByRole('link', { name: 'Download the encrypted file' });
  const decrypted = page.getByRole('link', { name: 'Download the decrypted copy' });
  await expect(encrypted).toHaveAttribute('download', 'holiday-video.bin.kmslab');
  await expect(decrypted).toHaveAttribute('download', 'decrypted-holiday-video.bin');
  const download = page.waitForEvent('download');
  await activate(page, decrypted);
  const saved = await (await download).createReadStream();
  let size = 0;
  for await (const chunk of saved) size += (chunk as Buffer).length;
  expect(size).toBe(FILE_BYTES);

  expect(await seriousViolations(page)).toEqual([]);

  // Resetting the step undoes the run: its files are removed from disk and nothing is offered any more.
  await activate(page, page.getByRole('button', { name: 'Reset', exact: true }));
  await expect(page.getByText(/^Your goal:/)).toBeVisible({ timeout: 20_000 });
  await expect(encrypted).toHaveCount(0);
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await expect.poll(() => storedOutputs(page)).toEqual([]);
});

test('a running file job is cancelled from the keyboard: announced, nothing kept, and another file can be dropped', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await openOwnFileStep(page);

  // A file left by a tab closed mid-job (no open page claims its tag): swept when this page's first job starts.
  await page.evaluate(async () => {
    const folder = await (await navigator.storage.getDirectory()).getDirectoryHandle('kms-lab-file-jobs', { create: true });
    await folder.getFileHandle('0123456789ab-1-sealed', { create: true });
  });
  expect(await storedOutputs(page)).toEqual(['0123456789ab-1-sealed']);

  // Large enough that the job is still running when Cancel is pressed; handed over as a file on disk.
  const big = testInfo.outputPath('family-archive.bin');
  writeFileSync(big, patterned(400 * 1000 * 1000));
  await page.getByLabel('Your file', { exact: true }).setInputFiles(big);
  await activate(page, page.getByRole('button', { name: 'Encrypt and decrypt my file' }));
  const cancel = page.getByRole('button', { name: 'Cancel' });
  await expect(cancel).toBeVisible({ timeout: 20_000 });
  // The form's own button is disabled while the job runs; focus waits on Cancel instead of being lost.
  await expect(cancel).toBeFocused();
  await expect(page.getByRole('progressbar')).toBeVisible();
  await activate(page, cancel);

  const status = page.getByRole('status').filter({ hasText: 'Cancelled: nothing was kept' });
  await expect(status).toBeVisible({ timeout: 20_000 });
  await expect(status).toBeFocused();
  await expect(page.getByText('Cancelled: family-archive.bin')).toBeVisible();
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await expect(cancel).toHaveCount(0);
  await expect(page.getByRole('link', { name: /Download the/ })).toHaveCount(0);
  expect(await storedOutputs(page)).toEqual([]);
  await expect(page.getByText(/^Your goal:/)).toBeVisible(); // the step still waits for a file done to the end
  expect(await seriousViolations(page)).toEqual([]);

  // Another file, picked after the cancel, goes all the way.
  await page.getByLabel('Your file', { exact: true }).setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: patterned(3 * 1000 * 1000) });
  await expect(page.getByText('Chosen: notes.txt (3,000,000 bytes)')).toBeVisible();
  const again = page.getByRole('button', { name: 'Encrypt and decrypt my file' });
  await expect(again).toBeEnabled();
  await activate(page, again);
  await expect(page.getByText(/Goal reached/).first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Finished: notes.txt' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Download the decrypted copy' })).toHaveAttribute('download', 'decrypted-notes.txt');
  expect(await storedOutputs(page)).toHaveLength(2);
  expect(await seriousViolations(page)).toEqual([]);
});
