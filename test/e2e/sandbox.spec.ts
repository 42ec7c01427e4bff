import { test, expect } from './support/fixtures';
import { seriousViolations } from './support/axe';
import type { Page } from '@playwright/test';

const terminal = (page: Page) => page.getByRole('textbox', { name: 'Terminal', exact: true });
const terminalOutput = (page: Page) => page.getByRole('log', { name: 'Terminal output' });
const consolePane = (page: Page) => page.getByRole('region', { name: 'Console' });

async function openSandbox(page: Page, path = './#/sandbox'): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: 'KMS sandbox' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Act as' })).toBeVisible({ timeout: 20_000 });
}

async function run(page: Page, line: string): Promise<void> {
  await terminal(page).fill(line);
  await terminal(page).press('Enter');
  await expect(terminal(page)).toHaveValue('');
}

/** Creates a symmetric key with an alias through the wizard and returns its key id (from the address). */
async function createKeyInConsole(page: Page, alias: string): Promise<string> {
  await consolePane(page).getByRole('link', { name: 'Create key' }).click();
  await expect(page.getByRole('heading', { name: 'Step 1 of 4: Configure key' })).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();
  await consolePane(page).getByRole('textbox', { name: 'Alias (optional)' }).fill(alias);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { name: 'Step 3 of 4: Define key permissions' })).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Create key' }).click();
  await expect(page).toHaveURL(/#\/sandbox\/keys\/[0-9a-f-]{36}$/);
  await expect(consolePane(page).getByRole('heading', { name: `alias/${alias}` })).toBeVisible();
  return page.url().split('/').at(-1)!;
}

test('a key created in the console shows in the terminal’s aws kms list-keys', async ({ page }) => {
  await openSandbox(page);
  const keyId = await createKeyInConsole(page, 'from-console');
  await run(page, 'aws kms list-keys');
  await expect(terminalOutput(page)).toContainText(`"KeyId": "${keyId}"`);
  await run(page, 'aws kms list-aliases --query "Aliases[?AliasName==\'alias/from-console\'].TargetKeyId" --output text');
  await expect(terminalOutput(page)).toContainText(keyId);
  // …and a key made in the terminal shows in the console's list.
  await run(page, 'aws kms create-key --description made-in-the-terminal');
  await consolePane(page).getByRole('link', { name: 'Keys' }).click();
  await expect(consolePane(page).getByRole('heading', { name: /^Keys \(\d+\)$/ })).toBeVisible();
  await expect(consolePane(page).getByRole('row')).toHaveCount(1 + 3); // header, alias/tutorial's key, two new keys
});

