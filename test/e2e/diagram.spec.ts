import { test, expect } from './support/fixtures';
import { FIRST_LESSON } from './support/first-lesson';
import { activate, tabTo } from './support/keyboard';
import { nextButton } from './support/lesson';

test('step by step: each message waits for "Play next message", and the text twin follows the diagram', async ({ page }) => {
  await page.goto(`./#/lessons/${FIRST_LESSON.id}/plain-http`);
  await expect(nextButton(page)).toHaveAttribute('aria-disabled', 'false', { timeout: 20_000 });

  const speed = page.getByLabel('Animation speed');
  await tabTo(page, speed);
  await speed.selectOption({ label: 'Step by step' }); // a select is driven by its own keys; the option is what matters
  await activate(page, nextButton(page));
  await expect(page.getByRole('heading', { level: 2, name: 'Who is bank.example? Certificates' })).toBeVisible();

  const twin = page.locator('.text-twin li');
  const rows = page.locator('.rows .row');
  const counter = page.getByText(/^\d+ of \d+ shown$/);
  await expect(counter).toBeVisible({ timeout: 20_000 });
  const before = await twin.count();
  await expect(rows).toHaveCount(before);

  await activate(page, page.getByRole('button', { name: 'Play next message' }));
  await expect(twin).toHaveCount(before + 1);
  await expect(rows).toHaveCount(before + 1);
  await page.keyboard.press('Enter');
  await expect(twin).toHaveCount(before + 2);
});

test('Reset rebuilds the current step: the hands-on goal is asked again', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`./#/lessons/${FIRST_LESSON.id}/send-your-own`);
  await expect(page.getByText(/^Your goal:/)).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Send over TLS' }).click();
  await expect(page.getByText(/^✓ Goal reached/)).toBeVisible({ timeout: 20_000 });
  const afterSending = await page.locator('.text-twin li').count();

  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(page.getByText(/^Your goal:/)).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('.text-twin li')).not.toHaveCount(afterSending);
});
