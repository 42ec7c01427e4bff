import { test, expect } from './support/fixtures';
import { FIRST_LESSON } from './support/first-lesson';
import { nextButton, stepHeading } from './support/lesson';

test.use({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });

async function expectNoHorizontalScroll(page: import('@playwright/test').Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'horizontal overflow in px').toBeLessThanOrEqual(0);
}

test('on a 375×667 phone the catalogue and a lesson fit the width and the lesson is usable', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('link', { name: FIRST_LESSON.title, exact: true })).toBeVisible();
  await expectNoHorizontalScroll(page);

  await page.getByRole('link', { name: FIRST_LESSON.title, exact: true }).tap();
  await expect(stepHeading(page)).toBeVisible();
  await expect(nextButton(page)).toHaveAttribute('aria-disabled', 'false', { timeout: 20_000 });
  await expectNoHorizontalScroll(page);

  // the panes stack: the simulation comes below the prose, full width
  const prose = await page.locator('.prose-pane').boundingBox();
  const simulation = await page.locator('.sim-pane').boundingBox();
  expect(prose && simulation && simulation.y > prose.y).toBe(true);
  expect(simulation?.width ?? 0).toBeGreaterThan(300);

  await nextButton(page).tap();
  await expect(page.getByText(/^Step 2 of \d+$/)).toBeVisible();

  await page.goto(`./#/lessons/${FIRST_LESSON.id}/send-your-own`);
  await expect(page.getByLabel('Your message')).toBeVisible({ timeout: 20_000 });
  await page.getByLabel('Your message').fill('hello from a phone');
  await page.getByRole('button', { name: 'Send over TLS' }).tap();
  await expect(page.getByText(/^✓ Goal reached/)).toBeVisible({ timeout: 20_000 });
  await expectNoHorizontalScroll(page);
});
