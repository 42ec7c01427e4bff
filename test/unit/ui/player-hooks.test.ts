import { describe, expect, it } from 'vitest';
import { attachPlayerHooks, onLessonPlayer } from '../../../src/ui/player/player-hooks';
import type { Lesson, LessonPlayer } from '../../../src/lessons/types';

const player = { stepId: 'a' } as unknown as LessonPlayer;
const lesson = { id: 'l' } as unknown as Lesson;

describe('lesson player hooks', () => {
  it('calls each registered hook with the player and runs its cleanup when the player goes away', () => {
    const seen: string[] = [];
    const remove = onLessonPlayer((p, l) => {
      seen.push(`attach ${l.id} ${(p as unknown as { stepId: string }).stepId}`);
      return () => seen.push('detach');
    });
    const detach = attachPlayerHooks(player, lesson);
    expect(seen).toEqual(['attach l a']);
    detach();
    expect(seen).toEqual(['attach l a', 'detach']);
    remove();
    attachPlayerHooks(player, lesson)();
    expect(seen).toHaveLength(2);
  });
});
