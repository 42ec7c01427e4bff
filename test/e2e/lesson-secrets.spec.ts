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
import { stepHeading, takeQuiz } from './support/lesson';
import { openLessonAsNewcomer, stepTitleAt, textTwin, goalReached } from './support/newcomer';
import { runLine, nextStepFromTerminal, terminal, terminalEntries } from './support/terminal';

const LESSON = { id: 'secrets-and-integrated-services', title: 'Secrets and integrated services' };
const PASSWORD = 's3cr3t-Payroll-2026';

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
  const total = await openLessonAsNewcomer(page, LESSON.title, 8);
  const twin = textTwin(page);
  const goal = goalReached(page);

  for (let index = 0; index < total; index++) {
    const title = await stepTitleAt(page, index, total);

    if (title.includes('A password written in code')) {
      await runLine(page, 'cat app.py');
      await expect(terminalEntries(page).last()).toContainText(`DB_PASSWORD = "${PASSWORD}"`);
      await expect(twin.getByText(/the password is now in the Git history/).first()).toBeVisible();
    }

    if (title.includes('into an environment variable')) {
      await expect(page.getByText(/^Your goal:/)).toBeVisible();
      await runLine(page, 'echo "DB_PASSWORD_ENCRYPTED=$(aws kms encrypt --key-id alias/tutorial --plaintext fileb://db-password.txt --output text --query CiphertextBlob)" > app.env');
      await runLine(page, 'cat app.env');
      await expect(terminalEntries(page).last().locator('.stdout')).toHaveText(/^DB_PASSWORD_ENCRYPTED=AQ[A-Za-z0-9+/]{60,}={0,2}\s*$/);
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
      await runLine(page, 'aws ssm put-parameter --name /payroll/db-password --type SecureString --key-id alias/tutorial --value file://db-password.txt');
      await expect(terminalEntries(page).last().locator('.stdout')).toHaveText(/^\{\s*"Version": 1,\s*"Tier": "Standard"\s*\}\s*$/);
      await runLine(page, 'aws ssm get-parameter --name /payroll/db-pasword');
      await expect(terminalEntries(page).last()).toContainText('An error occurred (ParameterNotFound) when calling the GetParameter operation:');
      await runLine(page, 'aws ssm get-parameter --with-decryption');
      await expect(terminalEntries(page).last()).toContainText('aws: error: the following arguments are required: --name');
      await expect(goal).toBeHidden();
      await runLine(page, 'aws ssm get-parameter --name /payroll/db-password --with-decryption --query Parameter.Value --output text');
      await expect(terminalEntries(page).last().locator('.stdout')).toHaveText(new RegExp(`^${PASSWORD}\\s*$`));
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
    await nextStepFromTerminal(page);
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
  await runLine(page, 'aws ssm put-parameter --name /payroll/db-password --type SecureString --key-id alias/tutorial --value file://db-password.txt');
  await runLine(page, 'aws ssm put-parameter --name /payroll/db-password --type SecureString --key-id alias/tutorial --value file://db-password.txt; echo "exit status $?"');
  await expect(terminalEntries(page).last()).toContainText('An error occurred (ParameterAlreadyExists) when calling the PutParameter operation: The parameter already exists. To overwrite this value, set the overwrite option in the request to true.');
  await expect(terminalEntries(page).last()).toContainText('exit status 254');
  await runLine(page, 'aws ssm describe-parameters --query "Parameters[].[Name,Type,KeyId]" --output text');
  await expect(terminalEntries(page).last().locator('.stdout')).toHaveText(/^\/payroll\/db-password\tSecureString\talias\/tutorial\s*$/);
  expect(await seriousViolations(page)).toEqual([]);
});
