import { describe, expect, it } from 'vitest';
import { createLessonPlayer } from '../../../../src/lessons/player/player';
import { LessonRun } from '../../../../src/lessons/player/run';
import type { PlayerSnapshot } from '../../../../src/lessons/types';
import { fixtureLesson } from '../support/fixture-lesson';

describe('LessonRun', () => {
  it('logs entering steps, scripted events, solutions and learner events in order with their step index', async () => {
    const run = new LessonRun(await fixtureLesson(), 42);
    await run.rebuildBefore(0);
    await run.skipBefore(2); // hello entered, press solved on the learner's behalf
    await run.enter(2);
    expect(run.log).toEqual([
      { stepIndex: 0, source: 'enter' },
      { stepIndex: 0, source: 'send', event: { type: 'hello' } },
      { stepIndex: 1, source: 'enter' },
      { stepIndex: 1, source: 'solution', event: { type: 'press', word: 'hi' } },
      { stepIndex: 2, source: 'enter' },
      { stepIndex: 2, source: 'send', event: { type: 'goodbye' } },
    ]);

    await run.rebuildBefore(1);
    await run.enter(1);
    await run.act({ action: 'press', input: { word: 'mine' } });
    expect(run.log.slice(2)).toEqual([
      { stepIndex: 1, source: 'enter' },
      { stepIndex: 1, source: 'learner', event: { type: 'press', word: 'mine' } },
    ]);
    expect(run.checkHeld).toBe(true);
  });

  it('does not log an event the world failed to apply, so a rebuild returns to the world before it', async () => {
    const run = new LessonRun(await fixtureLesson(), 42);
    await run.rebuildBefore(0);
    await run.enter(0);
    await run.enter(1);
    await expect(run.act({ action: 'explode' })).rejects.toThrow('on purpose');
    expect(run.log.map((entry) => entry.source)).toEqual(['enter', 'send', 'enter']);
  });
});

describe('statuses the views see', () => {
  it('"Next" shows the next step at once and never as a replay; going back does', async () => {
    const player = createLessonPlayer(await fixtureLesson());
    await player.settled();
    const statuses: PlayerSnapshot['status'][] = [];
    player.subscribe((snapshot) => statuses.push(snapshot.status));
    player.next();
    expect(player.getSnapshot()).toMatchObject({ stepId: 'press', busy: true });
    await player.settled();
    expect(statuses).not.toContain('replaying');
    statuses.length = 0;
    player.previous();
    await player.settled();
    expect(statuses[0]).toBe('replaying');
    expect(statuses.at(-1)).toBe('narration');
  });
});
