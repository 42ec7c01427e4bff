/**
 * Lesson 07's own-file step with a generated 50 MB file: picked with the file input, encrypted and
 * decrypted in chunks in a Web Worker while the progress bar moves and the page still answers the
 * keyboard, both results offered as downloads (the decrypted copy the same size as the file), the
 * step's goal reached, axe clean, no console errors (the fixture checks those).
 */
import { test, expect } from './support/fixtures';
import { seriousViolations } from './support/axe';
import { activate } from './support/keyboard';
import { stepHeading } from './support/lesson';

const FILE_BYTES = 50 * 1000 * 1000;

// axe is injected as an inline script, which the app's Content-Security-Policy rightly refuses.
test.use({ bypassCSP: true });

test('a 50 MB file of their own is sealed in chunks in a worker, with progress, a responsive page and both downloads', async ({ page }) => {
  test.setTimeout(180_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('./#/lessons/envelope-encryption/your-own-file');
  await expect(stepHeading(page)).toHaveText(/a file of your own, in chunks/);
  await expect(page.getByText(/^Your goal:/)).toBeVisible({ timeout: 20_000 });

  const buffer = Buffer.alloc(FILE_BYTES);
  for (let i = 0; i < FILE_BYTES; i += 4096) buffer.writeUInt32BE(i, i); // not all zeros: a copy mixed up would show
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
});
