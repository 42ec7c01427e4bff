/**
 * Driving the app with the keyboard only, as a person would: Tab (or Shift+Tab) until the wanted
 * control has focus, then Enter or Space. Never clicks.
 */
import { expect, type Locator, type Page } from '@playwright/test';

/** Presses Tab until `target` is focused; fails after `max` presses with what had focus. */
export async function tabTo(page: Page, target: Locator, { max = 80, backwards = false } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200));
  expect.soft(focused, 'focused element').toBe('the target');
  throw new Error(`could not reach the target with ${max} presses of Tab`);
}

/** Tab to a button or link and press Enter. */
export async function activate(page: Page, target: Locator, key: 'Enter' | 'Space' = 'Enter'): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press(key === 'Space' ? ' ' : 'Enter');
}

/** Tab to a text field, clear it with the keyboard and type. */
export async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await tabTo(page, field);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}
