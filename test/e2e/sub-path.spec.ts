import { test, expect } from '@playwright/test';
import { serveStatic } from '../support/static-server.mjs';
import { FIRST_LESSON } from './support/first-lesson';

// Course sites serve the build from a folder of their own. The build uses relative asset paths and
// hash routes, so the same dist/ works below any sub-path of a plain static host.
test('the build works when served from a sub-path of another static host', async ({ page }) => {
  const server = await serveStatic(process.env.E2E_DIST ?? 'dist', { base: '/courses/security/kms-lab/' });
  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  try {
    await page.goto(`${server.url}#/`);
    await page.getByRole('link', { name: FIRST_LESSON.title, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/courses/security/kms-lab/#/lessons/${FIRST_LESSON.id}/`));
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Next step' })).toBeEnabled();
    expect(failed).toEqual([]);
  } finally {
    await server.close();
  }
});
