/** The host's commands against a real lesson player (the engine's tiny fixture lesson). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stepOfState } from '../../../src/embed/embed-state';
import { runCommand, stateOf, type CommandTarget } from '../../../src/embed/lesson-commands';
import type { Command, EmbedMode, EmbedTheme } from '../../../src/embed/protocol';
import { createLessonPlayer } from '../../../src/lessons/player/player';
import type { Lesson, LessonPlayer } from '../../../src/lessons/types';
import { fixtureLesson } from '../lessons/support/fixture-lesson';

let lesson: Lesson;
let player: LessonPlayer;
let themes: EmbedTheme[];
let presented: (string | undefined)[];

beforeEach(async () => {
  lesson = await fixtureLesson();
  player = createLessonPlayer(lesson);
  await player.settled();
  themes = [];
  presented = [];
});
afterEach(() => player.stop());

function target(mode: EmbedMode = 'walkthrough'): CommandTarget {
  return {
    lesson,
    mode,
    player: () => player,
    setTheme: (theme) => themes.push(theme),
    openPresenter: (stepId) => {
      presented.push(stepId);
      return `https://site.example/#/present/tiny-lesson/${stepId}`;
    },
  };
}
const run = (command: Command, mode?: EmbedMode) => runCommand(command, target(mode));

describe('step commands', () => {
  it('next, prev and goTo resolve with the state once the player has settled', async () => {
    expect(await run({ name: 'next' })).toMatchObject({ stepId: 'press', lessonId: 'tiny-lesson', lessonVersion: 1, mode: 'walkthrough' });
    // a jump replays the hands-on step's stored solution, but only what the learner did counts as completed
    expect(await run({ name: 'goTo', args: ['done'] })).toMatchObject({ stepId: 'done', completedSteps: ['hello', 'done'] });
    expect(await run({ name: 'prev' })).toMatchObject({ stepId: 'press' });
  });

  it('reset restarts the current step: the learner\'s action in it is undone', async () => {
    await run({ name: 'next' });
    await player.act({ action: 'press', input: { word: 'hi' } });
    expect(player.getSnapshot().status).toBe('complete');
    await run({ name: 'reset' });
    expect(player.getSnapshot()).toMatchObject({ stepId: 'press', status: 'awaiting' });
  });

  it('goTo an unknown step is refused without moving', async () => {
    await expect(run({ name: 'goTo', args: ['nowhere'] })).rejects.toMatchObject({ code: 'unknown-step' });
    expect(player.getSnapshot().stepId).toBe('hello');
  });

  it('are refused in quiz and sandbox modes, which have no steps', async () => {
    await expect(run({ name: 'next' }, 'quiz')).rejects.toMatchObject({ code: 'not-in-this-mode' });
    await expect(run({ name: 'setState', args: [{}] }, 'sandbox')).rejects.toMatchObject({ code: 'not-in-this-mode' });
  });

  it('say so when the player is not running yet', async () => {
    await expect(runCommand({ name: 'next' }, { ...target(), player: () => undefined })).rejects.toMatchObject({ code: 'failed' });
  });
});

describe('getState and setState', () => {
  it('round-trips: a saved state opens the same step', async () => {
    await run({ name: 'goTo', args: ['done'] });
    const saved = await run({ name: 'getState' });
    await run({ name: 'goTo', args: ['hello'] });
    expect(await run({ name: 'setState', args: [saved] })).toMatchObject({ stepId: 'done' });
  });

  it('in quiz mode the state has no step', () => {
    expect(stateOf(target('quiz'))).toEqual({ lessonId: 'tiny-lesson', lessonVersion: 1, mode: 'quiz', completedSteps: [] });
  });

  it.each([
    ['not an object', 'done'],
    ['another lesson', { lessonId: 'other', lessonVersion: 1, stepId: 'done' }],
    ['another version', { lessonId: 'tiny-lesson', lessonVersion: 2, stepId: 'done' }],
    ['an unknown step', { lessonId: 'tiny-lesson', lessonVersion: 1, stepId: 'nowhere' }],
    ['a step id that is not a string', { lessonId: 'tiny-lesson', lessonVersion: 1, stepId: 3 }],
    ['a fractional version', { lessonId: 'tiny-lesson', lessonVersion: 1.5, stepId: 'done' }],
  ])('refuses %s with bad-state and leaves the lesson where it was', async (_, state) => {
    await expect(run({ name: 'setState', args: [state] })).rejects.toMatchObject({ code: 'bad-state' });
    expect(player.getSnapshot().stepId).toBe('hello');
  });

  it('stepOfState says what does not fit', () => {
    expect(() => stepOfState({ lessonId: 'tiny-lesson', lessonVersion: 3, stepId: 'done' }, lesson)).toThrow(/version 3/);
  });
});

describe('page commands', () => {
  it('setTheme and openPresenter reach the page, in every mode', async () => {
    expect(await run({ name: 'setTheme', args: ['dark'] }, 'quiz')).toEqual({ theme: 'dark' });
    expect(themes).toEqual(['dark']);
    await run({ name: 'next' });
    expect(await run({ name: 'openPresenter' })).toEqual({ url: 'https://site.example/#/present/tiny-lesson/press' });
    expect(presented).toEqual(['press']);
  });
});
