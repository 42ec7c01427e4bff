/**
 * Lesson 07 as a newcomer takes it, keyboard only: every step, the three hands-on steps through
 * their forms (their own text sealed, the report opened with a wrong then the right encryption
 * context, the same files run with a data key each and with one reused, a file of their own
 * sealed in chunks), the engine's exact words
 * and counts in the diagram's text twin, axe clean on a hands-on step, and the quiz.
 */
import { test, expect } from './support/fixtures';
import { seriousViolations } from './support/axe';
import { activate, tabTo, typeInto } from './support/keyboard';
import { nextButton, stepHeading, takeQuiz } from './support/lesson';
import { openLessonAsNewcomer, stepTitleAt, textTwin, goalReached, openStepInTheme } from './support/newcomer';

const LESSON = { id: 'envelope-encryption', title: 'Envelope encryption' };
const OWN_TEXT = 'Board meets on Thursday';

// axe is injected as an inline script, which the app's Content-Security-Policy rightly refuses.
test.use({ bypassCSP: true });

test('a newcomer completes envelope encryption and its quiz with the keyboard only', async ({ page }) => {
  test.setTimeout(240_000);
  const total = await openLessonAsNewcomer(page, LESSON.title, 9);
  const twin = textTwin(page);
  const goal = goalReached(page);

  for (let index = 0; index < total; index++) {
    const title = await stepTitleAt(page, index, total);

    if (index === 0) {
      await expect(twin.getByText('Member must have length less than or equal to 4096', { exact: false }).first()).toBeVisible({ timeout: 20_000 });
    }

    if (title.includes('seal your own text')) {
      await typeInto(page, page.getByLabel(/^Your text/), OWN_TEXT);
      await activate(page, page.getByRole('button', { name: 'Seal it' }));
      await expect(goal).toBeVisible({ timeout: 20_000 });
      await expect(twin.getByText(/received 1 request: GenerateDataKey \(\d+ bytes\); your text in it: no/).first()).toBeVisible();
      await expect(twin.getByText(`envelope for "${OWN_TEXT}": not found, it is ciphertext`, { exact: false }).first()).toBeVisible();
    }

    if (title.includes('open the envelope')) {
      await activate(page, page.getByRole('button', { name: 'Open the envelope' }));
      await expect(twin.getByText('gets InvalidCiphertextException (KMS sends no message)', { exact: false }).first()).toBeVisible({ timeout: 20_000 });
      await typeInto(page, page.getByLabel(/^Encryption context/), 'purpose=quarterly-report, file=reports/q3-results.csv');
      await activate(page, page.getByRole('button', { name: 'Open the envelope' }));
      await expect(goal).toBeVisible({ timeout: 20_000 });
      await expect(twin.getByText(/decrypts 1,048,576 bytes locally with the data key KMS returned/).first()).toBeVisible();
    }

    if (title.includes('how many data keys')) {
      await typeInto(page, page.getByLabel(/^Files/), '25');
      await activate(page, page.getByRole('button', { name: 'Encrypt and read back' }));
      await expect(twin.getByText('CloudTrail: 25 GenerateDataKey + 25 Decrypt = 50 KMS calls, 25 data keys', { exact: false }).first()).toBeVisible({ timeout: 30_000 });
      const strategy = page.getByLabel(/^Data keys/);
      await tabTo(page, strategy);
      await page.keyboard.type('one data key r');
      await expect(strategy).toHaveValue('reuse');
      await activate(page, page.getByRole('button', { name: 'Encrypt and read back' }));
      await expect(goal).toBeVisible({ timeout: 30_000 });
      await expect(twin.getByText('CloudTrail: 1 GenerateDataKey + 1 Decrypt = 2 KMS calls, 1 data key', { exact: false }).first()).toBeVisible();
      await expect(twin.getByText('at 10,000,000 files a month the same way: 800,000 requests, $2.34 a month', { exact: false }).first()).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    }

    if (title.includes('a file of your own')) {
      // A small file here: the 50 MB run has its own spec (lesson-envelope-file.spec.ts).
      await page.getByLabel('Your file', { exact: true }).setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('meeting notes\n'.repeat(1000)) });
      await activate(page, page.getByRole('button', { name: 'Encrypt and decrypt my file' }));
      await expect(goal).toBeVisible({ timeout: 30_000 });
      await expect(twin.getByText('14,000 bytes, identical to your file, byte for byte', { exact: false }).first()).toBeVisible();
    }

    if (index === total - 1) break;
    await expect(nextButton(page)).toHaveAttribute('aria-disabled', 'false', { timeout: 20_000 });
    await activate(page, nextButton(page));
    await expect(stepHeading(page)).not.toHaveText(title);
  }

  await expect(twin.getByText(/asking for 1025 gets ValidationException/)).toBeVisible({ timeout: 20_000 });
  const stepsDone = page.getByRole('navigation', { name: 'Lesson steps' }).getByText(/steps done$/);
  await expect(stepsDone).toHaveText(`${total} of ${total} steps done`);

  await activate(page, page.getByRole('link', { name: 'Take the quiz' }));
  await expect(page.getByRole('heading', { level: 1, name: /^Quiz:/ })).toBeVisible();
  await expect(page.locator('li.question')).toHaveCount(10);
  const score = await takeQuiz(page);
  expect(score).toMatch(/\d+ of 10/);
});

for (const theme of ['light', 'dark'] as const) {
  test(`a deep link opens the local encryption: the erased data key and the stored layout in the text twin, axe clean (${theme})`, async ({ page }) => {
    await openStepInTheme(page, { lessonId: LESSON.id, stepId: 'encrypt-locally', heading: /Encrypt locally, erase the key, store the envelope/, theme });
    const twin = page.locator('.text-twin');
    await expect(twin.getByText('erases the plaintext data key: its 32 bytes now read all zeros', { exact: false }).first()).toBeVisible({ timeout: 20_000 });
    await expect(twin.getByText(/stores one [\d,]+-byte envelope: header \d+ B/).first()).toBeVisible();
    await expect(twin.getByText('the report\'s first line not found; the plaintext data key not found', { exact: false }).first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}
