/**
 * Lesson 02 as a newcomer takes it, keyboard only: every step, both hands-on steps through their
 * forms (their own text, then kms:Decrypt taken away and given back), the refusal's exact words
 * in the diagram's text twin and in the decision view, axe clean while the refusal is on screen,
 * and the quiz.
 */
import { test, expect } from './support/fixtures';
import { seriousViolations } from './support/axe';
import { activate, typeInto } from './support/keyboard';
import { nextButton, openLessonFromCatalogue, stepHeading, stepLinks, takeQuiz } from './support/lesson';

const LESSON = { id: 'server-side-encryption', title: 'Server-side encryption at rest' };
const OWN_TEXT = 'Meet me at the old mill at six';

// axe is injected as an inline script, which the app's Content-Security-Policy rightly refuses.
test.use({ bypassCSP: true });

test('a newcomer completes server-side encryption at rest and its quiz with the keyboard only', async ({ page }) => {
  test.setTimeout(180_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openLessonFromCatalogue(page, LESSON.title);
  const twin = page.locator('.text-twin');
  const goal = page.getByText(/^✓ Goal reached|Goal reached\./).first();
  const total = await stepLinks(page).count();
  expect(total).toBe(9);

  for (let index = 0; index < total; index++) {
    await expect(page.getByText(`Step ${index + 1} of ${total}`, { exact: true })).toBeVisible();
    const title = (await stepHeading(page).textContent()) ?? '';

    if (title.includes('upload your own text')) {
      await typeInto(page, page.getByLabel(/^Your text/), OWN_TEXT);
      await activate(page, page.getByRole('button', { name: 'Upload to S3' }));
      await expect(goal).toBeVisible({ timeout: 20_000 });
      await expect(twin.getByText(`looks for your text: searches the`, { exact: false }).last()).toContainText(`"${OWN_TEXT}": not found`);
    }

    if (title.includes('take kms:Decrypt away')) {
      await activate(page, page.getByRole('button', { name: 'Remove kms:Decrypt from the role' }));
      await activate(page, page.getByRole('button', { name: 'Download the report' }));
      await expect(twin.getByText('because no identity-based policy allows the kms:Decrypt action').first()).toBeVisible({ timeout: 20_000 });
      await expect(twin.getByText(/AWS KMS: refuses: Denied: the key policy delegates to IAM/).first()).toBeVisible();
      // The decision view explains the refusal the engine recorded for that very call.
      const why = page.getByRole('region', { name: 'Why KMS decided' });
      await expect(why.getByText('Why S3 could not decrypt reports/2026-q3.txt for report-app')).toBeVisible();
      await expect(why.locator('details[open]').getByText(/no IAM policy of report-app \(session web-1\) allows kms:Decrypt/).first()).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await activate(page, page.getByRole('button', { name: 'Give kms:Decrypt back' }));
      await activate(page, page.getByRole('button', { name: 'Download the report' }));
      await expect(goal).toBeVisible({ timeout: 20_000 });
    }

    if (index === total - 1) break;
    await expect(nextButton(page)).toHaveAttribute('aria-disabled', 'false', { timeout: 20_000 });
    await activate(page, nextButton(page));
    await expect(stepHeading(page)).not.toHaveText(title);
  }

  await expect(twin.getByText(/records nothing for reports\/2026-q3-sse-s3\.txt/)).toBeVisible();
  const stepsDone = page.getByRole('navigation', { name: 'Lesson steps' }).getByText(/steps done$/);
  await expect(stepsDone).toHaveText(`${total} of ${total} steps done`);

  await activate(page, page.getByRole('link', { name: 'Take the quiz' }));
  await expect(page.getByRole('heading', { level: 1, name: /^Quiz:/ })).toBeVisible();
  await expect(page.locator('li.question')).toHaveCount(13);
  const score = await takeQuiz(page);
  expect(score).toMatch(/\d+ of 13/);
});

for (const theme of ['light', 'dark'] as const) {
  test(`a deep link opens the stolen disk: the thief's refusal in the text twin and the decision view, axe clean (${theme})`, async ({ page }) => {
    await page.addInitScript((choice) => localStorage.setItem('kms-lab:theme', choice), theme);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`./#/lessons/${LESSON.id}/stolen-disk`);
    await expect(stepHeading(page)).toHaveText(/A thief copies the disk/);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    const twin = page.locator('.text-twin');
    await expect(twin.getByText('because no resource-based policy allows the kms:Decrypt action').first()).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole('region', { name: 'Why KMS decided' }).getByText('Why KMS refused the thief\'s Decrypt')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}
