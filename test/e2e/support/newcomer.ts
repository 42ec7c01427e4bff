/**
 * The opening moves every lesson spec shares: a newcomer (reduced motion) opening the lesson from
 * the catalogue and walking its steps, a deep link to one step in a chosen theme, and the sizes of
 * the chunks a page fetches (to see which ones load late).
 */
import { gzipSync } from 'node:zlib';
import { expect, type Page } from '@playwright/test';
import { openLessonFromCatalogue, stepHeading, stepLinks } from './lesson';

/** The diagram's text twin, where the engine's own words appear. */
export const textTwin = (page: Page) => page.locator('.text-twin');
/** The notice a hands-on step shows once its goal is reached. */
export const goalReached = (page: Page) => page.getByText(/^✓ Goal reached|Goal reached\./).first();

/** With reduced motion, opens the lesson from the catalogue by keyboard and checks its number of steps. */
export async function openLessonAsNewcomer(page: Page, title: string, steps: number): Promise<number> {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openLessonFromCatalogue(page, title);
  const total = await stepLinks(page).count();
  expect(total).toBe(steps);
  return total;
}

/** Waits for "Step n of N" (index counts from 0) and returns the step's title. */
export async function stepTitleAt(page: Page, index: number, total: number): Promise<string> {
  await expect(page.getByText(`Step ${index + 1} of ${total}`, { exact: true })).toBeVisible();
  return (await stepHeading(page).textContent()) ?? '';
}

export interface ThemedStep {
  lessonId: string;
  stepId: string;
  /** The step's heading, to know it is shown. */
  heading: string | RegExp;
  theme: 'light' | 'dark';
}

/** Opens one step by its address in a chosen theme, with reduced motion; waits for its heading and the theme. */
export async function openStepInTheme(page: Page, { lessonId, stepId, heading, theme }: ThemedStep): Promise<void> {
  await page.addInitScript((choice) => localStorage.setItem('kms-lab:theme', choice), theme);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`./#/lessons/${lessonId}/${stepId}`);
  await expect(stepHeading(page)).toHaveText(heading);
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

/**
 * Records the gzip size of every script and stylesheet the page fetches, by path. Sizes arrive a
 * moment after each response (once its body is read), so poll what you read from the map.
 */
export function recordAssetSizes(page: Page): Map<string, number> {
  const fetched = new Map<string, number>();
  page.on('response', async (response) => {
    const type = response.request().resourceType();
    if (type !== 'script' && type !== 'stylesheet') return;
    fetched.set(new URL(response.url()).pathname, gzipSync(await response.body(), { level: 9 }).length);
  });
  return fetched;
}
