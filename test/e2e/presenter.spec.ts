/**
 * The presenter view in one tab and the lesson (the audience) in another, as an instructor uses them:
 * either tab drives and the other follows, the clicker's keys work, B blanks the audience screen, the
 * timer survives a reload, and the presenter page passes axe with no console errors in either tab.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { seriousViolations } from './support/axe';
import { stepHeading } from './support/lesson';
import { watchPage } from './support/page-health';

const LESSON = 'key-management';
const TITLES = ['A customer managed key and its alias', 'Your turn: disable the key, then enable it', 'A year of automatic rotation'];

async function presenterFor(page: Page, baseURL: string | undefined, stepId = 'create-and-alias') {
  const presenter = await page.context().newPage();
  const health = watchPage(presenter, new URL(baseURL ?? '').origin);
  await presenter.goto(`./#/present/${LESSON}/${stepId}`);
  await expect(presenter.getByRole('heading', { name: 'Presenter notes' })).toBeVisible();
  return { presenter, health };
}

test('presenter and audience tabs stay in step in both directions', async ({ page, baseURL }) => {
  await page.goto(`./#/lessons/${LESSON}/create-and-alias`);
  await expect(stepHeading(page)).toHaveText(TITLES[0]);
  // The lesson page opens the presenter view in a new tab, never a popup window.
  await expect(page.getByRole('link', { name: /^Present/ })).toHaveAttribute('target', '_blank');
  await expect(page.getByRole('link', { name: /^Present/ })).toHaveAttribute('href', `#/present/${LESSON}/create-and-alias`);

  const { presenter, health } = await presenterFor(page, baseURL);
  await expect(stepHeading(presenter)).toHaveText(TITLES[0]);
  await expect(presenter.getByRole('region', { name: 'Next step' })).toContainText(TITLES[1]);
  await expect(presenter.getByRole('region', { name: 'Presenter notes' })).toContainText(/alias/i);

  await presenter.keyboard.press('ArrowRight');
  await expect(stepHeading(presenter)).toHaveText(TITLES[1]);
  await expect(stepHeading(page)).toHaveText(TITLES[1]);

  await presenter.keyboard.press('PageDown'); // a clicker's "next"
  await expect(stepHeading(presenter)).toHaveText(TITLES[2]);
  await expect(stepHeading(page)).toHaveText(TITLES[2]);

  // The audience tab drives too.
  await page.getByRole('button', { name: 'Previous step' }).click();
  await expect(stepHeading(page)).toHaveText(TITLES[1]);
  await expect(stepHeading(presenter)).toHaveText(TITLES[1]);

  await presenter.keyboard.press('PageUp');
  await expect(stepHeading(presenter)).toHaveText(TITLES[0]);
  await expect(stepHeading(page)).toHaveText(TITLES[0]);

  // Go to any step from the presenter's list of steps.
  await presenter.getByRole('navigation', { name: 'Go to step' }).getByRole('link', { name: TITLES[2] }).click();
  await expect(stepHeading(page)).toHaveText(TITLES[2]);
  // …and the audience's Space moves both on once a presenter drives it.
  await page.locator('#step-heading').click();
  await page.keyboard.press('Space');
  await expect(stepHeading(page)).toHaveText('Rotation on demand');
  await expect(stepHeading(presenter)).toHaveText(await stepHeading(page).innerText());
  health.expectClean();
});

test('what the audience tab does in a hands-on step shows on the presenter’s diagram too', async ({ page, baseURL }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`./#/lessons/${LESSON}/disable-and-enable`);
  await expect(stepHeading(page)).toHaveText(TITLES[1]);
  const { presenter, health } = await presenterFor(page, baseURL, 'disable-and-enable');
  await presenter.emulateMedia({ reducedMotion: 'reduce' });
  await expect(presenter.locator('.text-twin li').first()).toBeVisible({ timeout: 20_000 });
  await page.getByLabel(/^Request/).selectOption('DisableKey');
  await page.getByRole('button', { name: 'Send the request' }).click();
  await expect(page.locator('.text-twin').getByText(/the payroll key is now Disabled/).first()).toBeVisible({ timeout: 20_000 });
  await expect(presenter.locator('.text-twin').getByText(/the payroll key is now Disabled/).first()).toBeVisible({ timeout: 20_000 });
  health.expectClean();
});

test('B or . blanks the audience screen and brings it back', async ({ page, baseURL }) => {
  await page.goto(`./#/lessons/${LESSON}/create-and-alias`);
  await expect(stepHeading(page)).toHaveText(TITLES[0]);
  const { presenter, health } = await presenterFor(page, baseURL);
  const blank = page.getByTestId('blank-screen');

  await presenter.keyboard.press('b');
  await expect(blank).toBeVisible();
  await expect(presenter.getByRole('button', { name: 'Blank the audience screen' })).toHaveAttribute('aria-pressed', 'true');
  await presenter.keyboard.press('.');
  await expect(blank).toBeHidden();

  await presenter.getByRole('button', { name: 'Blank the audience screen' }).click();
  await expect(blank).toBeVisible();
  await page.keyboard.press('b'); // from the audience tab as well
  await expect(blank).toBeHidden();
  await expect(presenter.getByRole('button', { name: 'Blank the audience screen' })).toHaveAttribute('aria-pressed', 'false');
  health.expectClean();
});

test('the timer survives a reload of the presenter tab', async ({ page }) => {
  await page.goto(`./#/present/${LESSON}/disable-and-enable`);
  const timer = page.getByRole('timer');
  await expect(timer).toHaveText('0:00');
  await expect(timer).toHaveText('0:02', { timeout: 5_000 });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Presenter notes' })).toBeVisible();
  await expect(stepHeading(page)).toHaveText(TITLES[1]);
  // Still counting from the first opening, not from zero.
  await expect(timer).toHaveText(/^0:0[2-5]$/);
  await page.getByRole('button', { name: 'Pause timer' }).click();
  const paused = await timer.innerText();
  await page.reload();
  await expect(page.getByRole('timer')).toHaveText(paused);
  await expect(page.getByRole('button', { name: 'Resume timer' })).toBeVisible();
  await page.getByRole('button', { name: 'Reset timer' }).click();
  await expect(page.getByRole('timer')).toHaveText('0:00');
});

test.describe('accessibility', () => {
  // axe-core is injected as an inline script, which the page's Content-Security-Policy refuses.
  test.use({ bypassCSP: true });

  test('the presenter page is axe clean, lists its keys, and offers the room theme and zoom', async ({ page }) => {
    await page.goto(`./#/present/${LESSON}/disable-and-enable`);
    await expect(page.getByRole('heading', { name: 'Presenter notes' })).toBeVisible();
    await expect(page.locator('.text-twin li').first()).toBeVisible({ timeout: 20_000 });
    expect(await seriousViolations(page)).toEqual([]);

    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog.getByRole('table', { name: 'Presenting' })).toContainText('PageDown');
    await expect(dialog.getByRole('table', { name: 'Presenting' })).toContainText('Blank the audience screen');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'High contrast' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'contrast');
    const zoom = page.getByRole('group', { name: 'Diagram zoom' });
    await zoom.getByRole('button', { name: /Zoom in/ }).click();
    await expect(zoom.getByRole('status')).toHaveText('125%');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
