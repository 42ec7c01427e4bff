import { test, expect } from './support/fixtures';
import { completeLesson, openLessonFromCatalogue, stepLinks, takeQuiz } from './support/lesson';
import { activate } from './support/keyboard';
import { FIRST_LESSON } from './support/first-lesson';

test('a newcomer completes the first lesson and its quiz with the keyboard only, and finds the progress kept', async ({ page }) => {
  await openLessonFromCatalogue(page, FIRST_LESSON.title);
  const { handsOn } = await completeLesson(page, FIRST_LESSON.inputs);
  expect(handsOn, 'hands-on steps done through their forms').toBeGreaterThanOrEqual(1);

  const stepsDone = page.getByRole('navigation', { name: 'Lesson steps' }).getByText(/steps done$/);
  const total = await stepLinks(page).count();
  await expect(stepsDone).toHaveText(`${total} of ${total} steps done`);

  await activate(page, page.getByRole('link', { name: 'Take the quiz' }));
  const score = await takeQuiz(page);
  const [, got, max] = /(\d+) of (\d+)/.exec(score) ?? [];

  await page.reload();
  await activate(page, page.getByRole('link', { name: 'All lessons' }));
  const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: FIRST_LESSON.title, exact: true }) });
  await expect(card.getByText(`${total} / ${total}`, { exact: true })).toBeVisible();
  await expect(card.getByText(`${got} / ${max}`, { exact: true })).toBeVisible();
});

test('the shortcuts dialog opens with ?, lists the keys, and Esc closes it and returns focus', async ({ page }) => {
  await page.goto(`./#/lessons/${FIRST_LESSON.id}`);
  await expect(page.locator('#step-heading')).toBeVisible();
  const trigger = page.getByRole('button', { name: 'Next step' });
  await trigger.focus();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('cell', { name: 'Next step' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(trigger).toBeFocused();
});
