/**
 * The practice exam as a learner takes it, keyboard only: a short untimed attempt (five questions),
 * answers kept across a reload, nothing marked before the exam is submitted (one question left
 * unanswered, confirmed), then the score per topic, every question reviewed, and a "Study this step"
 * link into the lesson that teaches a question missed; the attempt is listed on #/exam afterwards. axe clean on each screen, phone width without sideways scrolling,
 * and (the fixture's own check) no console errors and no request to another origin.
 */
import { test, expect } from './support/fixtures';
import { seriousViolations } from './support/axe';
import { tabTo } from './support/keyboard';

// axe is injected as an inline script, which the app's Content-Security-Policy rightly refuses.
test.use({ bypassCSP: true });

const questionCards = (page: import('@playwright/test').Page) => page.locator('ol.questions > li');

test('a learner takes a short untimed exam by keyboard, reviews it per topic and follows a link to the step to study', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('./#/exam');
  await expect(page.getByRole('heading', { level: 1, name: 'Practice exam' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Exam' })).toHaveAttribute('aria-current', 'page');
  expect(await seriousViolations(page)).toEqual([]);

  // Five questions, untimed (the default mode), chosen with the keyboard.
  await expect(page.getByRole('radio', { name: /^Untimed/ })).toBeChecked();
  const count = page.getByRole('combobox', { name: 'Questions' });
  await tabTo(page, count);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(count).toHaveValue('5');
  await tabTo(page, page.getByRole('button', { name: 'Start the exam' }));
  await page.keyboard.press('Enter');

  await expect(questionCards(page)).toHaveCount(5, { timeout: 30_000 });
  await expect(page.getByText('0 of 5 answered')).toBeVisible();
  // Nothing is graded while the attempt runs: no per-question Submit, no verdicts.
  await expect(page.getByRole('button', { name: /^Submit answer/ })).toHaveCount(0);

  // Answer the first two, then reload: the attempt and its answers are still there.
  for (const index of [0, 1]) {
    await tabTo(page, questionCards(page).nth(index).locator('input').first());
    await page.keyboard.press('Space');
  }
  await expect(page.getByText('2 of 5 answered')).toBeVisible();
  await page.reload();
  await expect(questionCards(page)).toHaveCount(5, { timeout: 30_000 });
  await expect(page.getByText('2 of 5 answered')).toBeVisible();
  await expect(questionCards(page).nth(0).locator('input:checked')).toHaveCount(1);
  expect(await seriousViolations(page)).toEqual([]);

  // The last question is left unanswered, so there is surely something to study afterwards.
  for (const index of [2, 3]) {
    await tabTo(page, questionCards(page).nth(index).locator('input').first());
    await page.keyboard.press('Space');
  }
  await expect(page.getByText('4 of 5 answered')).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'Submit the exam' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('1 question is not answered; it will score nothing.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Submit anyway' })).toBeFocused();
  await page.keyboard.press('Enter');

  // The results: score overall and per topic, every question with its verdict and explanations.
  await expect(page).toHaveURL(/#\/exam\/review\/attempt-/);
  await expect(page.getByRole('heading', { level: 1, name: 'Exam results' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Exam results' })).toBeFocused();
  await expect(page.getByText(/^Your score: [0-4] of 5/)).toBeVisible();
  const topics = page.getByRole('table', { name: 'Score per topic' });
  await expect(topics).toBeVisible();
  expect(await topics.locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
  await expect(questionCards(page)).toHaveCount(5, { timeout: 30_000 });
  await expect(page.locator('.verdict')).toHaveCount(5);
  expect(await seriousViolations(page)).toEqual([]);

  // Phone width: the results still fit without scrolling sideways.
  await page.setViewportSize({ width: 375, height: 740 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 800 });

  // Every question links to its step; the steps of the questions missed are listed first.
  await expect(page.getByRole('link', { name: /^Review the step/ })).toHaveCount(5);
  await expect(page.getByText('Not answered')).toHaveCount(1);
  const study = page.getByRole('link', { name: /^Study this step: / }).first();
  const target = (await study.getAttribute('href')) ?? '';
  expect(target).toMatch(/^#\/lessons\/[a-z0-9-]+\/[a-z0-9-]+$/);
  await tabTo(page, study);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${target.replace(/[/#]/g, (c) => `\\${c}`)}$`));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText(/^Step \d+ of \d+$/)).toBeVisible({ timeout: 20_000 });

  // Back on #/exam: no attempt in progress, and the submitted one is listed.
  await page.goto('./#/exam');
  await expect(page.getByRole('button', { name: 'Start the exam' })).toBeVisible();
  const past = page.getByRole('table', { name: 'Past attempts' });
  await expect(past.locator('tbody tr')).toHaveCount(1);
  await expect(past.getByText(/^[0-4] of 5$/)).toBeVisible();
});

test('a timed attempt shows the time left and submits itself when the time runs out', async ({ page }) => {
  test.setTimeout(120_000);
  await page.clock.install();
  await page.goto('./#/exam');
  await expect(page.getByRole('heading', { level: 1, name: 'Practice exam' })).toBeVisible();

  // Arrow keys move within the radio group, from Untimed to Timed.
  await tabTo(page, page.getByRole('radio', { name: /^Untimed/ }));
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: /^Timed/ })).toBeChecked();
  const count = page.getByRole('combobox', { name: 'Questions' });
  await tabTo(page, count);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('radio', { name: /^Timed: 7.5 minutes/ })).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'Start the exam' }));
  await page.keyboard.press('Enter');

  await expect(questionCards(page)).toHaveCount(5, { timeout: 30_000 });
  const timer = page.getByRole('timer');
  await expect(timer).toHaveText(/^7:(30|29)$/);
  await tabTo(page, questionCards(page).nth(0).locator('input').first());
  await page.keyboard.press('Space');
  expect(await seriousViolations(page)).toEqual([]);

  await page.clock.fastForward('07:00');
  await expect(page.getByRole('status').filter({ hasText: '1 minute or less left in the exam.' })).toBeAttached();
  await page.clock.fastForward('01:00');
  await expect(page).toHaveURL(/#\/exam\/review\/attempt-/);
  await expect(page.getByText(/submitted .* when the time ran out\./)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Exam results' })).toBeFocused();
  await expect(page.getByText(/^Your score: [01] of 5/)).toBeVisible();
  await expect(page.getByText('Not answered')).toHaveCount(4, { timeout: 30_000 });
});
