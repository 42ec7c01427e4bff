/**
 * The lesson page's share tools with the real player over the engine's fixture lesson: "Copy share
 * link" is a button a keyboard reaches, puts the learner's place on the clipboard and says "Link
 * copied"; when the browser refuses, the link is shown to copy by hand. "Present" opens the
 * presenter view of the same step in a new tab.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import ShareTools from '../../src/ui/share/ShareTools.svelte';
import { createLessonPlayer } from '../../src/lessons/player/player';
import { decodeShareHash } from '../../src/lessons/share/link-codec';
import { fixtureLesson } from '../unit/lessons/support/fixture-lesson';

afterEach(() => vi.restoreAllMocks());

async function tools() {
  const lesson = await fixtureLesson();
  const player = createLessonPlayer(lesson, { startAt: 'press' });
  await player.settled();
  await player.act({ action: 'press', input: { word: 'hi' } });
  render(ShareTools, { props: { lesson, player, stepId: 'press' } });
  return { lesson, player };
}

describe('share tools', () => {
  it('copies a share link of the current place and announces it', async () => {
    const user = userEvent.setup(); // gives the page a clipboard to write to
    const { lesson } = await tools();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Copy share link' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Link copied')).toHaveAttribute('aria-live', 'polite');
    const url = await navigator.clipboard.readText();
    const decoded = decodeShareHash(url.slice(url.indexOf('#')));
    expect(decoded).toMatchObject({ ok: true, state: { lessonId: lesson.id, stepId: 'press', seed: lesson.seed, completed: [1] } });
  });

  it('shows the link to copy by hand when the browser refuses', async () => {
    const user = userEvent.setup();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'));
    await tools();
    await user.click(screen.getByRole('button', { name: 'Copy share link' }));
    expect(await screen.findByText(/did not allow copying/)).toBeInTheDocument();
    expect((screen.getByLabelText('Share link') as HTMLInputElement).value).toMatch(/#\/lessons\/tiny-lesson\/press\?share=1&/);
  });

  it('offers the presenter view of this step in a new tab', async () => {
    await tools();
    const present = screen.getByRole('link', { name: 'Present this lesson (opens a new tab)' });
    expect(present).toHaveAttribute('href', '#/present/tiny-lesson/press');
    expect(present).toHaveAttribute('target', '_blank');
  });
});
