/**
 * A share link: made with "Copy share link" (keyboard reachable, announces "Link copied"), it opens
 * the same state in a new page — the same step, the same completed steps, the same world — and never
 * carries what the learner typed. A damaged link opens the lesson with a notice, never a blank page.
 */
import { test, expect } from './support/fixtures';
import { activate } from './support/keyboard';
import { stepHeading } from './support/lesson';
import { watchPage } from './support/page-health';

const LESSON = 'key-management';

test('a share link reopens the same step, completed steps and world in a new page', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`./#/lessons/${LESSON}/disable-and-enable`);
  await expect(stepHeading(page)).toHaveText('Your turn: disable the key, then enable it');
  const twin = page.locator('.text-twin');
  for (const operation of ['DisableKey', 'Encrypt', 'EnableKey']) {
    await page.getByLabel(/^Request/).selectOption(operation);
    await activate(page, page.getByRole('button', { name: 'Send the request' }));
  }
  await expect(page.getByText(/Goal reached/).first()).toBeVisible({ timeout: 20_000 });
  await activate(page, page.getByRole('button', { name: 'Next step' }));
  await expect(stepHeading(page)).toHaveText(/automatic rotation/i);
  const events = await twin.locator('li').allTextContents();
  const done = await page.getByRole('navigation', { name: 'Lesson steps' }).getByText(/steps done$/).textContent();
  expect(done).toBe('2 of 7 steps done');

  await activate(page, page.getByRole('button', { name: 'Copy share link' }));
  await expect(page.getByText('Link copied', { exact: true })).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain(`#/lessons/${LESSON}/automatic-rotation?share=1`);
  expect(link).toContain('log=1.switch-key,1.switch-key.operation=Encrypt,1.switch-key.operation=EnableKey');

  // Pasted into the tab that already shows the lesson, a share link rebuilds it too.
  await activate(page, page.getByRole('button', { name: 'Next step' }));
  await expect(stepHeading(page)).toHaveText('Rotation on demand');
  await page.evaluate((hash) => (window.location.hash = hash), link.slice(link.indexOf('#')));
  await expect(stepHeading(page)).toHaveText(/automatic rotation/i);
  await expect(twin.locator('li')).toHaveCount(events.length, { timeout: 20_000 });

  const other = await context.newPage();
  const health = watchPage(other, new URL(baseURL ?? '').origin);
  await other.emulateMedia({ reducedMotion: 'reduce' });
  await other.goto(link);
  await expect(stepHeading(other)).toHaveText(/automatic rotation/i);
  await expect(other.locator('.text-twin li')).toHaveCount(events.length, { timeout: 20_000 });
  expect(await other.locator('.text-twin li').allTextContents()).toEqual(events);
  const completed = other.getByRole('navigation', { name: 'Lesson steps' }).getByText(/steps done$/);
  await expect(completed).toHaveText(done ?? '');
  await expect(other.getByText('About this share link')).toHaveCount(0);
  // The address is an ordinary step link again once the link has been replayed.
  await expect(other).toHaveURL(new RegExp(`#/lessons/${LESSON}/automatic-rotation$`));
  health.expectClean();
});

test('what a learner typed stays out of the link, and the page opening it says so', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./#/lessons/encryption-in-flight/send-your-own');
  await page.getByLabel(/^Your message/).fill('my own secret 7731');
  await activate(page, page.getByRole('button', { name: 'Send over TLS' }));
  await expect(page.getByText(/Goal reached/).first()).toBeVisible({ timeout: 20_000 });
  await activate(page, page.getByRole('button', { name: 'Copy share link' }));
  await expect(page.getByText('Link copied', { exact: true })).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).not.toContain('7731');

  await page.goto('./');
  await page.goto(link);
  await expect(page.getByText('About this share link')).toBeVisible();
  await expect(page.getByText(/never carry what a learner types/)).toBeVisible();
  await expect(page.locator('.text-twin')).not.toContainText('7731');
});

test('a damaged or hostile link opens the lesson with a notice, never a blank page', async ({ page }) => {
  await page.goto(`./#/lessons/${LESSON}/rotate-on-demand?share=1&version=1&seed=1&at=3&done=111&log=1.switch-key.operation=%3Cscript%3E&omit=`);
  await expect(stepHeading(page)).toHaveText(/rotat/i);
  await expect(page.getByText(/could not be replayed: “<script>” is not one of the choices/)).toBeVisible();

  await page.goto(`./#/lessons/${LESSON}/rotate-on-demand?share=1&version=1&seed=banana`);
  await expect(page.getByText(/could not be opened: the step index is not a whole number/)).toBeVisible();
  await expect(stepHeading(page)).toBeVisible();

  await page.goto(`./#/lessons/${LESSON}/retired-step?share=1&version=9&seed=1&at=2&done=&log=&omit=`);
  await expect(page.getByText(/made with version 9 of the lesson; this is version 1.*nearest step/)).toBeVisible();
  await expect(stepHeading(page)).toHaveText('A year of automatic rotation');
});
