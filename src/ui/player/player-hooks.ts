/**
 * Things outside the lesson page that follow its player — the presenter's sync with the audience
 * tab, the embed bridge to a host page — register a hook here instead of editing the page. The
 * lesson page calls every hook with each player it creates (a new lesson, a rebuilt player) and
 * runs the cleanup a hook returns when that player goes away.
 */
import type { Lesson, LessonPlayer } from '../../lessons/types';

export type PlayerHook = (player: LessonPlayer, lesson: Lesson) => void | (() => void);

const hooks = new Set<PlayerHook>();

/** Registers a hook for every lesson player from now on; returns a function that removes it. */
export function onLessonPlayer(hook: PlayerHook): () => void {
  hooks.add(hook);
  return () => hooks.delete(hook);
}

/** Called by the lesson page with a new player; returns the cleanup of every hook that ran. */
export function attachPlayerHooks(player: LessonPlayer, lesson: Lesson): () => void {
  const cleanups: (() => void)[] = [];
  for (const hook of hooks) {
    const cleanup = hook(player, lesson);
    if (cleanup) cleanups.push(cleanup);
  }
  return () => {
    for (const cleanup of cleanups) cleanup();
  };
}
