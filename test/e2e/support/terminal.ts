/**
 * The lesson terminal, driven by keyboard as a learner does: the textbox named "Terminal", its
 * screen (the log "Terminal output") and the entries on it, one per line run.
 */
import { expect, type Page } from '@playwright/test';
import { tabTo } from './keyboard';
import { nextButton } from './lesson';

export const terminal = (page: Page) => page.getByRole('textbox', { name: 'Terminal', exact: true });
export const terminalScreen = (page: Page) => page.getByRole('log', { name: 'Terminal output' });
/** One entry per line run: the line, then its output (`.stdout`, `.stderr`). */
export const terminalEntries = (page: Page) => terminalScreen(page).locator('.entry');

/** Tabs to the terminal (if it does not have focus), types the line, runs it with Enter and waits for its output. */
export async function runLine(page: Page, line: string): Promise<void> {
  await tabTo(page, terminal(page));
  await page.keyboard.type(line);
  await expect(terminal(page)).toHaveValue(line);
  await page.keyboard.press('Enter');
  await expect(terminal(page)).toHaveValue('');
  await expect(terminalScreen(page)).toHaveAttribute('aria-busy', 'false', { timeout: 20_000 });
}

/** "Next step" sits before the terminal in the page, so the keyboard goes back to it. */
export async function nextStepFromTerminal(page: Page): Promise<void> {
  await expect(nextButton(page)).toHaveAttribute('aria-disabled', 'false', { timeout: 20_000 });
  await tabTo(page, nextButton(page), { backwards: true, max: 120 });
  await page.keyboard.press('Enter');
}
