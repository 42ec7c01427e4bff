/**
 * Lesson 03 as a newcomer takes it, keyboard only: every step, the three hands-on steps through
 * their forms (their own text encrypted before upload, the file sent to Bob and to the payroll
 * app, the encryption context that opens a swapped object), the refusals' exact words in the diagram's text twin and in the decision view, axe clean
 * while a refusal is on screen, and the quiz.
 */
import { test, expect } from './support/fixtures';
import { seriousViolations } from './support/axe';
import { activate, tabTo, typeInto } from './support/keyboard';
import { nextButton, openLessonFromCatalogue, stepHeading, stepLinks, takeQuiz } from './support/lesson';

const LESSON = { id: 'client-side-encryption', title: 'Client-side encryption' };
const OWN_TEXT = 'The pay rise letters go out on Friday';

// axe is injected as an inline script, which the app's Content-Security-Policy rightly refuses.
test.use({ bypassCSP: true });

test('a newcomer completes client-side encryption and its quiz with the keyboard only', async ({ page }) => {
  test.setTimeout(180_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openLessonFromCatalogue(page, LESSON.title);
  const twin = page.locator('.text-twin');
  const goal = page.getByText(/^✓ Goal reached|Goal reached\./).first();
  const why = page.getByRole('region', { name: 'Why KMS decided' });
  const total = await stepLinks(page).count();
  expect(total).toBe(8);

  for (let index = 0; index < total; index++) {
    await expect(page.getByText(`Step ${index + 1} of ${total}`, { exact: true })).toBeVisible();
    const title = (await stepHeading(page).textContent()) ?? '';

    if (title.includes('encrypt before you upload')) {
      await typeInto(page, page.getByLabel(/^Your text/), OWN_TEXT);
      await activate(page, page.getByRole('button', { name: 'Encrypt and upload' }));
      await expect(goal).toBeVisible({ timeout: 20_000 });
      await expect(twin.getByText(`searches the body it received for "${OWN_TEXT.slice(0, 30)}…": not found, it is ciphertext; its disk: not found`).first()).toBeVisible();
    }

    if (title.includes('choose who receives')) {
      const recipient = page.getByLabel(/^Recipient/);
      await tabTo(page, recipient);
      await page.keyboard.type('Bob');
      await expect(recipient).toHaveValue('bob');
      await activate(page, page.getByRole('button', { name: 'Send the file' }));
      await expect(twin.getByText('User: arn:aws:iam::111122223333:user/bob is not authorized to perform: kms:Decrypt', { exact: false }).first()).toBeVisible({ timeout: 20_000 });
      // The decision view explains the refusal the engine recorded for that very call.
      await expect(why.getByText('Why KMS refused user/bob the data key of hr/salary-review-2026.csv')).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await tabTo(page, recipient);
      await page.keyboard.type('the payroll');
      await expect(recipient).toHaveValue('payroll-app');
      await activate(page, page.getByRole('button', { name: 'Send the file' }));
      await expect(goal).toBeVisible({ timeout: 20_000 });
      await expect(twin.getByText(/decrypts the file locally with the data key KMS returned/).first()).toBeVisible();
    }

    if (title.includes('a file that is not what it claims')) {
      await expect(twin.getByText(/gets InvalidCiphertextException \(KMS sends no message\)/).first()).toBeVisible({ timeout: 20_000 });
      await typeInto(page, page.getByLabel(/^file in the encryption context/), 'hr/salary-review-2026.csv');
      await activate(page, page.getByRole('button', { name: 'Ask KMS for the data key' }));
      await expect(goal).toBeVisible({ timeout: 20_000 });
      await expect(twin.getByText(/it reads the object stored as hr\/bonus-plan-2026\.csv/).first()).toBeVisible();
    }

    if (index === total - 1) break;
    await expect(nextButton(page)).toHaveAttribute('aria-disabled', 'false', { timeout: 20_000 });
    await activate(page, nextButton(page));
    await expect(stepHeading(page)).not.toHaveText(title);
  }

  await expect(twin.getByText(/the salary review was readable only at: /)).toBeVisible();
  const stepsDone = page.getByRole('navigation', { name: 'Lesson steps' }).getByText(/steps done$/);
  await expect(stepsDone).toHaveText(`${total} of ${total} steps done`);

  await activate(page, page.getByRole('link', { name: 'Take the quiz' }));
  await expect(page.getByRole('heading', { level: 1, name: /^Quiz:/ })).toBeVisible();
  await expect(page.locator('li.question')).toHaveCount(10);
  const score = await takeQuiz(page);
  expect(score).toMatch(/\d+ of 10/);
});

for (const theme of ['light', 'dark'] as const) {
  test(`a deep link opens the storage administrator's attempt: KMS's refusal in the text twin and the decision view, axe clean (${theme})`, async ({ page }) => {
    await page.addInitScript((choice) => localStorage.setItem('kms-lab:theme', choice), theme);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`./#/lessons/${LESSON.id}/server-tries`);
    await expect(stepHeading(page)).toHaveText(/The storage side tries to read it/);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    const twin = page.locator('.text-twin');
    await expect(twin.getByText('ops-on-call is not authorized to perform: kms:Decrypt', { exact: false }).first()).toBeVisible({ timeout: 20_000 });
    await expect(twin.getByText(/AWS KMS: refuses: Denied: the key policy delegates to IAM/).first()).toBeVisible();
    const why = page.getByRole('region', { name: 'Why KMS decided' });
    await expect(why.getByText('Why KMS refused the storage administrator\'s Decrypt')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}
