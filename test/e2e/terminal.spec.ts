/**
 * The terminal in the sandbox (`#/sandbox`), as a learner uses it by keyboard: the seed's encrypt
 * and decrypt lines give the original file back, ↑ recalls lines, Tab completes, Tab on an empty
 * line moves on, and the terminal has no serious accessibility violations.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { seriousViolations } from './support/axe';

const ENCRYPT = 'aws kms encrypt --key-id alias/tutorial --plaintext fileb://secret.txt --output text --query CiphertextBlob | base64 --decode > secret.enc';
const DECRYPT = 'aws kms decrypt --ciphertext-blob fileb://secret.enc --output text --query Plaintext | base64 --decode';

const terminal = (page: Page) => page.getByRole('textbox', { name: 'Terminal', exact: true });
const output = (page: Page) => page.getByRole('log', { name: 'Terminal output' });
/** What the last line printed on standard output. */
const lastStdout = (page: Page) => output(page).locator('.entry').last().locator('.stdout');

async function openSandbox(page: Page): Promise<void> {
  await page.goto('./#/sandbox');
  await expect(terminal(page)).toBeVisible({ timeout: 20_000 });
}

/** Types a line, runs it with Enter and waits until it has finished. */
async function run(page: Page, line: string): Promise<void> {
  await terminal(page).fill(line);
  await terminal(page).press('Enter');
  await expect(terminal(page)).toHaveValue('');
  await expect(output(page)).toHaveAttribute('aria-busy', 'false');
}

test("the seed's encrypt and decrypt lines give the original file back", async ({ page }) => {
  await openSandbox(page);
  await run(page, 'cat secret.txt');
  const original = (await lastStdout(page).textContent()) ?? '';
  expect(original.length).toBeGreaterThan(0);

  await run(page, ENCRYPT);
  await run(page, 'wc -c < secret.enc');
  // The binary ciphertext: longer than the text it holds (version, key reference, IV, tag).
  expect(Number((await lastStdout(page).textContent())?.trim())).toBeGreaterThan(original.length);

  await run(page, DECRYPT);
  await expect(lastStdout(page)).toHaveText(original);
  await expect(output(page).locator('.entry').last().locator('.stderr')).toHaveCount(0);
});

test('↑ recalls earlier lines and Tab completes operations, flags and aliases', async ({ page }) => {
  await openSandbox(page);
  await run(page, 'echo first');
  await run(page, 'ls');
  await terminal(page).press('ArrowUp');
  await expect(terminal(page)).toHaveValue('ls');
  await terminal(page).press('ArrowUp');
  await expect(terminal(page)).toHaveValue('echo first');
  await terminal(page).press('ArrowDown');
  await terminal(page).press('ArrowDown');
  await expect(terminal(page)).toHaveValue('');

  await terminal(page).pressSequentially('aws kms describe-k');
  await terminal(page).press('Tab');
  await expect(terminal(page)).toHaveValue('aws kms describe-key ');
  await terminal(page).pressSequentially('--key-i');
  await terminal(page).press('Tab');
  await expect(terminal(page)).toHaveValue('aws kms describe-key --key-id ');
  await terminal(page).pressSequentially('alias/tut');
  await terminal(page).press('Tab');
  await expect(terminal(page)).toHaveValue('aws kms describe-key --key-id alias/tutorial ');
  await expect(terminal(page)).toBeFocused();
  await terminal(page).press('Enter');
  await expect(lastStdout(page)).toContainText('"KeyState": "Enabled"');

  // Several candidates: they are listed under the line.
  await terminal(page).pressSequentially('aws kms list-');
  await terminal(page).press('Tab');
  await expect(output(page).getByRole('list', { name: /completions/ })).toContainText('list-aliases');
});

test.describe('keyboard and accessibility', () => {
  // axe is injected as a script, which the page's Content Security Policy would refuse.
  test.use({ bypassCSP: true });

  test('Tab on an empty line moves on, and the terminal has no serious accessibility violations', async ({ page }) => {
    await openSandbox(page);
    await run(page, 'aws kms describe-key --key-id alias/missing');
    await expect(output(page)).toContainText('exit status 254');
    await run(page, 'aws kms list-');
    await terminal(page).focus();
    await page.keyboard.press('Tab');
    await expect(terminal(page)).not.toBeFocused();
    expect(await seriousViolations(page, 'div.terminal')).toEqual([]);
    // Standard output, standard error, notes and the prompt keep their contrast in the dark theme too.
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousViolations(page, 'div.terminal')).toEqual([]);
  });
});

test('on a phone a ready command chip fills the line', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await openSandbox(page);
  await page.getByRole('button', { name: 'aws kms list-aliases', exact: true }).click();
  await expect(terminal(page)).toHaveValue('aws kms list-aliases');
  await terminal(page).press('Enter');
  await expect(lastStdout(page)).toContainText('"AliasName": "alias/tutorial"');
});
