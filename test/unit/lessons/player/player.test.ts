import { beforeEach, describe, expect, it } from 'vitest';
import { ActionRejectedError, LessonError } from '../../../../src/lessons/errors';
import { createLessonPlayer } from '../../../../src/lessons/player/player';
import type { Lesson, LessonPlayer, PlayerSnapshot } from '../../../../src/lessons/types';
import { fixtureLesson } from '../support/fixture-lesson';

let lesson: Lesson;
beforeEach(async () => {
  lesson = await fixtureLesson();
});

const labels = (snapshot: PlayerSnapshot) => snapshot.events.map((e) => (e.type === 'message' ? e.label : e.text));

async function started(options: Parameters<typeof createLessonPlayer>[1] = {}): Promise<LessonPlayer> {
  const player = createLessonPlayer(lesson, options);
  await player.settled();
  return player;
}

describe('a narration step', () => {
  it('dispatches its send events on entry and is complete as soon as it is shown', async () => {
    const player = await started();
    const snapshot = player.getSnapshot();
    expect(snapshot).toMatchObject({
      lessonId: 'tiny-lesson', stepIndex: 0, stepId: 'hello', status: 'narration',
      stepEventsFrom: 0, completedSteps: ['hello'], canNext: true, canPrevious: false, busy: false,
    });
    expect(labels(snapshot)).toEqual(['hello']);
    expect(snapshot.pendingCheck).toBeUndefined();
    expect(player.scenarioState).toMatchObject({ greeted: 1, presses: [] });
  });

  it('returns the same snapshot object until something changes', async () => {
    const player = await started();
    expect(player.getSnapshot()).toBe(player.getSnapshot());
  });
});

describe('a hands-on step', () => {
  it('awaits its check, showing the check description, until a learner action satisfies it', async () => {
    const player = await started();
    player.next();
    let snapshot = await player.settled();
    expect(snapshot).toMatchObject({ stepId: 'press', status: 'awaiting', stepEventsFrom: 1, canNext: true, completedSteps: ['hello'] });
    expect(snapshot.pendingCheck).toEqual({ id: 'pressed', description: 'Press the button once' });

    await player.act({ action: 'press', input: { word: 'yes' } });
    snapshot = player.getSnapshot();
    expect(snapshot.status).toBe('complete');
    expect(snapshot.pendingCheck).toBeUndefined();
    expect(snapshot.completedSteps).toEqual(['hello', 'press']);
    expect(labels(snapshot)).toEqual(['hello', 'pressed with yes']);
    expect(snapshot.holdings).toEqual({ server: [{ kind: 'plaintext', label: 'yes' }] });
  });

  it('refuses an action the step does not offer, and input the action refuses, without touching the world', async () => {
    const player = await started();
    await expect(player.act({ action: 'press' })).rejects.toThrow(
      'The action "press" is not available in the step "The client says hello" (available: none).',
    );
    player.next();
    await player.settled();
    const refusal = player.act({ action: 'press', input: { word: '' } });
    await expect(refusal).rejects.toBeInstanceOf(ActionRejectedError);
    await expect(refusal).rejects.toThrow('Type a word first.');
    expect(player.getSnapshot()).toMatchObject({ status: 'awaiting', events: [expect.anything()] });
  });

  it('lets the learner move on without completing it (the step is not marked complete)', async () => {
    const player = await started();
    player.next();
    player.next();
    const snapshot = await player.settled();
    expect(snapshot).toMatchObject({ stepId: 'done', status: 'narration', completedSteps: ['hello', 'done'], canNext: false });
    expect(labels(snapshot)).toEqual(['hello', 'goodbye']);
  });
});

describe('rebuilding by replay', () => {
  it('going back replays what led to entering that step, from a fresh world', async () => {
    const player = await started();
    const atHello = player.getSnapshot().events;
    player.next();
    await player.settled();
    await player.act({ action: 'press', input: { word: 'first' } });
    player.next();
    await player.settled();

    player.previous();
    expect(player.getSnapshot().status).toBe('replaying');
    const back = await player.settled();
    expect(back).toMatchObject({ stepId: 'press', status: 'awaiting', stepEventsFrom: 1 });
    // The learner's press is undone; the seeded world replays the same events, byte for byte.
    expect(back.events).toEqual(atHello);
    // What the learner achieved is kept.
    expect(back.completedSteps).toEqual(['hello', 'press', 'done']);

    player.previous();
    expect((await player.settled()).events).toEqual(atHello);
  });

  it('reset restarts the current step: its scripted events again, the learner actions undone', async () => {
    const player = await started();
    player.next();
    await player.settled();
    const entered = player.getSnapshot().events;
    await player.act({ action: 'press', input: { word: 'a' } });
    await player.act({ action: 'press', input: { word: 'b' } });
    player.reset();
    const snapshot = await player.settled();
    expect(snapshot).toMatchObject({ stepId: 'press', status: 'awaiting' });
    expect(snapshot.events).toEqual(entered);
    expect(player.scenarioState).toMatchObject({ presses: [] });
  });

  it('keeps learner actions of earlier steps when going back to a later one', async () => {
    const player = await started();
    player.next();
    await player.settled();
    await player.act({ action: 'press', input: { word: 'kept' } });
    player.next();
    await player.settled();
    const atDone = player.getSnapshot().events;
    player.reset();
    const snapshot = await player.settled();
    expect(labels(snapshot)).toEqual(['hello', 'pressed with kept', 'goodbye']);
    expect(snapshot.events).toEqual(atDone);
  });

  it('is seeded: another seed gives another run, the same seed the same run', async () => {
    const a = (await started()).getSnapshot().events;
    const b = (await started({ seed: 42 })).getSnapshot().events;
    const c = (await started({ seed: 7 })).getSnapshot().events;
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });
});

