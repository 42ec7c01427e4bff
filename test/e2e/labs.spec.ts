/**
 * The traffic labs as a person uses them: open each lab, let it compute in its worker, read the
 * chart's text summary (real numbers), change a slider with the keyboard and see the numbers change,
 * read a chart point by point with the arrow keys; axe-clean; usable on a phone.
 */
import { test, expect } from './support/fixtures';
import type { Locator, Page } from '@playwright/test';
import { seriousViolations } from './support/axe';

// axe is injected as an inline script, which the app's Content-Security-Policy rightly refuses.
test.use({ bypassCSP: true });

const chart = (page: Page, title: string | RegExp) => page.getByRole('figure', { name: title });
const summaryOf = (figure: Locator) => figure.locator('.summary');

test('the header links to the labs, and the lab list links to each lab', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Labs' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Traffic labs' })).toBeVisible();
  for (const name of [/Brooker/, /KMS under load/, /Data key caching/]) await expect(page.getByRole('link', { name })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('link', { name: /KMS under load/ }).click();
  await expect(page).toHaveURL(/#\/labs\/kms-load$/);
});

test('the backoff study computes all five strategies live and shows one run write by write', async ({ page }) => {
  await page.goto('./#/labs/backoff-study');
  await expect(page.getByRole('heading', { level: 1, name: /Brooker/ })).toBeVisible();
  await expect(page.getByText(/^Computed the study in/)).toBeVisible({ timeout: 30_000 });
  const calls = chart(page, 'Calls against clients');
  await expect(summaryOf(calls)).toContainText(/at 190 clients, lowest first: .*Full Jitter [\d,]+ calls/);
  await expect(summaryOf(calls)).toContainText('No backoff');
  await expect(summaryOf(chart(page, 'Completion time against clients'))).toContainText(/at 190 clients/);

  // Read the calls chart with the keyboard.
  const plot = calls.getByRole('group', { name: /Calls against clients/ });
  await plot.focus();
  await page.keyboard.press('ArrowRight'); // the first key shows the first point
  await expect(calls.locator('.tooltip')).toHaveText(/^No backoff, 10 clients: [\d,]+ calls$/);
  await page.keyboard.press('ArrowRight');
  await expect(calls.locator('.tooltip')).toHaveText(/^No backoff, 20 clients: [\d,]+ calls$/);
  await page.keyboard.press('ArrowDown');
  await expect(calls.locator('.tooltip')).toHaveText(/^Exponential, 20 clients: [\d,]+ calls$/);

  // The data table is the same data as text.
  await calls.getByRole('button', { name: 'Show data table' }).click();
  await expect(calls.getByRole('table')).toContainText('Full Jitter');
  await expect(calls.getByRole('row')).toHaveCount(20);

  await page.getByRole('button', { name: /Show one run’s calls over time/ }).click();
  const scatter = chart(page, /Writes over time, No backoff, 100 clients/);
  await expect(summaryOf(scatter)).toContainText(/100 clients with No backoff: [\d,]+ writes/);
  await page.getByLabel('Strategy').selectOption({ label: 'Full Jitter' });
  await expect(summaryOf(chart(page, /Writes over time, Full Jitter, 100 clients/))).toContainText(/busiest 50 ms/);
  expect(await seriousViolations(page)).toEqual([]);
});

