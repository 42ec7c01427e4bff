import { test, expect } from './support/fixtures';
import { FIRST_LESSON } from './support/first-lesson';
import { stepHeading } from './support/lesson';

test('a deep link opens that step', async ({ page }) => {
  await page.goto(`./#/lessons/${FIRST_LESSON.id}/tls-handshake`);
  await expect(stepHeading(page)).toHaveText('The TLS handshake');
  await expect(page.locator('nav[aria-label="Lesson steps"] a[aria-current="step"]')).toContainText('The TLS handshake');
  // the diagram's text twin shows the handshake once the earlier steps have been replayed
  await expect(page.getByRole('list').filter({ hasText: 'ClientHello' }).first()).toBeVisible({ timeout: 20_000 });
});

test('an unknown address shows a friendly page with a way home', async ({ page }) => {
  await page.goto('./#/no/such/page');
  await expect(page.getByRole('heading', { name: 'This page does not exist' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to the list of lessons' }).click();
  await expect(page.getByRole('link', { name: FIRST_LESSON.title, exact: true })).toBeVisible();
});

test('an unknown lesson says so and links home', async ({ page }) => {
  await page.goto('./#/lessons/no-such-lesson');
  await expect(page.getByRole('heading', { name: 'This lesson could not be opened' })).toBeVisible();
  await expect(page.getByText(/no lesson with id "no-such-lesson"/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Back to the list of lessons' })).toBeVisible();
});
