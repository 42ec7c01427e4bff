import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import QuizView from '../../src/ui/quiz/QuizView.svelte';
import { createQuizGrader } from '../../src/lessons/quiz/index';
import quiz from '../fixtures/lessons/valid/01-tiny-lesson/quiz';
import scenario from '../fixtures/lessons/valid/01-tiny-lesson/scenario';

// The engine's fixture lesson: a single, a computed single, a multi and an ordering question.
const lesson = { quiz, scenario, seed: 42, folder: '01-tiny-lesson', sourceDir: 'test/fixtures/lessons/valid/01-tiny-lesson' };
const titles: Record<string, string> = { hello: 'Say hello', press: 'Press the button', done: 'Done' };

function setup() {
  const onfinished = vi.fn();
  const user = userEvent.setup();
  render(QuizView, {
    props: {
      questions: quiz.questions,
      grader: createQuizGrader(lesson),
      lessonId: 'tiny-lesson',
      stepTitle: (id: string) => titles[id] ?? id,
      onfinished,
    },
  });
  const question = (n: number) => screen.getAllByRole('group')[n - 1]!.closest('li') as HTMLElement;
  return { user, onfinished, question };
}

describe('quiz', () => {
  it('says it is computing while the engine resolves computed answers, then lets answers be submitted', async () => {
    const { user, question } = setup();
    expect(screen.getByText('Computing answers by running the simulation…')).toBeInTheDocument();
    await user.click(within(question(1)).getByRole('radio', { name: 'The client' }));
    await vi.waitFor(() => expect(screen.queryByText('Computing answers by running the simulation…')).toBeNull());
    expect(screen.getByRole('button', { name: 'Submit answer 1' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Submit answer 2' })).toBeDisabled(); // nothing chosen yet
  });

  it('grades one question with the engine: verdict, why for every option, explanation, link to the teaching step', async () => {
    const { user, question } = setup();
    await user.click(within(question(1)).getByRole('radio', { name: 'The server' }));
    await vi.waitFor(() => expect(screen.getByRole('button', { name: 'Submit answer 1' })).toBeEnabled());
    await user.click(screen.getByRole('button', { name: 'Submit answer 1' }));

    const card = question(1);
    const verdict = await within(card).findByText(/Not quite/);
    expect(verdict).toHaveTextContent('✗ Not quite — 0 of 1 point.');
    expect(verdict).toHaveFocus();
    const whys = within(card).getAllByRole('listitem').map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
    expect(whys).toContain('The client (a right answer): It sends the first message.');
    expect(whys).toContain('The server (wrong, your choice): It only answers.');
    expect(within(card).getByText('The client starts.')).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: 'Review the step “Say hello”' })).toHaveAttribute('href', '#/lessons/tiny-lesson/hello');
    expect(within(card).getByRole('radio', { name: 'The server' })).toBeDisabled();
  });

  it('takes a whole attempt (single, computed, multiple, ordering by buttons) and reports the score', async () => {
    const { user, question, onfinished } = setup();
    await vi.waitFor(() => expect(screen.getByRole('button', { name: 'Submit all answers' })).toBeEnabled());
    await user.click(within(question(1)).getByRole('radio', { name: 'The client' }));
    await user.click(within(question(2)).getByRole('radio', { name: 'One' }));
    await user.click(within(question(3)).getByRole('checkbox', { name: 'Pressing adds a note' }));
    await user.click(within(question(3)).getByRole('checkbox', { name: 'Hello is a message' }));
    await user.click(screen.getByRole('button', { name: 'Move “Goodbye” down' }));
    await user.click(screen.getByRole('button', { name: 'Move “Goodbye” down' }));
    await user.click(screen.getByRole('button', { name: 'Submit all answers' }));

    const score = await screen.findByText(/^Your score:/);
    expect(score).toHaveTextContent('Your score: 4 of 4');
    expect(score).toHaveFocus();
    expect(onfinished).toHaveBeenCalledWith({ score: 4, max: 4 });
    expect(within(question(4)).getByText(/3 of 3 in the right place/)).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Quiz complete: you scored 4 of 4.');

    await user.click(screen.getByRole('button', { name: 'Try the quiz again' }));
    expect(screen.queryByText(/^Your score:/)).toBeNull();
    expect(within(question(1)).getByRole('radio', { name: 'The client' })).not.toBeChecked();
  });
});