test('the KMS load lab: throttles, the retry quota running dry, and a slider moved by keyboard', async ({ page }) => {
  await page.goto('./#/labs/kms-load');
  const attempts = chart(page, 'Attempts per second: successes and throttles');
  await expect(summaryOf(attempts)).toContainText(/[\d,]+ calls started/, { timeout: 30_000 });
  await expect(summaryOf(attempts)).toContainText(/retry quota first ran dry at [\d.,]+ (ms|s):/);
  await expect(attempts.getByText('Retry quota empty')).toBeVisible();
  await expect(page.getByRole('table', { name: /Latency of every call/ })).toBeVisible();
  await expect(summaryOf(chart(page, 'SDK retry quota'))).toContainText(/The mean falls to [\d.,]+ tokens/);
  const before = await summaryOf(attempts).textContent();

  // Lower the rate below the quota with the keyboard: no more throttling.
  const rate = page.getByRole('slider', { name: 'Request rate (all clients)' });
  await rate.focus();
  await page.keyboard.press('Home');
  await expect(rate).toHaveAttribute('aria-valuetext', '10 requests/s');
  await expect(summaryOf(attempts)).not.toHaveText(before ?? '', { timeout: 20_000 });
  await expect(summaryOf(attempts)).toContainText(/and 0 were throttled/);

  // Few clients: every request is listed.
  const clients = page.getByRole('slider', { name: 'Clients', exact: true });
  await clients.focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowRight');
  await expect(clients).toHaveAttribute('aria-valuetext', '10 clients');
  await expect(page.getByRole('heading', { name: 'Request by request' })).toBeVisible({ timeout: 20_000 });
  const attemptsList = page.getByRole('list', { name: 'Attempts in the order they were sent' });
  await expect(attemptsList.getByRole('listitem').first()).toContainText(/client \d+, (Encrypt|Decrypt|GenerateDataKey) #\d+, attempt 1 → success; done\./);

  // …and more traffic than the quota: throttled attempts, and the SDK's retries, appear in the list.
  const quota = page.getByRole('slider', { name: 'KMS quota' });
  await quota.focus();
  await page.keyboard.press('Home');
  await expect(quota).toHaveAttribute('aria-valuetext', '100 requests/s');
  await rate.focus();
  await page.keyboard.press('End');
  await expect(rate).toHaveAttribute('aria-valuetext', '20,000 requests/s');
  await expect(attemptsList.getByText(/→ throttled; retries after/).first()).toBeVisible({ timeout: 20_000 });
  expect(await seriousViolations(page)).toEqual([]);
});

test('the caching lab shows KMS calls and the monthly bill with and without caching', async ({ page }) => {
  await page.goto('./#/labs/data-key-caching');
  const without = page.getByRole('article').filter({ has: page.getByRole('heading', { name: 'Without caching' }) });
  const withCache = page.getByRole('article').filter({ has: page.getByRole('heading', { name: 'With caching' }) });
  // The reference's worked example: 100 messages/s, 100 messages per key, 5 s.
  await expect(without).toContainText('$778.54', { timeout: 30_000 });
  await expect(withCache).toContainText('$8.72');
  await expect(page.getByText(/each used for exactly 100 messages/)).toBeVisible();
  await expect(summaryOf(chart(page, 'KMS calls per second over one minute'))).toContainText(/100 times fewer/);

  const maxMessages = page.getByRole('slider', { name: 'Maximum messages per data key' });
  await maxMessages.focus();
  await page.keyboard.press('Home'); // one message per key: no saving at all
  await expect(page.getByText(/each used for exactly 1 message\./)).toBeVisible({ timeout: 20_000 });
  await expect(withCache).toContainText('$778.54');
  expect(await seriousViolations(page)).toEqual([]);
});

test.describe('on a 375 px phone', () => {
  test.use({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });

  for (const lab of ['backoff-study', 'kms-load', 'data-key-caching']) {
    test(`${lab} fits the width`, async ({ page }) => {
      await page.goto(`./#/labs/${lab}`);
      await expect(page.locator('figure.chart').first()).toBeVisible({ timeout: 30_000 });
      await expect(page.locator('.chart .summary').first()).toContainText(/\d/);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, 'horizontal overflow in px').toBeLessThanOrEqual(0);
    });
  }
});

test.describe('dark theme, reduced motion', () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('kms-lab:theme', 'dark'));
    await page.emulateMedia({ reducedMotion: 'reduce' });
  });

  test('every lab is axe-clean, and a replay jumps straight to its end', async ({ page }) => {
    for (const lab of ['backoff-study', 'kms-load', 'data-key-caching']) {
      await page.goto(`./#/labs/${lab}`);
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      await expect(page.locator('figure.chart .summary').first()).toContainText(/\d/, { timeout: 30_000 });
      expect(await seriousViolations(page), lab).toEqual([]);
    }
    // kms-load with few clients: the replay shows every attempt at once when motion is reduced.
    await page.goto('./#/labs/kms-load');
    const clients = page.getByRole('slider', { name: 'Clients', exact: true });
    await clients.focus();
    await page.keyboard.press('Home');
    const list = page.getByRole('list', { name: 'Attempts in the order they were sent' });
    await expect(list.getByRole('listitem').first()).toBeVisible({ timeout: 20_000 });
    const all = await list.getByRole('listitem').count();
    await page.getByRole('button', { name: 'Replay the requests' }).click();
    await expect(page.getByRole('button', { name: 'Replay the requests' })).toBeVisible();
    await expect(list.getByRole('listitem')).toHaveCount(all);
  });
});
