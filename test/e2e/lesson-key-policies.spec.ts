/**
 * Lesson 08 as a newcomer takes it, keyboard only: every step, the two hands-on steps through their
 * forms (a wrong change to the vault key first, then one that works; a malformed statement refused
 * with validatePolicy's words, then the fixed conditions), the refusals in the text twin and the
 * decision view, axe clean while a refusal is on screen, and the quiz.
 */
import { test, expect } from './support/fixtures';
import { seriousViolations } from './support/axe';
import { activate, tabTo, typeInto } from './support/keyboard';
import { nextButton, openLessonFromCatalogue, stepHeading, stepLinks, takeQuiz } from './support/lesson';

const LESSON = { id: 'key-policies-and-iam', title: 'Key policies and IAM' };
const FIXED_STATEMENT = '{"Sid":"ReportAppThroughS3","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/report-app"},"Action":"kms:Decrypt","Resource":"*","Condition":{"StringEquals":{"kms:ViaService":"s3.eu-west-2.amazonaws.com","kms:EncryptionContext:department":"hr"}}}';

// axe is injected as an inline script, which the app's Content-Security-Policy rightly refuses.
test.use({ bypassCSP: true });

test('a newcomer solves the key policy puzzles and the quiz with the keyboard only', async ({ page }) => {
  test.setTimeout(180_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openLessonFromCatalogue(page, LESSON.title);
  const twin = page.locator('.text-twin');
  const goal = page.getByText(/^✓ Goal reached|Goal reached\./).first();
  const why = page.getByRole('region', { name: 'Why KMS decided' });
  const total = await stepLinks(page).count();
  expect(total).toBe(7);

  for (let index = 0; index < total; index++) {
    await expect(page.getByText(`Step ${index + 1} of ${total}`, { exact: true })).toBeVisible();
    const title = (await stepHeading(page).textContent()) ?? '';

    if (title.includes('The default key policy')) {
      await expect(why.getByText('Why Bob could not decrypt with alias/shared: ImplicitDeny')).toBeVisible({ timeout: 20_000 });
      expect(await seriousViolations(page)).toEqual([]);
    }

    if (title.includes('a key policy that does not delegate')) {
      await expect(why.getByText('Why Bob, with kms:Decrypt in IAM, could not decrypt with alias/vault: ImplicitDeny')).toBeVisible({ timeout: 20_000 });
      const fix = page.getByLabel(/^What to change/);
      await tabTo(page, fix);
      await page.keyboard.type('Attach');
      await expect(fix).toHaveValue('more-iam');
      await activate(page, page.getByRole('button', { name: 'Change it and let Bob try again' }));
      await expect(why.getByText(/Bob decrypts with alias\/vault after: Attach another IAM policy.*: ImplicitDeny/)).toBeVisible({ timeout: 20_000 });
      await expect(goal).not.toBeVisible();
      await tabTo(page, fix);
      await page.keyboard.type('Add a key policy statement: Allow Bob kms:D');
      await expect(fix).toHaveValue('bob-in-key-policy');
      await activate(page, page.getByRole('button', { name: 'Change it and let Bob try again' }));
      await expect(goal).toBeVisible({ timeout: 20_000 });
    }

    if (title.includes('Another account')) {
      await expect(why.getByText('Why Bob could not decrypt despite an Allow: ExplicitDeny')).toBeVisible({ timeout: 20_000 });
    }

    if (title.includes('encryption context and kms:ViaService')) {
      const statement = page.getByLabel(/^Key policy statement for report-app/);
      await typeInto(page, statement, '{"Effect":"Allow"');
      await activate(page, page.getByRole('button', { name: 'Store the key policy and retry' }));
      await expect(page.getByText(/validatePolicy: The statement is not valid JSON/).first()).toBeVisible({ timeout: 20_000 });
      await typeInto(page, statement, FIXED_STATEMENT);
      await activate(page, page.getByRole('button', { name: 'Store the key policy and retry' }));
      await expect(goal).toBeVisible({ timeout: 20_000 });
      await expect(why.getByText('report-app calls KMS itself, not through S3: ImplicitDeny')).toBeVisible();
    }

    if (index === total - 1) break;
    await expect(nextButton(page)).toHaveAttribute('aria-disabled', 'false', { timeout: 20_000 });
    await activate(page, nextButton(page));
    await expect(stepHeading(page)).not.toHaveText(title);
  }

  await expect(twin.getByText(/1\. an explicit Deny anywhere refuses: user\/bob Decrypt/)).toBeVisible();
  const stepsDone = page.getByRole('navigation', { name: 'Lesson steps' }).getByText(/steps done$/);
  await expect(stepsDone).toHaveText(`${total} of ${total} steps done`);

  await activate(page, page.getByRole('link', { name: 'Take the quiz' }));
  await expect(page.getByRole('heading', { level: 1, name: /^Quiz:/ })).toBeVisible();
  await expect(page.locator('li.question')).toHaveCount(10);
  const score = await takeQuiz(page);
  expect(score).toMatch(/\d+ of 10/);
});

for (const theme of ['light', 'dark'] as const) {
  test(`a deep link opens the cross-account puzzle: refusals in the text twin and the decision view, axe clean (${theme})`, async ({ page }) => {
    await page.addInitScript((choice) => localStorage.setItem('kms-lab:theme', choice), theme);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`./#/lessons/${LESSON.id}/cross-account-and-deny`);
    await expect(stepHeading(page)).toHaveText(/Another account, and an explicit deny/);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    const twin = page.locator('.text-twin');
    await expect(twin.getByText('user/dana is not authorized to perform: kms:Decrypt', { exact: false }).first()).toBeVisible({ timeout: 20_000 });
    const why = page.getByRole('region', { name: 'Why KMS decided' });
    await expect(why.getByText('Why Dana (another account) could not decrypt with IAM permission alone: ImplicitDeny')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}
