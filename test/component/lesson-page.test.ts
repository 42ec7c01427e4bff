import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import LessonPage from '../../src/ui/player/LessonPage.svelte';
import { fixtureLesson } from '../unit/lessons/support/fixture-lesson';

// The real engine and player over the engine's tiny fixture lesson (hello → press → done), instead
// of the lessons/ folder: only loadLesson is redirected.
vi.mock('../../src/ui/engine', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/ui/engine')>()),
  loadLesson: () => fixtureLesson(),
}));

async function openStep(stepId: string) {
  const user = userEvent.setup();
  render(LessonPage, { props: { params: { lessonId: 'tiny-lesson', stepId } } });
  await screen.findByRole('heading', { level: 1, name: 'A tiny lesson' });
  return user;
}

const stepHeading = () => document.getElementById('step-heading') as HTMLElement;

describe('lesson player page', () => {
  it("shows the step's title, its prose (sanitized at build time), the controls and the diagram's text twin", async () => {
    await openStep('hello');
    expect(stepHeading()).toHaveTextContent('The client says hello');
    expect(stepHeading().tagName).toBe('H2');
    expect(screen.getByText(/The client greets the server/)).toBeInTheDocument();
    expect(document.querySelector('img[onerror]')).toBeNull();
    for (const name of ['Next step', 'Previous step', 'Reset']) expect(screen.getByRole('button', { name })).toBeInTheDocument();
    await vi.waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Step 1 of 3: The client says hello.'));
    expect(await screen.findByText(/^Client → Server: hello carrying greeting \(plaintext\)/)).toBeInTheDocument();
  });

  it('moves on with →, waits for the hands-on goal, and completes it through the form', async () => {
    const user = await openStep('hello');
    await vi.waitFor(() => expect(screen.getByRole('button', { name: 'Next step' })).toHaveAttribute('aria-disabled', 'false'));
    await user.keyboard('{ArrowRight}');
    await vi.waitFor(() => expect(stepHeading()).toHaveTextContent('Press the button'));
    expect(await screen.findByText('Your goal: Press the button once')).toBeInTheDocument();
    expect(screen.getByText('Show hint')).toBeInTheDocument();

    const form = screen.getByRole('form', { name: 'Press' });
    const word = within(form).getByLabelText('Word');
    expect(word).toHaveValue('hi');
    await user.clear(word);
    await user.type(word, 'banana');
    // typing → in a field must not change the step
    await user.keyboard('{ArrowRight}');
    expect(stepHeading()).toHaveTextContent('Press the button');
    await user.click(within(form).getByRole('button', { name: 'Press' }));
    expect(await screen.findByText(/Goal reached\. Go on/)).toBeInTheDocument();
    await vi.waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Step 2 of 3: Press the button. Goal reached.'));
    expect(screen.getByText(/Server: pressed with banana/)).toBeInTheDocument();
  });

  it('keeps the prose readable and shows a notice when the scenario fails', async () => {
    const user = await openStep('press');
    const breaker = await screen.findByRole('form', { name: 'Break the world' });
    await user.click(within(breaker).getByRole('button', { name: 'Break the world' }));
    expect(await screen.findByText('The simulation stopped')).toBeInTheDocument();
    // in the page's notice, and under the form that was used
    expect(screen.getAllByText('the tiny world broke on purpose', { exact: false }).length).toBeGreaterThanOrEqual(1);
    expect(screen.getByText(/Press the button with a word of your choice/)).toBeInTheDocument();
    expect(screen.getByText("What this lesson does not simulate")).toBeInTheDocument();
  });
});
