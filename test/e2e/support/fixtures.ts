/**
 * The e2e `test`: every test's page is watched, and fails at the end if it requested another
 * origin or logged a console error. Local storage starts empty (a newcomer's browser).
 */
import { test as base, expect } from '@playwright/test';
import { watchPage, type PageHealth } from './page-health';

export const test = base.extend<{ health: PageHealth }>({
  health: [
    async ({ page, baseURL }, use) => {
      const health = watchPage(page, new URL(baseURL ?? 'http://127.0.0.1:4173').origin);
      await use(health);
      health.expectClean();
    },
    { auto: true },
  ],
});

export { expect };
