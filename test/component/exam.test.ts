/**
 * The exam's own pieces in jsdom: the timer (visible, announced only at 10, 5 and 1 minutes, submits
 * once at zero) and an attempt in progress with the quiz's QuestionCard (no per-question grading,
 * answers handed back for saving, the whole attempt graded on Submit).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import ExamTimer from '../../src/ui/exam/ExamTimer.svelte';
import ExamAttemptView from '../../src/ui/exam/ExamAttemptView.svelte';
import { startAttempt } from '../../src/lessons/exam/attempts';
import { bankFiles } from 'virtual:lessons-exam-bank';
import { checkBank } from '../../src/lessons/exam/bank';

afterEach(() => vi.useRealTimers());

describe('ExamTimer', () => {
  it('shows the time left, speaks only at the warning thresholds, and expires once', async () => {
    vi.useFakeTimers({ now: 0 });
    const onexpire = vi.fn();
    render(ExamTimer, { props: { deadline: 61_000, onexpire } });
    const timer = screen.getByRole('timer');
    expect(timer).toHaveTextContent('1:01');
    expect(screen.getByRole('status')).toHaveTextContent('5 minutes or less left in the exam.');
    await vi.advanceTimersByTimeAsync(2000);
    expect(timer).toHaveTextContent('0:59');
    expect(screen.getByRole('status')).toHaveTextContent('1 minute or less left in the exam.');
    expect(onexpire).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(timer).toHaveTextContent('0:00');
    await vi.advanceTimersByTimeAsync(5000);
    expect(onexpire).toHaveBeenCalledTimes(1);
  });

  it('says nothing while more than ten minutes are left', () => {
    vi.useFakeTimers({ now: 0 });
    render(ExamTimer, { props: { deadline: 30 * 60_000, onexpire: () => {} } });
    expect(screen.getByRole('timer')).toHaveTextContent('30:00');
    expect(screen.getByRole('status')).toHaveTextContent('');
  });
});

describe('ExamAttemptView', () => {
  // Bank questions when the bank exists (first three), else generated ones: either way real questions.
  const bank = checkBank(bankFiles).questions;
  const ids = bank.length >= 3 ? bank.slice(0, 3).map((q) => q.id) : ['gen-deletion-window-1', 'gen-encrypt-size-limit-2', 'gen-monthly-price-3'];

  it('grades nothing until the whole attempt is submitted, and hands every answer back for saving', async () => {
    const user = userEvent.setup();
    const onresponses = vi.fn();
    const onsubmit = vi.fn();
    const attempt = startAttempt({ mode: 'untimed', seed: 1, questionIds: ids, now: 0 });
    render(ExamAttemptView, { props: { attempt, onresponses, onsubmit, ondiscard: () => {} } });
    await vi.waitFor(() => expect(screen.getAllByRole('group')).toHaveLength(3), { timeout: 10_000 });
    expect(screen.queryByRole('button', { name: /^Submit answer/ })).toBeNull();
    expect(screen.queryByRole('timer')).toBeNull();

    const first = screen.getAllByRole('group')[0]!;
    await user.click(first.querySelector('input')!);
    await vi.waitFor(() => expect(onresponses).toHaveBeenCalled());
    expect(Object.keys(onresponses.mock.lastCall![0])).toEqual([ids[0]]);
    expect(screen.getByText('1 of 3 answered')).toBeInTheDocument();
    expect(screen.queryByText(/Correct|Not quite/)).toBeNull();

    // Two unanswered: the learner is asked before they score nothing.
    await user.click(screen.getByRole('button', { name: 'Submit the exam' }));
    expect(screen.getByText('2 questions are not answered; they will score nothing.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Submit anyway' }));
    expect(onsubmit).toHaveBeenCalledTimes(1);
    const [grade, timedOut] = onsubmit.mock.lastCall!;
    expect(timedOut).toBe(false);
    expect(grade).toMatchObject({ max: 3, answered: 1 });
    expect(grade.topics.reduce((sum: number, t: { max: number }) => sum + t.max, 0)).toBe(3);
  });

  it('submits a timed attempt whose time ran out while the page was closed, as soon as it opens again', async () => {
    const onsubmit = vi.fn();
    const started = Date.now() - 10 * 60_000;
    const attempt = { ...startAttempt({ mode: 'timed', seed: 1, questionIds: ids, now: started }), responses: { [ids[0]!]: 'a' } };
    render(ExamAttemptView, { props: { attempt, onresponses: () => {}, onsubmit, ondiscard: () => {} } });
    await vi.waitFor(() => expect(onsubmit).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    expect(onsubmit.mock.lastCall![1]).toBe(true);
    expect(onsubmit.mock.lastCall![0]).toMatchObject({ max: 3 });
  });

  it('shows a timer for a timed attempt', async () => {
    const attempt = startAttempt({ mode: 'timed', seed: 1, questionIds: ids, now: Date.now() });
    render(ExamAttemptView, { props: { attempt, onresponses: () => {}, onsubmit: () => {}, ondiscard: () => {} } });
    await vi.waitFor(() => expect(screen.getByRole('timer')).toHaveTextContent('4:30'), { timeout: 10_000 });
  });
});
