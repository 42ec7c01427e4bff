/**
 * What every e2e test checks about the page itself: it talks only to its own origin and logs no
 * console error or uncaught exception.
 */
import { expect, type Page } from '@playwright/test';

export interface PageHealth {
  foreignRequests: string[];
  consoleErrors: string[];
  /** Asserts nothing went wrong since the page was watched. */
  expectClean(): void;
}

export function watchPage(page: Page, origin: string): PageHealth {
  const health: PageHealth = {
    foreignRequests: [],
    consoleErrors: [],
    expectClean() {
      expect(health.foreignRequests, 'requests to other origins').toEqual([]);
      expect(health.consoleErrors, 'console errors').toEqual([]);
    },
  };
  page.on('request', (request) => {
    const url = request.url();
    // data: and blob: URLs never leave the page
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) health.foreignRequests.push(url);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') health.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => health.consoleErrors.push(`uncaught: ${error.message}`));
  return health;
}
