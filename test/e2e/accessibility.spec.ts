import { test, expect } from './support/fixtures';
import { seriousViolations } from './support/axe';
import { FIRST_LESSON } from './support/first-lesson';
import { stepHeading } from './support/lesson';

// axe is injected as an inline script, which the app's Content-Security-Policy rightly refuses.
test.use({ bypassCSP: true });

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.beforeEach(async ({ page }) => {
      await page.addInitScript((choice) => localStorage.setItem('kms-lab:theme', choice), theme);
      await page.emulateMedia({ reducedMotion: 'reduce' });
    });

    test('the catalogue has no serious or critical axe violation', async ({ page }) => {
      await page.goto('./');
      await expect(page.getByRole('link', { name: FIRST_LESSON.title, exact: true })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('a lesson step (prose, diagram, text twin, hands-on form) has no serious or critical axe violation', async ({ page }) => {
      await page.goto(`./#/lessons/${FIRST_LESSON.id}/send-your-own`);
      await expect(stepHeading(page)).toBeVisible();
      await expect(page.getByText(/^Your goal:/)).toBeVisible({ timeout: 20_000 });
      await page.getByText('Show hint').click();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('the quiz has no serious or critical axe violation', async ({ page }) => {
      await page.goto(`./#/lessons/${FIRST_LESSON.id}/quiz`);
      await expect(page.getByRole('heading', { level: 1, name: /^Quiz:/ })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}
