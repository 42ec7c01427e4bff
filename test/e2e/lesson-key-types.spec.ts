/**
 * Lesson 04 as a newcomer takes it, keyboard only: every step; the three hands-on steps through
 * their forms (a wrong key first, then the right one; a message too long for RSA, then one of their
 * own that comes back through KMS, then the other OAEP hash; a tampered release); KMS's exact words
 * in the diagram's text twin; axe clean on the tampering step in both themes; the quiz; and three
 * steps on a phone.
 */
import { test, expect } from './support/fixtures';
import { seriousViolations } from './support/axe';
import { activate, tabTo, typeInto } from './support/keyboard';
import { nextButton, stepHeading, takeQuiz } from './support/lesson';
import { openLessonAsNewcomer, stepTitleAt, textTwin, goalReached, openStepInTheme } from './support/newcomer';

const LESSON = { id: 'key-types', title: 'KMS key types' };
const OWN_MESSAGE = 'Sealed bid: 1.85M GBP for lot 12';

// axe is injected as an inline script, which the app's Content-Security-Policy rightly refuses.
test.use({ bypassCSP: true });

test('a newcomer completes KMS key types and its quiz with the keyboard only', async ({ page }) => {
  test.setTimeout(240_000);
  const total = await openLessonAsNewcomer(page, LESSON.title, 9);
  const twin = textTwin(page);
  const goal = goalReached(page);

  for (let index = 0; index < total; index++) {
    const title = await stepTitleAt(page, index, total);

    if (index === 0) {
      await expect(twin.getByText(/UnsupportedOperationException/).first()).toBeVisible({ timeout: 20_000 });
      await expect(twin.getByText(/key spec SYMMETRIC_DEFAULT has no public key\./).first()).toBeVisible();
    }

    if (title.includes('choose a key for the partner')) {
      const spec = page.getByLabel('Key spec');
      const usage = page.getByLabel('Key usage');
      const create = page.getByRole('button', { name: 'Create the key' });
      // A wrong pair first: KMS refuses it in its own words, and the goal stays open.
      await tabTo(page, spec);
      await spec.selectOption('ECC_NIST_P256');
      await activate(page, create);
      await expect(twin.getByText(/KeyUsage ENCRYPT_DECRYPT is not compatible with KeySpec ECC_NIST_P256/).first()).toBeVisible({ timeout: 20_000 });
      await expect(goal).toBeHidden();
      await tabTo(page, spec);
      await spec.selectOption('RSA_2048');
      await tabTo(page, usage);
      await usage.selectOption('ENCRYPT_DECRYPT');
      await activate(page, create);
      await expect(goal).toBeVisible({ timeout: 20_000 });
    }

    if (title.includes('encrypt as the partner')) {
      const field = page.getByLabel(/^Partner's message/);
      const send = page.getByRole('button', { name: 'Encrypt with the public key and send' });
      await typeInto(page, field, 'x'.repeat(200));
      await activate(page, send);
      await expect(twin.getByText(/cannot encrypt 200 bytes: RSAES_OAEP_SHA_256 with this RSA_2048 key takes at most 190 bytes/).first()).toBeVisible({ timeout: 20_000 });
      await typeInto(page, field, OWN_MESSAGE);
      await activate(page, send);
      await expect(goal).toBeVisible({ timeout: 20_000 });
      await expect(twin.getByText(`'${OWN_MESSAGE}'`, { exact: false }).last()).toBeVisible();
      // The other algorithm the key lists: the public key takes it, the agreed Decrypt cannot open it.
      const algorithm = page.getByLabel(/^Partner's algorithm/);
      await tabTo(page, algorithm);
      await algorithm.selectOption('RSAES_OAEP_SHA_1');
      await activate(page, send);
      await expect(twin.getByText(/cannot read it: the partner encrypted with RSAES_OAEP_SHA_1, not the agreed RSAES_OAEP_SHA_256/)).toBeVisible({ timeout: 20_000 });
    }

    if (title.includes('tamper with the release')) {
      await activate(page, page.getByRole('button', { name: 'Serve it from the mirror' }));
      await expect(goal).toBeVisible({ timeout: 20_000 });
      await expect(twin.getByText(/INVALID, refuses to install/).first()).toBeVisible();
      await expect(twin.getByText(/KMSInvalidSignatureException/).first()).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    }

    if (index === total - 1) break;
    await expect(nextButton(page)).toHaveAttribute('aria-disabled', 'false', { timeout: 20_000 });
    await activate(page, nextButton(page));
    await expect(stepHeading(page)).not.toHaveText(title);
  }

  await expect(twin.getByText(/holds 4 customer managed keys/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'What this lesson does not simulate' })).toBeVisible();
  await expect(page.getByText(/Key spec ECC_SECG_P256K1: secp256k1/)).toBeVisible();
  const stepsDone = page.getByRole('navigation', { name: 'Lesson steps' }).getByText(/steps done$/);
  await expect(stepsDone).toHaveText(`${total} of ${total} steps done`);

  await activate(page, page.getByRole('link', { name: 'Take the quiz' }));
  await expect(page.getByRole('heading', { level: 1, name: /^Quiz:/ })).toBeVisible();
  await expect(page.locator('li.question')).toHaveCount(12);
  const score = await takeQuiz(page);
  expect(score).toMatch(/\d+ of 12/);
});

for (const theme of ['light', 'dark'] as const) {
  test(`a deep link opens the tampering step with the release signed and verified, axe clean (${theme})`, async ({ page }) => {
    await openStepInTheme(page, { lessonId: LESSON.id, stepId: 'tamper-with-release', heading: /tamper with the release/, theme });
    const twin = page.locator('.text-twin');
    await expect(twin.getByText(/verifies the signature with the public key, offline: valid/).first()).toBeVisible({ timeout: 20_000 });
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test.describe('on a 375×667 phone', () => {
  test.use({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });

  for (const stepId of ['choose-key-spec', 'encrypt-offline', 'price-and-quotas']) {
    test(`step ${stepId} (its key list, form and diagram) fits the width`, async ({ page }) => {
      await page.goto(`./#/lessons/${LESSON.id}/${stepId}`);
      await expect(stepHeading(page)).toBeVisible();
      await expect(nextButton(page)).toHaveAttribute('aria-disabled', /true|false/, { timeout: 20_000 });
      await expect(page.locator('.text-twin li').first()).toBeVisible({ timeout: 20_000 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, 'horizontal overflow in px').toBeLessThanOrEqual(0);
    });
  }
});
