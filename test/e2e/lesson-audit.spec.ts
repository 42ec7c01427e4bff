/**
 * Lesson 10 as a newcomer takes it, keyboard only: the day's events in the audit log beside the
 * diagram; the three hands-on steps answered from the log with its own filters (a wrong reader
 * first, then the right one; the refusals filtered by error code and one opened in its decision
 * view; a "secret" encryption context found in the logged event's JSON); axe clean with the log
 * and a decision open; then the quiz.
 */
import { test, expect } from './support/fixtures';
import { seriousViolations } from './support/axe';
import { activate, tabTo, typeInto } from './support/keyboard';
import { nextButton, openLessonFromCatalogue, stepHeading, stepLinks, takeQuiz } from './support/lesson';
import type { Locator, Page } from '@playwright/test';

const LESSON = { id: 'audit-with-cloudtrail', title: 'Audit with CloudTrail' };
const LOG = 'CloudTrail event history: KMS';
const TERMINAL_LINE = 'aws kms encrypt --key-id alias/app-secrets --plaintext fileb://order-note.txt --encryption-context project=audit --output text --query KeyId';

// axe is injected as an inline script, which the app's Content-Security-Policy rightly refuses.
test.use({ bypassCSP: true });

/** Focus a select of the audit log's filters and pick an option by typing its start, as a keyboard user does. */
async function filterBy(page: Page, log: Locator, label: string, typed: string, value: string): Promise<void> {
  const select = log.getByRole('combobox', { name: label, exact: true });
  await tabTo(page, select);
  await page.keyboard.type(typed);
  await expect(select).toHaveValue(value);
}

test('a newcomer reads the day in CloudTrail and answers from the log with the keyboard only', async ({ page }) => {
  test.setTimeout(180_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openLessonFromCatalogue(page, LESSON.title);
  const goal = page.getByText(/^✓ Goal reached|Goal reached\./).first();
  const log = page.getByRole('region', { name: LOG });
  const rows = log.locator('li.event');
  const total = await stepLinks(page).count();
  expect(total).toBe(8);

  for (let index = 0; index < total; index++) {
    await expect(page.getByText(`Step ${index + 1} of ${total}`, { exact: true })).toBeVisible();
    const title = (await stepHeading(page).textContent()) ?? '';

    if (index === 0) {
      await expect(log.getByText(/^Showing \d+ of \d+ events, newest first\.$/)).toBeVisible({ timeout: 20_000 });
      await expect(rows.first()).toContainText('Decrypt');
      await expect(page.locator('.text-twin').getByText(/Decrypt by user\/bob via s3\.amazonaws\.com: AccessDeniedException/).first()).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    }

    if (title.includes('who read payroll/2026-11.csv')) {
      await filterBy(page, log, 'Event name', 'Decrypt', 'Decrypt');
      await expect(rows).toHaveCount(6);
      const answer = page.getByLabel(/^Who decrypted payroll\/2026-11\.csv/);
      await tabTo(page, answer);
      await page.keyboard.type('alice');
      await expect(answer).toHaveValue('alice');
      await activate(page, page.getByRole('button', { name: 'Answer from the log' }));
      await expect(page.locator('.text-twin').getByText(/Not what the log says/).first()).toBeVisible({ timeout: 20_000 });
      await expect(goal).not.toBeVisible();
      await tabTo(page, answer);
      await page.keyboard.type('the web');
      await expect(answer).toHaveValue('app');
      await activate(page, page.getByRole('button', { name: 'Answer from the log' }));
      await expect(goal).toBeVisible({ timeout: 20_000 });
    }

    if (title.includes('which calls were refused')) {
      await filterBy(page, log, 'Error code', 'AccessD', 'AccessDeniedException');
      await expect(rows).toHaveCount(3);
      await activate(page, rows.first().locator('button.toggle'));
      await expect(rows.first().locator('.error-message')).toContainText('user/carol is not authorized to perform: kms:Decrypt');
      await activate(page, rows.first().getByRole('button', { name: 'Why was Decrypt denied?' }));
      await expect(rows.first().locator('.why-panel')).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await typeInto(page, page.getByLabel(/^Calls refused with AccessDeniedException/), '3');
      await activate(page, page.getByRole('button', { name: 'Check the count' }));
      await expect(goal).toBeVisible({ timeout: 20_000 });
      await activate(page, log.getByRole('button', { name: 'Clear filters' }));
    }

    if (title.includes('the encryption context is logged')) {
      // Alice's own call from the terminal lands in the same log.
      const terminal = page.getByRole('textbox', { name: 'Terminal', exact: true });
      await tabTo(page, terminal, { max: 120 });
      await page.keyboard.type(TERMINAL_LINE);
      await page.keyboard.press('Enter');
      await expect(terminal).toHaveValue('');
      await expect(page.getByRole('log', { name: 'Terminal output' })).toHaveAttribute('aria-busy', 'false', { timeout: 20_000 });
      await expect(rows.first()).toContainText('Encrypt');
      await expect(rows.first()).toContainText('user/alice');
      await activate(page, page.getByRole('button', { name: 'Encrypt and read the log' }));
      await expect(goal).toBeVisible({ timeout: 20_000 });
      await filterBy(page, log, 'Event name', 'Encrypt', 'Encrypt');
      await activate(page, rows.first().locator('button.toggle'));
      const json = rows.first().locator('pre');
      await expect(json).toContainText('"customer-card": "4111 1111 1111 1111"');
      await expect(json).not.toContainText('leave the parcel');
      await activate(page, log.getByRole('button', { name: 'Clear filters' }));
    }

    if (index === total - 1) {
      await expect(page.locator('.text-twin').getByText(/An EventBridge rule on DisableKey, ScheduleKeyDeletion, PutKeyPolicy would have matched 2 events/)).toBeVisible({ timeout: 20_000 });
      break;
    }
    await expect(nextButton(page)).toHaveAttribute('aria-disabled', 'false', { timeout: 20_000 });
    await activate(page, nextButton(page));
    await expect(stepHeading(page)).not.toHaveText(title);
  }

  const stepsDone = page.getByRole('navigation', { name: 'Lesson steps' }).getByText(/steps done$/);
  await expect(stepsDone).toHaveText(`${total} of ${total} steps done`);

  await activate(page, page.getByRole('link', { name: 'Take the quiz' }));
  await expect(page.locator('li.question')).toHaveCount(12);
  const score = await takeQuiz(page);
  expect(score).toMatch(/\d+ of 12/);
});

for (const theme of ['light', 'dark'] as const) {
  test(`a deep link opens the refusals step with the day in the log, axe clean (${theme})`, async ({ page }) => {
    await page.addInitScript((choice) => localStorage.setItem('kms-lab:theme', choice), theme);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`./#/lessons/${LESSON.id}/denied-calls`);
    await expect(stepHeading(page)).toHaveText(/which calls were refused, and why/);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    const log = page.getByRole('region', { name: LOG });
    await expect(log.locator('li.event').first()).toBeVisible({ timeout: 20_000 });
    await filterBy(page, log, 'Error code', 'Any e', '(any error)');
    await expect(log.locator('li.event')).toHaveCount(4);
    expect(await seriousViolations(page)).toEqual([]);
  });
}