describe('jumping forward', () => {
  it('goTo plays the stored solutions of the hands-on steps it jumps over, without marking them complete', async () => {
    const player = await started();
    player.goTo('done');
    const snapshot = await player.settled();
    expect(snapshot).toMatchObject({ stepId: 'done', status: 'narration', completedSteps: ['hello', 'done'] });
    expect(labels(snapshot)).toEqual(['hello', 'pressed with hi', 'goodbye']);
    expect(snapshot.stepEventsFrom).toBe(2);
  });

  it('a deep link (startAt) opens the step in the world the lesson expects', async () => {
    const player = createLessonPlayer(lesson, { startAt: 'done' });
    expect(player.getSnapshot()).toMatchObject({ stepId: 'done', status: 'replaying', busy: true });
    const snapshot = await player.settled();
    expect(snapshot).toMatchObject({ stepIndex: 2, status: 'narration', completedSteps: ['done'], canPrevious: true });
    expect(labels(snapshot)).toEqual(['hello', 'pressed with hi', 'goodbye']);
  });

  it('an unknown step id is an error naming the steps', async () => {
    expect(() => createLessonPlayer(lesson, { startAt: 'nope' })).toThrow(LessonError);
    const player = await started();
    expect(() => player.goTo('nope')).toThrow('there is no step "nope" in this lesson (steps: hello, press, done)');
  });
});

describe('commands while work is in flight', () => {
  it('queues them and runs them in order', async () => {
    const player = createLessonPlayer(lesson);
    player.next();
    player.next();
    player.previous();
    const acted = player.act({ action: 'press', input: { word: 'queued' } });
    await acted;
    const snapshot = await player.settled();
    expect(snapshot).toMatchObject({ stepId: 'press', status: 'complete' });
    expect(labels(snapshot)).toEqual(['hello', 'pressed with queued']);
  });

  it('ignores goTo the current step, which must not undo the learner\'s work', async () => {
    const player = await started({ startAt: 'press' });
    await player.act({ action: 'press', input: { word: 'mine' } });
    const before = player.getSnapshot();
    player.goTo('press');
    expect(await player.settled()).toBe(before);
    expect(player.scenarioState).toMatchObject({ presses: ['mine'] });
  });

  it('ignores next on the last step and previous on the first', async () => {
    const player = await started({ startAt: 'done' });
    player.next();
    expect((await player.settled()).stepId).toBe('done');
    player.goTo('hello');
    await player.settled();
    player.previous();
    expect((await player.settled()).stepId).toBe('hello');
  });

  it('publishes live events while a step runs, but not the events of a replay', async () => {
    const player = await started();
    const seen: PlayerSnapshot[] = [];
    player.subscribe((snapshot) => seen.push(snapshot));
    player.next();
    await player.settled();
    await player.act({ action: 'press', input: { word: 'x' } });
    const lengths = seen.map((s) => s.events.length);
    expect(lengths).toContain(2);
    expect(seen.some((s) => s.busy && s.events.length === 2)).toBe(true);

    seen.length = 0;
    player.goTo('hello');
    await player.settled();
    expect(seen.filter((s) => s.status === 'replaying').every((s) => s.events.length === 2)).toBe(true);
  });
});

describe('scenario errors', () => {
  it('put the player in error with the message, and navigation rebuilds a sane world', async () => {
    const player = await started({ startAt: 'press' });
    await expect(player.act({ action: 'explode' })).rejects.toThrow('the tiny world broke on purpose');
    let snapshot = player.getSnapshot();
    expect(snapshot).toMatchObject({ status: 'error', error: 'the tiny world broke on purpose', stepId: 'press', canNext: true });
    await expect(player.act({ action: 'press', input: { word: 'x' } })).rejects.toThrow('Reset the step to try again.');

    player.reset();
    snapshot = await player.settled();
    expect(snapshot.status).toBe('awaiting');
    expect(snapshot.error).toBeUndefined();
    await player.act({ action: 'press', input: { word: 'after' } });
    expect(player.getSnapshot().status).toBe('complete');
  });

  it('a scenario that cannot be created shows the error at the first step', async () => {
    const broken: Lesson = {
      ...lesson,
      scenario: { ...lesson.scenario, create: () => Promise.reject(new Error('no world today')) },
    };
    const snapshot = await createLessonPlayer(broken).settled();
    expect(snapshot).toMatchObject({ status: 'error', error: 'no world today', stepId: 'hello', events: [] });
  });

  it('after stop, act rejects and nothing more is published', async () => {
    const player = await started();
    let published = 0;
    player.subscribe(() => published++);
    player.stop();
    player.next();
    await expect(player.act({ action: 'press' })).rejects.toThrow('stopped');
    expect(published).toBe(0);
    await expect(player.settled()).resolves.toBeDefined();
  });
});
