/**
 * A share link made from a real player reopens the same run: the same step, the same completed
 * steps and the same world (event for event), replayed from the link's seed. What the learner typed
 * is not in the link, and the person opening it is told; links from another version of the lesson,
 * and links that do not fit the lesson, open without a replay and say why.
 */
import { describe, expect, it } from 'vitest';
import { loadLesson } from '../../../src/lessons/catalogue';
import { createLessonPlayer } from '../../../src/lessons/player/player';
import { shareHashOf } from '../../../src/lessons/share/share-state';
import { planShareLink } from '../../../src/lessons/share/share-plan';
import { decodeShareHash, encodeShareHash } from '../../../src/lessons/share/link-codec';
import type { Lesson, LessonPlayer } from '../../../src/lessons/types';

const keyManagement: Lesson = await loadLesson('key-management');
const inFlight: Lesson = await loadLesson('encryption-in-flight');

const labels = (player: LessonPlayer) =>
  player.getSnapshot().events.map((event) => (event.type === 'message' ? `${event.label}` : event.type));
const linkOf = (lesson: Lesson, player: LessonPlayer) =>
  shareHashOf(lesson, { seed: lesson.seed, snapshot: player.getSnapshot(), log: player.learnerLog() });

async function reopened(lesson: Lesson, hash: string) {
  const plan = planShareLink(lesson, hash);
  if (!plan?.options) throw new Error(`the link did not open: ${plan?.notices.join(' ')}`);
  const player = createLessonPlayer(lesson, plan.options);
  await player.settled();
  return { player, notices: plan.notices };
}

describe('a share link reopens the same run', () => {
  it('replays chosen actions and jumped-over solutions to the same step, completed steps and world', async () => {
    const player = createLessonPlayer(keyManagement);
    await player.settled();
    player.next();
    await player.act({ action: 'switch-key', input: { operation: 'DisableKey' } });
    await player.act({ action: 'switch-key', input: { operation: 'Encrypt' } });
    await player.act({ action: 'switch-key', input: { operation: 'EnableKey' } });
    player.next();
    player.goTo('deleted-for-good'); // jumps over a hands-on step: its stored solution is played
    const original = await player.settled();

    const hash = linkOf(keyManagement, player);
    expect(hash).toContain('log=1.switch-key,1.switch-key.operation=Encrypt,1.switch-key.operation=EnableKey,4*');
    const { player: copy, notices } = await reopened(keyManagement, hash);
    expect(notices).toEqual([]);
    expect(copy.getSnapshot()).toMatchObject({ stepId: original.stepId, completedSteps: original.completedSteps, status: original.status });
    expect(labels(copy)).toEqual(labels(player));
    expect(copy.learnerLog()).toEqual(player.learnerLog());
  });

  it('replays the actions of the step it opens, and keeps steps completed after it', async () => {
    const player = createLessonPlayer(keyManagement, { startAt: 'create-and-alias' });
    player.goTo('schedule-and-cancel');
    await player.settled();
    player.previous(); // back from a later step: what was completed stays completed
    player.next();
    await player.settled();
    await player.act({ action: 'deletion-request', input: { operation: 'ScheduleKeyDeletion', days: '7' } });
    await player.act({ action: 'deletion-request', input: { operation: 'CancelKeyDeletion', days: '7' } });
    const original = await player.settled();
    expect(original.status).toBe('complete');

    const { player: copy } = await reopened(keyManagement, linkOf(keyManagement, player));
    expect(copy.getSnapshot()).toMatchObject({ stepId: 'schedule-and-cancel', status: 'complete', completedSteps: original.completedSteps });
    expect(labels(copy)).toEqual(labels(player));
  });
});

describe('what a learner typed', () => {
  it('is never in the link; a completed step gets the stored solution instead, and the notice says so', async () => {
    const player = createLessonPlayer(inFlight, { startAt: 'send-your-own' });
    await player.settled();
    await player.act({ action: 'send-message', input: { message: 'my very own secret 7731' } });
    player.next();
    await player.settled();

    const hash = linkOf(inFlight, player);
    expect(hash).not.toContain('7731');
    expect(hash).not.toMatch(/secret/i);
    expect(decodeShareHash(hash)).toMatchObject({ ok: true, state: { omitted: [4] } });
    const { player: copy, notices } = await reopened(inFlight, hash);
    expect(notices.join(' ')).toMatch(/never carry what a learner types.*“Your turn: send a secret”.*solution was played/);
    expect(copy.getSnapshot().completedSteps).toEqual(player.getSnapshot().completedSteps);
    expect(copy.getSnapshot().stepId).toBe(player.getSnapshot().stepId);
  });
});

describe('links that cannot be replayed as they are', () => {
  const base = {
    lessonId: 'key-management', stepId: 'rotate-on-demand', stepIndex: 3, version: 1, seed: 20260505,
    completed: [0, 1, 2], log: [], omitted: [],
  };

  it('a link from another version opens at the nearest step, with a notice', () => {
    const sameId = planShareLink(keyManagement, encodeShareHash({ ...base, version: 2 }));
    expect(sameId?.options).toEqual({ seed: 20260505, startAt: 'rotate-on-demand' });
    expect(sameId?.notices[0]).toMatch(/version 2 of the lesson; this is version 1.*nearest step, “/);
    const gone = planShareLink(keyManagement, encodeShareHash({ ...base, version: 2, stepId: 'retired-step', stepIndex: 40 }));
    expect(gone?.options?.startAt).toBe('three-kinds-and-price');
  });

  it('a hostile log opens the step as the lesson plays it, saying what was wrong', () => {
    const typed = planShareLink(keyManagement, encodeShareHash({ ...base, log: [{ step: 1, action: 'switch-key', input: { operation: 'visit evil.example' } }] }));
    expect(typed?.options).toEqual({ startAt: 'rotate-on-demand' });
    expect(typed?.notices[0]).toMatch(/could not be replayed: “visit evil.example” is not one of the choices/);
    const foreign = planShareLink(keyManagement, encodeShareHash({ ...base, log: [{ step: 0, action: 'switch-key', input: {} }] }));
    expect(foreign?.notices[0]).toMatch(/does not offer the action “switch-key”/);
    const later = planShareLink(keyManagement, encodeShareHash({ ...base, log: [{ step: 5, input: {} }] }));
    expect(later?.notices[0]).toMatch(/after the step it opens/);
  });

  it('a damaged link or one for another lesson opens the lesson as usual, with a notice', () => {
    expect(planShareLink(keyManagement, '#/lessons/key-management/rotate-on-demand?share=1&seed=x')).toEqual({
      notices: [expect.stringMatching(/could not be opened: the step index is not a whole number/)],
    });
    expect(planShareLink(keyManagement, encodeShareHash({ ...base, lessonId: 'key-types' }))?.notices[0]).toMatch(/for the lesson “key-types”/);
    expect(planShareLink(keyManagement, '#/lessons/key-management/rotate-on-demand')).toBeUndefined();
  });
});
