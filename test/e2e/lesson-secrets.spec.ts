/**
 * Lesson 11 as a newcomer takes it, keyboard only: the password in the code read in the terminal;
 * encrypting it into app.env by typing `aws kms encrypt`; starting the app as a role that may
 * decrypt and one that may not (AccessDeniedException, axe clean with the decision view open);
 * `aws ssm put-parameter` and `get-parameter --with-decryption` typed into the textbox named
 * "Terminal" with the CLI's exact output; the scripted SSM, S3, EBS, RDS and Redshift calls in the
 * diagram's text twin; the "not simulated" note; and the quiz. No console errors (fixtures).
 */
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { seriousViolations } from './support/axe';
import { activate, tabTo } from './support/keyboard';
import { nextButton, openLessonFromCatalogue, stepHeading, stepLinks, takeQuiz } from './support/lesson';

const LESSON = { id: 'secrets-and-integrated-services', title: 'Secrets and integrated services' };
const PASSWORD = 's3cr3t-Payroll-2026';

const terminal = (page: Page) => page.getByRole('textbox', { name: 'Terminal', exact: true });
const screen = (page: Page) => page.getByRole('log', { name: 'Terminal output' });
const entries = (page: Page) => screen(page).locator('.entry');

/** Tabs to the terminal (if it does not have focus), types the line, runs it with Enter and waits for its output. */
async function run(page: Page, line: string): Promise<void> {
  await tabTo(page, terminal(page));
  await page.keyboard.type(line);
  await expect(terminal(page)).toHaveValue(line);
  await page.keyboard.press('Enter');
  await expect(terminal(page)).toHaveValue('');
  await expect(screen(page)).toHaveAttribute('aria-busy', 'false', { timeout: 20_000 });
}

/** "Next step" sits before the terminal in the page, so the keyboard goes back to it. */
async function nextStep(page: Page): Promise<void> {
  await expect(nextButton(page)).toHaveAttribute('aria-disabled', 'false', { timeout: 20_000 });
  await tabTo(page, nextButton(page), { backwards: true, max: 120 });
  await page.keyboard.press('Enter');
}

/** Starts the app as one role with the step's form, keyboard only. */
async function startAs(page: Page, role: 'AppServer' | 'BatchJob'): Promise<void> {
  const runAs = page.getByLabel(/^Run the app as/);
  await tabTo(page, runAs, { max: 120 });
  await runAs.selectOption(role);
  await activate(page, page.getByRole('button', { name: 'Start the app' }));
}

// axe is injected as an inline script, which the app's Content-Security-Policy rightly refuses.
test.use({ bypassCSP: true });

