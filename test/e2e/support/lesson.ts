/**
 * A newcomer's way through a lesson, keyboard only: open it from the catalogue by its title, read
 * each step, fill in the hands-on forms, move on with → or the "Next step" button, take the quiz.
 */
import { expect, type Page } from '@playwright/test';
import { activate, tabTo, typeInto } from './keyboard';

/** What a learner types into a hands-on form: field label (start of it) → text. */
export type LearnerInputs = Record<string, string>;

export const nextButton = (page: Page) => page.getByRole('button', { name: 'Next step' });
export const previousButton = (page: Page) => page.getByRole('button', { name: 'Previous step' });
export const stepHeading = (page: Page) => page.locator('#step-heading');
/** Every step of the lesson (the list may be folded on narrow layouts, so not by role). */
export const stepLinks = (page: Page) => page.locator('nav[aria-label="Lesson steps"] li');

/** From `#/`, Tab to the lesson's title link and press Enter; waits for its first step. */
export async function openLessonFromCatalogue(page: Page, title: string): Promise<void> {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await activate(page, page.getByRole('link', { name: title, exact: true }));
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(stepHeading(page)).toBeVisible();
}

async function stepCount(page: Page): Promise<number> {
  return stepLinks(page).count();
}

/** If the step waits for the learner: type the inputs, submit the form, wait for the goal. */
async function doHandsOn(page: Page, inputs: LearnerInputs): Promise<boolean> {
  const goal = page.getByText(/^Your goal:/);
  if (!(await goal.isVisible())) return false;
  const forms = page.locator('form.action');
  let form = forms.first();
  for (const [label, text] of Object.entries(inputs)) {
    const field = page.getByLabel(new RegExp(`^${label}`));
    if ((await field.count()) === 0 || !(await field.first().isVisible())) continue;
    await typeInto(page, field.first(), text);
    form = forms.filter({ has: field.first() });
  }
  await activate(page, form.locator('button[type="submit"]'));
  await expect(page.getByText(/^✓ Goal reached|Goal reached\./).first()).toBeVisible({ timeout: 20_000 });
  return true;
}

/**
 * Completes every step from the current one. Alternates the two ways forward: the → key (focus on
 * a button, never in a field) and Enter on "Next step".
 */
export async function completeLesson(page: Page, inputs: LearnerInputs): Promise<{ handsOn: number }> {
  const total = await stepCount(page);
  let handsOn = 0;
  for (let index = 0; ; index++) {
    await expect(page.getByText(`Step ${index + 1} of ${total}`, { exact: true })).toBeVisible();
    if (await doHandsOn(page, inputs)) handsOn++;
    if (index === total - 1) break;
    const title = await stepHeading(page).textContent();
    await expect(nextButton(page)).toHaveAttribute('aria-disabled', 'false', { timeout: 20_000 });
    if (index % 2 === 0) {
      await tabTo(page, nextButton(page));
      await page.keyboard.press('Enter');
    } else {
      await tabTo(page, previousButton(page));
      await page.keyboard.press('ArrowRight');
    }
    await expect(stepHeading(page)).not.toHaveText(title ?? '');
  }
  return { handsOn };
}

/**
 * Answers every question with the keyboard (Space on the first option of a choice question, one
 * move in an ordering question), submits all, and returns the score line.
 */
export async function takeQuiz(page: Page): Promise<string> {
  await expect(page.getByRole('heading', { level: 1, name: /^Quiz:/ })).toBeVisible();
  const questions = page.locator('li.question');
  const count = await questions.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const question = questions.nth(i);
    const choice = question.locator('input[type="radio"], input[type="checkbox"]').first();
    if ((await choice.count()) > 0) {
      await tabTo(page, choice);
      await page.keyboard.press(' ');
      await expect(choice).toBeChecked();
    } else {
      const firstDown = question.getByRole('button', { name: /down$/ }).first();
      await tabTo(page, firstDown);
      await page.keyboard.press('Enter');
    }
  }
  await activate(page, page.getByRole('button', { name: 'Submit all answers' }));
  const score = page.getByText(/^Your score:/);
  await expect(score).toBeVisible();
  return (await score.textContent()) ?? '';
}
