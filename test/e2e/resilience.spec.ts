import { test, expect } from './support/fixtures';
import { FIRST_LESSON } from './support/first-lesson';
import { nextButton, stepHeading } from './support/lesson';

test('a corrupt progress store shows the notice, and the app still works', async ({ page }) => {
  await page.addInitScript(() => {
    // only before the first load: the app may then save good progress over it
    if (!sessionStorage.getItem('corrupted')) {
      localStorage.setItem('kms-lab:progress:v1', '{not json at all');
      sessionStorage.setItem('corrupted', 'yes');
    }
  });
  await page.goto('./');
  const notice = page.getByRole('alert').filter({ hasText: 'About your saved progress' });
  await expect(notice).toBeVisible();
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toBeHidden();

  await page.getByRole('link', { name: FIRST_LESSON.title, exact: true }).click();
  await expect(stepHeading(page)).toBeVisible();
  await expect(nextButton(page)).toHaveAttribute('aria-disabled', 'false', { timeout: 20_000 });
  await nextButton(page).click();
  await expect(page.getByText(/^Step 2 of \d+$/)).toBeVisible();

  await page.reload();
  await expect(page.getByRole('alert').filter({ hasText: 'About your saved progress' })).toHaveCount(0);
});

test('progress can be exported and imported as a JSON file', async ({ page }) => {
  await page.goto(`./#/lessons/${FIRST_LESSON.id}`);
  await expect(nextButton(page)).toHaveAttribute('aria-disabled', 'false', { timeout: 20_000 });
  await page.getByRole('link', { name: 'All lessons' }).click();
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download progress (JSON)' }).click();
  const download = await downloadPromise;
  const path = await download.path();
  expect(download.suggestedFilename()).toMatch(/^kms-lab-progress-.*\.json$/);

  await page.evaluate(() => localStorage.clear());
  await page.reload();
  const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: FIRST_LESSON.title, exact: true }) });
  await expect(card.getByText(/^0 \//)).toBeVisible();
  await page.getByLabel('Load progress from a file').setInputFiles(path);
  await expect(page.getByText('Your progress was loaded from the file.')).toBeVisible();
  await expect(card.getByText(/^1 \//)).toBeVisible();
});
