/**
 * Lesson 06 as a newcomer takes it, keyboard only: every step, the five hands-on steps by typing
 * command lines into the lesson's terminal (the textbox named "Terminal"), the exact outputs and
 * AWS's error texts on its screen, axe clean with the 4 KB error on screen in both themes, reset
 * bringing a fresh terminal, and the quiz.
 */
import { test, expect } from './support/fixtures';
import { seriousViolations } from './support/axe';
import { activate } from './support/keyboard';
import { stepHeading, takeQuiz } from './support/lesson';
import { openLessonAsNewcomer, stepTitleAt, openStepInTheme } from './support/newcomer';
import { runLine, nextStepFromTerminal, terminal, terminalScreen, terminalEntries } from './support/terminal';

const LESSON = { id: 'cli-and-4kb-limit', title: 'The CLI and the 4 KB limit' };
const LIMIT_ERROR = "An error occurred (ValidationException) when calling the Encrypt operation: 1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must have length less than or equal to 4096";

/** What the learner types in each hands-on step, by a word of its title. */
const LINES: [string, string[]][] = [
  ['Encrypt a file', ['aws kms encrypt --key-id alias/tutorial --plaintext fileb://ExampleSecretFile.txt --output text --query CiphertextBlob > ExampleSecretFileEncrypted.base64', 'cat ExampleSecretFileEncrypted.base64']],
  ['Decode the base64', [
    'base64 --decode ExampleSecretFileEncrypted.base64 > ExampleSecretFileEncrypted',
    'aws kms decrypt --ciphertext-blob fileb://ExampleSecretFileEncrypted --output text --query Plaintext | base64 --decode > ExampleSecretFileDecrypted.txt',
    'cat ExampleSecretFileDecrypted.txt',
  ]],
  ['encryption context', [
    'aws kms encrypt --key-id alias/tutorial --plaintext fileb://ExampleSecretFile.txt --encryption-context app=payroll,env=prod --output text --query CiphertextBlob | base64 --decode > payroll.enc',
    'aws kms decrypt --ciphertext-blob fileb://payroll.enc --output text --query Plaintext',
    `aws kms decrypt --ciphertext-blob fileb://payroll.enc --encryption-context '{"app":"payroll","env":"prod"}' --output text --query Plaintext | base64 --decode`,
  ]],
  ['4 KB limit', [
    'aws kms encrypt --key-id alias/tutorial --plaintext fileb://sales-2026-q1.csv',
    'head -c 4096 sales-2026-q1.csv > first-4096-bytes.csv',
    'aws kms encrypt --key-id alias/tutorial --plaintext fileb://first-4096-bytes.csv --query KeyId --output text',
  ]],
  ['--query filter', ["aws kms list-aliases --query 'Aliases[?AliasName==`alias/tutorial`].TargetKeyId' --output text"]],
];

// axe is injected as an inline script, which the app's Content-Security-Policy rightly refuses.
test.use({ bypassCSP: true });

test('a newcomer completes the CLI lesson by typing commands, then its quiz, keyboard only', async ({ page }) => {
  test.setTimeout(240_000);
  const total = await openLessonAsNewcomer(page, LESSON.title, 7);
  const goal = page.getByText(/Goal reached\./).first();

  for (let index = 0; index < total; index++) {
    const title = await stepTitleAt(page, index, total);
    const lines = LINES.find(([word]) => title.includes(word))?.[1];
    if (lines) {
      await expect(page.getByText(/^Your goal:/)).toBeVisible();
      for (const line of lines) await runLine(page, line);
      await expect(goal).toBeVisible({ timeout: 20_000 });
    }

    if (title.includes('Encrypt a file')) {
      // `cat` shows the saved base64 text of the ciphertext blob.
      await expect(terminalEntries(page).last().locator('.stdout')).toHaveText(/^AQ[A-Za-z0-9+/]{100,}={0,2}\s*$/);
    }
    if (title.includes('Decode the base64')) {
      await expect(terminalEntries(page).last()).toContainText('Example Corp payroll database: user payroll_app, password Tr0ub4dor&3-eu-west-2');
    }
    if (title.includes('encryption context')) {
      await expect(terminalScreen(page)).toContainText('An error occurred (InvalidCiphertextException) when calling the Decrypt operation:');
    }
    if (title.includes('4 KB limit')) {
      await expect(terminalScreen(page)).toContainText(LIMIT_ERROR);
      await expect(terminalEntries(page).last().locator('.stdout')).toHaveText(/^arn:aws:kms:eu-west-2:111122223333:key\/[0-9a-f-]{36}\s*$/);
      expect(await seriousViolations(page)).toEqual([]);
    }
    if (title.includes('--query filter')) {
      await expect(terminalEntries(page).last().locator('.stdout')).toHaveText(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\s*$/);
    }

    if (index === total - 1) break;
    await nextStepFromTerminal(page);
    await expect(stepHeading(page)).not.toHaveText(title);
  }

  // The last step is narration: no terminal there.
  await expect(terminal(page)).toHaveCount(0);
  const stepsDone = page.getByRole('navigation', { name: 'Lesson steps' }).getByText(/steps done$/);
  await expect(stepsDone).toHaveText(`${total} of ${total} steps done`);

  await activate(page, page.getByRole('link', { name: 'Take the quiz' }));
  await expect(page.locator('li.question')).toHaveCount(13);
  expect(await takeQuiz(page)).toMatch(/\d+ of 13/);
});

for (const theme of ['light', 'dark'] as const) {
  test(`a deep link to the 4 KB step: AWS's error on the terminal's screen, axe clean, reset starts a fresh terminal (${theme})`, async ({ page }) => {
    await openStepInTheme(page, { lessonId: LESSON.id, stepId: 'the-4kb-limit', heading: 'A 5 KB file and the 4 KB limit', theme });
    await runLine(page, 'ls -l sales-2026-q1.csv');
    await expect(terminalEntries(page).last()).toContainText('5120');
    await runLine(page, 'aws kms encrypt --key-id alias/tutorial --plaintext fileb://sales-2026-q1.csv; echo "exit status $?"');
    await expect(terminalEntries(page).last()).toContainText(LIMIT_ERROR);
    await expect(terminalEntries(page).last()).toContainText('exit status 254');
    // The same refusal is in the diagram's text twin, read from KMS's CloudTrail record.
    await expect(page.locator('.text-twin').getByText('ValidationException').first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    await activate(page, page.getByRole('button', { name: /^Reset/ }));
    await expect(terminalEntries(page)).toHaveCount(0, { timeout: 20_000 });
    await runLine(page, 'ls');
    // The files of the steps before were replayed from the log; this step's lines were undone.
    await expect(terminalEntries(page).last()).toContainText('ExampleSecretFileDecrypted.txt');
    await expect(terminalEntries(page).last()).toContainText('payroll.enc');
  });
}