test('a newcomer completes Secrets and integrated services by keyboard, typing the aws commands, then its quiz', async ({ page }) => {
  test.setTimeout(300_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openLessonFromCatalogue(page, LESSON.title);
  const twin = page.locator('.text-twin');
  const goal = page.getByText(/^✓ Goal reached|Goal reached\./).first();
  const total = await stepLinks(page).count();
  expect(total).toBe(8);

  for (let index = 0; index < total; index++) {
    await expect(page.getByText(`Step ${index + 1} of ${total}`, { exact: true })).toBeVisible();
    const title = (await stepHeading(page).textContent()) ?? '';

    if (title.includes('A password written in code')) {
      await run(page, 'cat app.py');
      await expect(entries(page).last()).toContainText(`DB_PASSWORD = "${PASSWORD}"`);
      await expect(twin.getByText(/the password is now in the Git history/).first()).toBeVisible();
    }

    if (title.includes('into an environment variable')) {
      await expect(page.getByText(/^Your goal:/)).toBeVisible();
      await run(page, 'echo "DB_PASSWORD_ENCRYPTED=$(aws kms encrypt --key-id alias/tutorial --plaintext fileb://db-password.txt --output text --query CiphertextBlob)" > app.env');
      await run(page, 'cat app.env');
      await expect(entries(page).last().locator('.stdout')).toHaveText(/^DB_PASSWORD_ENCRYPTED=AQ[A-Za-z0-9+/]{60,}={0,2}\s*$/);
      await expect(goal).toBeVisible({ timeout: 20_000 });
    }

    if (title.includes('Decrypt at start-up')) {
      await startAs(page, 'AppServer');
      await expect(twin.getByText(/connects to the database with the password/).first()).toBeVisible({ timeout: 20_000 });
      await expect(goal).toBeHidden();
      await startAs(page, 'BatchJob');
      await expect(goal).toBeVisible({ timeout: 20_000 });
      await expect(twin.getByText('AccessDeniedException').first()).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    }

    if (title.includes('Parameter Store SecureString')) {
      await run(page, 'aws ssm put-parameter --name /payroll/db-password --type SecureString --key-id alias/tutorial --value file://db-password.txt');
      await expect(entries(page).last().locator('.stdout')).toHaveText(/^\{\s*"Version": 1,\s*"Tier": "Standard"\s*\}\s*$/);
      await run(page, 'aws ssm get-parameter --name /payroll/db-pasword');
      await expect(entries(page).last()).toContainText('An error occurred (ParameterNotFound) when calling the GetParameter operation:');
      await run(page, 'aws ssm get-parameter --with-decryption');
      await expect(entries(page).last()).toContainText('aws: error: the following arguments are required: --name');
      await expect(goal).toBeHidden();
      await run(page, 'aws ssm get-parameter --name /payroll/db-password --with-decryption --query Parameter.Value --output text');
      await expect(entries(page).last().locator('.stdout')).toHaveText(new RegExp(`^${PASSWORD}\\s*$`));
      await expect(goal).toBeVisible({ timeout: 20_000 });
      await expect(twin.getByText('kms:Encrypt').first()).toBeVisible();
      // The same calls in KMS's CloudTrail log beside the diagram, newest first: SSM's Decrypt for alice.
      const log = page.getByRole('region', { name: 'CloudTrail event history: what KMS recorded' });
      await expect(log.locator('li.event').first()).toContainText('Decrypt');
      expect(await seriousViolations(page)).toEqual([]);
    }

    if (title.includes('What SSM asks KMS')) {
      await expect(twin.getByText('ssm:GetParameter').first()).toBeVisible({ timeout: 20_000 });
      await expect(twin.getByText('AccessDeniedException').last()).toBeVisible();
    }
    if (title.includes('S3 and EBS')) await expect(twin.getByText('kms:GenerateDataKeyWithoutPlaintext').first()).toBeVisible({ timeout: 20_000 });
    if (title.includes('RDS and Redshift')) await expect(twin.getByText(/creates the AWS managed key aws\/rds/).first()).toBeVisible({ timeout: 20_000 });

    if (index === total - 1) break;
    await nextStep(page);
    await expect(stepHeading(page)).not.toHaveText(title);
  }

  // The last step is narration: no terminal there.
  await expect(terminal(page)).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'What this lesson does not simulate' })).toBeVisible();
  const stepsDone = page.getByRole('navigation', { name: 'Lesson steps' }).getByText(/steps done$/);
  await expect(stepsDone).toHaveText(`${total} of ${total} steps done`);
  expect(await seriousViolations(page)).toEqual([]);

  await activate(page, page.getByRole('link', { name: 'Take the quiz' }));
  await expect(page.locator('li.question')).toHaveCount(12);
  expect(await takeQuiz(page)).toMatch(/\d+ of 12/);
});

test('a deep link to the SecureString step replays the earlier steps; the terminal answers like the CLI; axe clean in the dark theme', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('kms-lab:theme', 'dark'));
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`./#/lessons/${LESSON.id}/securestring-parameter`);
  await expect(stepHeading(page)).toHaveText('Parameter Store SecureString');
  await run(page, 'aws ssm put-parameter --name /payroll/db-password --type SecureString --key-id alias/tutorial --value file://db-password.txt');
  await run(page, 'aws ssm put-parameter --name /payroll/db-password --type SecureString --key-id alias/tutorial --value file://db-password.txt; echo "exit status $?"');
  await expect(entries(page).last()).toContainText('An error occurred (ParameterAlreadyExists) when calling the PutParameter operation: The parameter already exists. To overwrite this value, set the overwrite option in the request to true.');
  await expect(entries(page).last()).toContainText('exit status 254');
  await run(page, 'aws ssm describe-parameters --query "Parameters[].[Name,Type,KeyId]" --output text');
  await expect(entries(page).last().locator('.stdout')).toHaveText(/^\/payroll\/db-password\tSecureString\talias\/tutorial\s*$/);
  expect(await seriousViolations(page)).toEqual([]);
});
