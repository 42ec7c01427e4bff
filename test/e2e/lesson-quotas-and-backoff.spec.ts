/**
 * Lesson 09 as a newcomer takes it, keyboard only: every step; the three hands-on steps through
 * their forms (a strategy that spreads the herd, standard mode leaving failed calls then adaptive
 * mode getting the spike through, a cache that is too small then one that is enough); KMS's exact
 * ThrottlingException in the diagram's text twin; the charts with their summaries and a data table
 * opened by keyboard; axe clean with the charts on screen in both themes; the quiz. And the
 * lesson's first load: the chart components are fetched only when a step shows a chart.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { seriousViolations } from './support/axe';
import { activate, tabTo, typeInto } from './support/keyboard';
import { nextButton, stepHeading, takeQuiz } from './support/lesson';
import { openLessonAsNewcomer, stepTitleAt, textTwin, goalReached, openStepInTheme, recordAssetSizes } from './support/newcomer';

const LESSON = { id: 'quotas-and-backoff', title: 'Request quotas and backoff' };

// axe is injected as an inline script, which the app's Content-Security-Policy rightly refuses.
test.use({ bypassCSP: true });

const chart = (page: Page, name: string | RegExp) => page.getByRole('figure', { name });
const summaryOf = (page: Page, name: string | RegExp) => chart(page, name).locator('.summary');

async function choose(page: Page, label: RegExp, value: string) {
  const field = page.getByLabel(label);
  await tabTo(page, field);
  await field.selectOption(value);
}

test('a newcomer completes Request quotas and backoff and its quiz with the keyboard only', async ({ page }) => {
  test.setTimeout(240_000);
  const total = await openLessonAsNewcomer(page, LESSON.title, 7);
  const twin = textTwin(page);
  const goal = goalReached(page);

  for (let index = 0; index < total; index++) {
    const title = await stepTitleAt(page, index, total);

    if (index === 0) {
      await expect(twin.getByText(/You have exceeded the rate at which you may call KMS\. Reduce the frequency of your calls\./).first()).toBeVisible({ timeout: 20_000 });
      const attempts = 'Attempts per second: successes and throttles';
      await expect(summaryOf(page, attempts)).toContainText(/calls started, .* were throttled/, { timeout: 20_000 });
      await activate(page, chart(page, attempts).getByRole('button', { name: 'Show data table' }));
      await expect(chart(page, attempts).getByRole('table')).toContainText('Throttled (ThrottlingException)');
    }

    if (title.startsWith('The thundering herd')) {
      await expect(summaryOf(page, 'Writes over time, Exponential, 50 clients')).toContainText(/50 clients with Exponential/, { timeout: 20_000 });
      await expect(summaryOf(page, 'Calls against clients')).toContainText(/Mean number of writes sent at 50 clients/);
      await choose(page, /^Backoff strategy/, 'none');
      await activate(page, page.getByRole('button', { name: 'Run the 50 clients' }));
      await expect(chart(page, 'Writes over time, No backoff, 50 clients')).toBeVisible({ timeout: 20_000 });
      await expect(goal).toBeHidden();
      await choose(page, /^Backoff strategy/, 'full');
      await activate(page, page.getByRole('button', { name: 'Run the 50 clients' }));
      await expect(goal).toBeVisible({ timeout: 20_000 });
      await expect(chart(page, 'Writes over time, Full Jitter, 50 clients')).toBeVisible();
    }

    if (title.startsWith("The SDK's standard and adaptive")) {
      await choose(page, /^Retry mode/, 'standard');
      await activate(page, page.getByRole('button', { name: 'Run the spike' }));
      await expect(summaryOf(page, 'SDK retry quota')).toContainText(/Each client starts with 500 tokens/, { timeout: 20_000 });
      await expect(summaryOf(page, 'Attempts per second: successes and throttles')).toContainText(/ended in an error for the application/);
      await expect(goal).toBeHidden();
      await choose(page, /^Retry mode/, 'adaptive');
      await activate(page, page.getByRole('button', { name: 'Run the spike' }));
      await expect(goal).toBeVisible({ timeout: 20_000 });
      await expect(summaryOf(page, 'Attempts per second: successes and throttles')).toContainText('Every call eventually succeeded.');
      await expect(chart(page, "Adaptive mode: each client's own rate limit")).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    }

    if (title.startsWith('Data key caching')) {
      await activate(page, page.getByRole('button', { name: 'Encrypt for a minute' }));
      await expect(twin.getByText(/900 \(without the cache 9,000\)/).first()).toBeVisible({ timeout: 20_000 });
      await expect(goal).toBeHidden();
      await typeInto(page, page.getByLabel(/^Max age of a cached data key/), '5');
      await typeInto(page, page.getByLabel(/^Max messages per data key/), '1000');
      await activate(page, page.getByRole('button', { name: 'Encrypt for a minute' }));
      await expect(goal).toBeVisible({ timeout: 20_000 });
      await expect(summaryOf(page, 'KMS calls per second, with and without caching')).toContainText(/Monthly bill: .* without, .* with caching/);
    }

    if (index === total - 1) break;
    await expect(nextButton(page)).toHaveAttribute('aria-disabled', 'false', { timeout: 20_000 });
    await activate(page, nextButton(page));
    await expect(stepHeading(page)).not.toHaveText(title);
  }

  await expect(twin.getByText(/approval is not simulated/)).toBeVisible({ timeout: 20_000 });
  await expect(summaryOf(page, 'Attempts per second: successes and throttles')).toContainText(/were throttled \(0 % of attempts\)/, { timeout: 20_000 });
  await expect(page.getByRole('heading', { name: 'What this lesson does not simulate' })).toBeVisible();
  const stepsDone = page.getByRole('navigation', { name: 'Lesson steps' }).getByText(/steps done$/);
  await expect(stepsDone).toHaveText(`${total} of ${total} steps done`);

  await activate(page, page.getByRole('link', { name: 'Take the quiz' }));
  await expect(page.locator('li.question')).toHaveCount(13);
  const score = await takeQuiz(page);
  expect(score).toMatch(/\d+ of 13/);
});

for (const theme of ['light', 'dark'] as const) {
  test(`a deep link to the herd draws the study and the herd, axe clean (${theme})`, async ({ page }) => {
    await openStepInTheme(page, { lessonId: LESSON.id, stepId: 'thundering-herd', heading: /thundering herd/, theme });
    await expect(summaryOf(page, 'Completion time against clients')).toContainText(/Mean time until every client has written at 50 clients/, { timeout: 20_000 });
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('the chart components are not part of the first load; they arrive with the first step that shows a chart', async ({ page }) => {
  const fetched = recordAssetSizes(page);
  const chartChunks = () => [...fetched.keys()].filter((path) => /\/(TrafficChartPanel|LineChart|StackedBarChart|ScatterChart)-[^/]*\.js$/.test(path));
  // The shared-quota step shows no chart.
  await page.goto(`./#/lessons/${LESSON.id}/shared-quota`);
  await expect(page.locator('.text-twin').getByText(/throttled in the same second: Decrypt, GenerateDataKey, GenerateRandom, ReEncrypt/)).toBeVisible({ timeout: 20_000 });
  await page.waitForLoadState('networkidle');
  expect(await page.getByRole('figure').count()).toBe(0);
  expect(chartChunks()).toEqual([]);
  // Recorded for the bundle report; the budget itself is measured by test/bench/bundle-size.mjs.
  const firstLoad = [...fetched.values()].reduce((sum, size) => sum + size, 0);
  test.info().annotations.push({ type: 'first load (JS + CSS, gzip)', description: `${(firstLoad / 1000).toFixed(1)} kB` });

  await activate(page, nextButton(page));
  await expect(chart(page, 'Attempts per second: successes and throttles')).toBeVisible({ timeout: 20_000 });
  // Sizes are recorded once each body is read, a moment after the response: poll.
  await expect.poll(() => chartChunks().length).toBeGreaterThan(0);
});

test.describe('on a 375×667 phone', () => {
  test.use({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });

  test('the herd step, with its four charts, fits the width', async ({ page }) => {
    await page.goto(`./#/lessons/${LESSON.id}/thundering-herd`);
    await expect(summaryOf(page, 'Completion time against clients')).toBeVisible({ timeout: 20_000 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, 'horizontal overflow in px').toBeLessThanOrEqual(0);
  });
});
