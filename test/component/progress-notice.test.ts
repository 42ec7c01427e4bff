import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { openProgressStore, PROGRESS_KEY, RESET_NOTICE } from '../../src/lessons/index';
import ProgressNotice from '../../src/ui/progress/ProgressNotice.svelte';
import ProgressPanel from '../../src/ui/progress/ProgressPanel.svelte';
import { ProgressState } from '../../src/ui/progress/progress.svelte';

/** What the page does on load: open the engine's store over localStorage as it finds it. */
function openOnLoad(): ProgressState {
  return new ProgressState(openProgressStore(localStorage));
}

describe('progress notice and panel', () => {
  beforeEach(() => localStorage.clear());

  it("shows the engine's notice for a corrupt store in a dismissible banner, and the store works again", async () => {
    localStorage.setItem(PROGRESS_KEY, '{not json at all');
    const progress = openOnLoad();
    const user = userEvent.setup();
    render(ProgressNotice, { props: { progress } });

    const banner = screen.getByRole('alert');
    expect(banner).toHaveTextContent('About your saved progress');
    expect(banner).toHaveTextContent(RESET_NOTICE);
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();

    const lesson = { id: 'tiny-lesson', version: 1, steps: [{ id: 'hello', title: 'Hello', handsOn: false }] };
    progress.recordSteps(lesson as never, 'hello', []);
    expect(progress.lessonProgress(lesson)?.stepsSeen).toEqual(['hello']);
    expect(JSON.parse(localStorage.getItem(PROGRESS_KEY) ?? '{}').lessons['tiny-lesson'].lastStep).toBe('hello');
  });

  it('shows no banner when the store is fine', async () => {
    render(ProgressNotice, { props: { progress: openOnLoad() } });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says why a file cannot be imported, and imports a good one', async () => {
    const progress = openOnLoad();
    const user = userEvent.setup();
    render(ProgressPanel, { props: { progress } });
    const input = screen.getByLabelText('Load progress from a file');

    await user.upload(input, new File(['not json'], 'bad.json', { type: 'application/json' }));
    expect(await screen.findByText(/^That file could not be loaded: This file is not a KMS Lab progress file/)).toBeInTheDocument();

    const good = {
      format: 1,
      lessons: {
        'tiny-lesson': { lessonId: 'tiny-lesson', version: 1, stepsSeen: ['hello'], checksPassed: [], quizAttempts: 1, quizBest: { score: 3, max: 4 } },
      },
    };
    await user.upload(input, new File([JSON.stringify(good)], 'good.json', { type: 'application/json' }));
    expect(await screen.findByText('Your progress was loaded from the file.')).toBeInTheDocument();
    expect(progress.lessonProgress({ id: 'tiny-lesson', version: 1 })?.quizBest).toEqual({ score: 3, max: 4 });
  });
});