test('a key scheduled for deletion (7 days) is gone once the clock passes the window', async ({ page }) => {
  await openSandbox(page);
  const keyId = await createKeyInConsole(page, 'short-lived');
  await page.getByRole('button', { name: 'Schedule key deletion' }).click();
  await page.getByLabel('Waiting period (7–30 days)').fill('7');
  await page.getByRole('checkbox', { name: /I understand/ }).check();
  await page.getByRole('button', { name: 'Schedule deletion' }).click();
  await expect(consolePane(page).getByText('PendingDeletion', { exact: true }).first()).toBeVisible();
  await consolePane(page).getByText('The same with the AWS CLI or the SDK (ScheduleKeyDeletion)').click();
  await expect(consolePane(page).getByText(/^aws kms schedule-key-deletion --key-id [0-9a-f-]{36} --pending-window-in-days 7$/)).toBeVisible();
  await expect(consolePane(page).getByRole('button', { name: 'Copy CLI command' })).toBeVisible();

  await page.getByRole('button', { name: 'Advance the clock 1 day' }).click();
  await expect(consolePane(page).getByText('PendingDeletion', { exact: true }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Advance the clock 30 days' }).click();
  await expect(page.getByText(`+30 days: KMS deleted key ${keyId}.`, { exact: true })).toBeVisible();
  await expect(consolePane(page).getByRole('heading', { name: 'Key not found' })).toBeVisible();
  await page.getByRole('button', { name: 'Ask KMS (DescribeKey)' }).click();
  await expect(consolePane(page).getByText('NotFoundException')).toBeVisible();

  await consolePane(page).getByRole('link', { name: 'Keys' }).click();
  await expect(consolePane(page).getByRole('link', { name: keyId })).toHaveCount(0);
  await run(page, `aws kms describe-key --key-id ${keyId}`);
  await expect(terminalOutput(page)).toContainText('An error occurred (NotFoundException) when calling the DescribeKey operation');
});

test('after a reload the sandbox is as it was: keys, aliases, files and who it acts as', async ({ page }) => {
  await openSandbox(page);
  const keyId = await createKeyInConsole(page, 'kept');
  await run(page, 'echo "kept across reloads" > note.txt');
  const bob = await page.getByRole('combobox', { name: 'Act as' }).locator('option', { hasText: /^bob/ }).getAttribute('value');
  await page.getByRole('combobox', { name: 'Act as' }).selectOption(bob!);
  // give the automatic save its moment, then reload
  await page.waitForTimeout(1000);
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Act as' })).toHaveValue(bob!, { timeout: 20_000 });
  await expect(consolePane(page).getByRole('heading', { name: 'alias/kept' })).toBeVisible();
  await consolePane(page).getByRole('link', { name: 'Keys' }).click();
  await expect(consolePane(page).getByRole('link', { name: keyId })).toBeVisible();
  await run(page, 'cat note.txt');
  await expect(terminalOutput(page)).toContainText('kept across reloads');
});

test.describe('accessibility', () => {
  test.use({ bypassCSP: true });

  for (const theme of ['light', 'dark'] as const) {
    test(`${theme} theme: the console and a key page have no serious or critical axe violation; tabs work by keyboard`, async ({ page }) => {
      await page.addInitScript((choice) => localStorage.setItem('kms-lab:theme', choice), theme);
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await openSandbox(page);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      expect(await seriousViolations(page)).toEqual([]);
      await createKeyInConsole(page, 'checked');
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('tab', { name: 'Configuration' }).focus();
      await page.keyboard.press('ArrowRight');
      await expect(page.getByRole('tab', { name: 'Key policy' })).toBeFocused();
      await expect(page.getByRole('tab', { name: 'Key policy' })).toHaveAttribute('aria-selected', 'true');
      await expect(page).toHaveURL(/\/policy$/);
      await expect(page.getByRole('tabpanel', { name: 'Key policy' })).toBeVisible();
      await expect(page.getByRole('textbox', { name: 'Key policy document (JSON)' })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press('End');
      await expect(page.getByRole('tab', { name: 'Grants' })).toBeFocused();
      await expect(page.getByRole('tabpanel', { name: 'Grants' })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
});

test.describe('the wizard’s steps', () => {
  test.use({ bypassCSP: true });

  test('every step of the create-key wizard has no serious or critical axe violation', async ({ page }) => {
    await openSandbox(page);
    await consolePane(page).getByRole('link', { name: 'Create key' }).click();
    await page.getByRole('radio', { name: /Asymmetric/ }).check();
    for (const step of ['Step 1 of 4: Configure key', 'Step 2 of 4: Add labels', 'Step 3 of 4: Define key permissions']) {
      await expect(page.getByRole('heading', { name: step })).toBeVisible();
      if (step.startsWith('Step 2')) await page.getByRole('button', { name: 'Add tag' }).click();
      if (step.startsWith('Step 3')) await page.getByRole('group', { name: 'Key users' }).getByRole('checkbox', { name: /^bob/ }).check();
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Next' }).click();
    }
    await expect(page.getByRole('heading', { name: 'Step 4 of 4: Review' })).toBeVisible();
    await page.getByText('Show the key policy').click();
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test.describe('on a 375×667 phone', () => {
  test.use({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });

  test('the panes stack, nothing scrolls sideways, and a key can be made and used', async ({ page }) => {
    await openSandbox(page);
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    const consoleBox = await consolePane(page).boundingBox();
    const terminalBox = await page.getByRole('region', { name: 'Terminal' }).boundingBox();
    expect(consoleBox && terminalBox && terminalBox.y > consoleBox.y).toBe(true);
    await createKeyInConsole(page, 'phone');
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: 'aws kms list-keys' }).tap();
    await expect(terminal(page)).toHaveValue('aws kms list-keys');
    await terminal(page).press('Enter');
    await expect(terminalOutput(page)).toContainText('"Keys": [');
  });
});

test('the catalogue’s first load does not fetch the sandbox; the header’s Sandbox link loads it', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(requested.filter((path) => /SandboxPage/.test(path))).toEqual([]);
  await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Sandbox' }).click();
  await expect(page.getByRole('combobox', { name: 'Act as' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('link', { name: 'Sandbox' })).toHaveAttribute('aria-current', 'page');
  expect(requested.filter((path) => /SandboxPage/.test(path)).length).toBeGreaterThan(0);
});

test('acting as bob, the console and the terminal are refused in KMS’s words, and the console shows why', async ({ page }) => {
  await openSandbox(page);
  const actAs = page.getByRole('combobox', { name: 'Act as' });
  await actAs.selectOption((await actAs.locator('option', { hasText: /^bob/ }).getAttribute('value'))!);
  await consolePane(page).getByRole('row', { name: /alias\/tutorial/ }).getByRole('link').click();
  await page.getByRole('button', { name: 'Disable' }).click();
  await expect(consolePane(page).getByText('AccessDeniedException', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Why was this denied?' }).click();
  await expect(consolePane(page).locator('.decision-view')).toContainText('kms:DisableKey');
  const keyId = page.url().split('/').at(-1)!;
  await run(page, `aws kms disable-key --key-id ${keyId}`);
  await expect(terminalOutput(page)).toContainText('An error occurred (AccessDeniedException) when calling the DisableKey operation');
});

test('keyboard only: create a signing key through the wizard and move through its tabs', async ({ page }) => {
  await openSandbox(page);
  /** Tab (forwards) until the focused element is the one wanted; fails if it is never reached. */
  async function tabTo(target: import('@playwright/test').Locator): Promise<void> {
    for (let presses = 0; presses < 40; presses += 1) {
      if (await target.evaluate((element) => element === document.activeElement)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error('not reachable with Tab');
  }
  await tabTo(consolePane(page).getByRole('link', { name: 'Create key' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Create key', exact: true })).toBeFocused();
  await tabTo(page.getByRole('radio', { name: /Symmetric/ }));
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: /Asymmetric/ })).toBeChecked();
  await tabTo(page.getByRole('radio', { name: /Encrypt and decrypt/ }));
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: /Sign and verify/ })).toBeChecked();
  await tabTo(page.getByRole('button', { name: 'Next' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Step 2 of 4: Add labels' })).toBeFocused();
  await tabTo(page.getByRole('textbox', { name: 'Alias (optional)' }));
  await page.keyboard.type('keyboard-signer');
  await tabTo(page.getByRole('button', { name: 'Next' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Step 3 of 4: Define key permissions' })).toBeFocused();
  await tabTo(page.getByRole('group', { name: 'Key administrators' }).getByRole('checkbox', { name: /^alice/ }));
  await page.keyboard.press('Space');
  await tabTo(page.getByRole('button', { name: 'Next' }));
  await page.keyboard.press('Enter');
  await tabTo(page.getByRole('button', { name: 'Create key' }));
  await page.keyboard.press('Enter');
  await expect(consolePane(page).getByRole('heading', { name: 'alias/keyboard-signer' })).toBeFocused();
  await expect(consolePane(page).getByText('SIGN_VERIFY').first()).toBeVisible();
  await tabTo(page.getByRole('tab', { name: 'Configuration' }));
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'Grants' })).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'Public key' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('tabpanel', { name: 'Public key' })).toBeFocused();
  await expect(page.getByLabel('Public key (PEM)')).toContainText('-----BEGIN PUBLIC KEY-----');
});

test('an asymmetric key’s public key downloads as a PEM file', async ({ page }) => {
  await openSandbox(page);
  await run(page, 'aws kms create-key --key-spec RSA_2048 --key-usage ENCRYPT_DECRYPT --query KeyMetadata.KeyId --output text');
  const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
  await expect(terminalOutput(page)).toContainText(uuid, { timeout: 20_000 });
  const keyId = ((await terminalOutput(page).textContent()) ?? '').match(uuid)![0];
  await page.goto(`./#/sandbox/keys/${keyId}/public-key`);
  await expect(page.getByLabel('Public key (PEM)')).toContainText('-----BEGIN PUBLIC KEY-----', { timeout: 20_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download public key (PEM)' }).click()]);
  expect(download.suggestedFilename()).toBe(`${keyId}.pem`);
  const text = await (await download.createReadStream()).toArray();
  expect(Buffer.concat(text).toString()).toMatch(/^-----BEGIN PUBLIC KEY-----\n[A-Za-z0-9+/=\n]+-----END PUBLIC KEY-----\n$/);
});
