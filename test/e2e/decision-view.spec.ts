import { test, expect } from './support/fixtures';
import { seriousViolations } from './support/axe';
import type { Page } from '@playwright/test';

// axe is injected as an inline script, which the app's Content-Security-Policy rightly refuses.
test.use({ bypassCSP: true, viewport: { width: 375, height: 740 } });

const terminal = (page: Page) => page.getByRole('textbox', { name: 'Terminal', exact: true });
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.replace(/\s+/g, ' ').trim() ?? '');

/** Presses Tab until the focused element's text matches, as a keyboard user moves through the page. */
async function tabTo(page: Page, wanted: RegExp, most = 80): Promise<void> {
  for (let i = 0; i < most; i++) {
    if (wanted.test(await focusedText(page))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`no element matching ${wanted} within ${most} Tab presses (last: "${await focusedText(page)}")`);
}

async function openSandbox(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.addInitScript((choice) => localStorage.setItem('kms-lab:theme', choice), theme);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('./#/sandbox');
  await expect(page.getByRole('heading', { level: 1, name: 'KMS sandbox' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Act as' })).toBeVisible({ timeout: 20_000 });
}

for (const theme of ['light', 'dark'] as const) {
  test(`bob is denied in the terminal; the audit log explains why, by keyboard and in words (${theme} theme)`, async ({ page }) => {
    await openSandbox(page, theme);
    const actAs = page.getByRole('combobox', { name: 'Act as' });
    const bob = await actAs.locator('option', { hasText: /^bob/ }).getAttribute('value');
    await actAs.selectOption(bob!);

    // bob has no KMS permissions: the tutorial key's default policy leaves it to IAM, and his IAM says nothing.
    await terminal(page).focus();
    await page.keyboard.type('aws kms describe-key --key-id alias/tutorial');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('log', { name: 'Terminal output' })).toContainText('An error occurred (AccessDeniedException) when calling the DescribeKey operation');
    await expect(terminal(page)).toHaveValue('');

    // From the (now empty) terminal line, Tab moves on through the page to the audit log's newest event.
    await tabTo(page, /^▸ ✗ DescribeKey user\/bob key [0-9a-f-]{36} AccessDeniedException /);
    await page.keyboard.press('Enter');
    await expect(page.locator(':focus')).toHaveAttribute('aria-expanded', 'true');
    await tabTo(page, /^Why was DescribeKey denied\?$/, 3);
    await page.keyboard.press('Enter');

    const audit = page.getByRole('region', { name: 'Audit log' });
    const view = audit.getByRole('region', { name: /Denied: nothing allows it \(implicit deny\)/ });
    await expect(view).toBeVisible();
    await expect(view.getByText(/^Denied: the key policy delegates to IAM \(statement "Enable IAM User Permissions"\), but no IAM policy of bob allows kms:DescribeKey/)).toBeVisible();

    // The text version of the flowchart: the questions asked in AWS's order, each answered, then the result.
    const steps = view.getByRole('region', { name: 'The steps taken, in order' }).getByRole('list').first();
    await expect(steps.getByRole('listitem')).toHaveText([
      'Does any policy explicitly deny this request? No. No applicable Deny statement.',
      'Does the key policy allow the caller by name? No. No key policy statement allows the caller by name.',
      "Does the key policy allow the caller's account, so that its IAM policies count? Yes. The key policy allows the caller's account, so its IAM policies count.",
      "Does one of the caller's IAM policies allow the action? No. No identity-based policy allows the action on the key.",
      'Does a grant give the caller this operation? No. No grant gives the caller this operation.',
      'Result: Denied: implicit deny.',
    ]);

    // It fits the phone: nothing of the decision view reaches past the screen's edge.
    const box = await view.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(375);
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('the key policy editor: a syntax error by line and column, a draft tried for bob, a lockout warned of', async ({ page }) => {
  await openSandbox(page, 'light');
  await terminal(page).focus();
  await page.keyboard.type('aws kms describe-key --key-id alias/tutorial --query KeyMetadata.KeyId --output text');
  await page.keyboard.press('Enter');
  const output = page.getByRole('log', { name: 'Terminal output' });
  await expect(output).toContainText(/[0-9a-f]{8}-[0-9a-f-]{27}/);
  const keyId = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/.exec((await output.textContent()) ?? '')![1];
  await page.goto(`./#/sandbox/keys/${keyId}/policy`);

  const field = page.getByRole('textbox', { name: 'Key policy document (JSON)' });
  await expect(field).toHaveValue(/"Id" : "key-default-1"/, { timeout: 20_000 });
  await field.fill('{\n  "Version": "2012-10-17",\n  "Statement": [ }\n}');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('✗ Error (Line 3, column 18):')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save policy' })).toBeDisabled();

  await page.getByRole('button', { name: 'Load the default key policy' }).click();
  await expect(page.getByText('Valid JSON and policy grammar.')).toBeVisible();
  const tryArea = page.getByRole('region', { name: 'Try this request' });
  await tryArea.getByRole('combobox', { name: 'Principal (optional)' }).selectOption({ label: 'bob' });
  await tryArea.getByRole('button', { name: 'Try this request' }).click();
  await expect(tryArea.getByText(/^Denied: the key policy delegates to IAM .* no IAM policy of bob allows kms:Decrypt/)).toBeVisible();

  // A policy for bob alone would stop alice (who acts here) from changing it again.
  const bob = await page.getByRole('combobox', { name: 'Act as' }).locator('option', { hasText: /^bob/ }).getAttribute('value');
  await field.fill(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: bob }, Action: 'kms:*', Resource: '*' }] }, null, 2));
  await expect(page.getByRole('alert')).toContainText('Lockout warning');
  const box = await page.getByRole('region', { name: 'Try this request' }).boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(375);
  expect(await seriousViolations(page)).toEqual([]);
});
