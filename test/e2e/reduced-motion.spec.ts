import { test, expect } from './support/fixtures';
import { completeLesson, openLessonFromCatalogue } from './support/lesson';
import { FIRST_LESSON } from './support/first-lesson';

test('with reduced motion the diagram shows end states at once and the lesson still completes', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openLessonFromCatalogue(page, FIRST_LESSON.title);
  await expect(page.getByText('Animations are off (your system asks for reduced motion).')).toBeVisible();
  await completeLesson(page, FIRST_LESSON.inputs);
  // every event is shown (nothing waits to be animated)
  await expect(page.getByRole('button', { name: 'Show all now' })).toHaveCount(0);
  const twinItems = page.locator('.text-twin li');
  expect(await twinItems.count()).toBeGreaterThan(10);
});
