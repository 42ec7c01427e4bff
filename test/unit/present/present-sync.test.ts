/**
 * The presenter and audience tabs over a real BroadcastChannel (Node has one), each with its own
 * lesson player: either tab drives, quick presses arrive in order, resets go both ways, the room
 * state follows, and no tab ever answers an announcement with one of its own (no echo loop).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { loadLesson } from '../../../src/lessons/catalogue';
import { createLessonPlayer } from '../../../src/lessons/player/player';
import type { Lesson, LessonPlayer } from '../../../src/lessons/types';
import { openPresentChannel } from '../../../src/ui/present/sync/broadcast-channel';
import { PresentSync } from '../../../src/ui/present/sync/present-sync';
import { parsePresentMessage, presentMessage, type PresentMessage, type RoomState } from '../../../src/ui/present/sync/protocol';

const lesson: Lesson = await loadLesson('key-management');
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

let channels = 0;
/** A tab: a player, a sync and what it posted (so the test can count announcements). */
async function tab(role: 'presenter' | 'audience', name: string, options: { startAt?: string; onOtherLesson?: (l: string, s: string) => void } = {}) {
  const player = createLessonPlayer(lesson, { startAt: options.startAt });
  await player.settled();
  const channel = openPresentChannel(name);
  const posted: PresentMessage[] = [];
  const rooms: RoomState[] = [];
  const sync = new PresentSync({
    role,
    lessonId: lesson.id,
    player,
    channel: { post: (message) => (posted.push(message), channel.post(message)), listen: channel.listen },
    onRoom: (room) => rooms.push(room),
    onOtherLesson: options.onOtherLesson,
  });
  cleanups.push(() => (sync.stop(), channel.close(), player.stop()));
  return { player, sync, posted, rooms };
}

/** Lets the channel deliver and both players finish what they were told. */
async function quiet(...players: LessonPlayer[]): Promise<void> {
  for (let round = 0; round < 6; round++) {
    await new Promise((resolve) => setTimeout(resolve, 15));
    await Promise.all(players.map((player) => player.settled()));
  }
}

const labels = (player: LessonPlayer) => player.getSnapshot().events.map((event) => (event.type === 'message' ? event.label : event.type));
const steps = (posted: PresentMessage[]) => posted.filter((m) => m.type === 'step').map((m) => ('stepId' in m ? m.stepId : ''));

describe('presenter and audience stay in step', () => {
  it('the audience follows the presenter, even through quick presses, without answering back', async () => {
    const name = `t${channels++}`;
    const presenter = await tab('presenter', name);
    const audience = await tab('audience', name);
    await quiet(presenter.player, audience.player);
    presenter.player.next();
    presenter.player.next();
    presenter.player.next();
    await quiet(presenter.player, audience.player);
    expect(presenter.player.getSnapshot().stepId).toBe('rotate-on-demand');
    expect(audience.player.getSnapshot().stepId).toBe('rotate-on-demand');
    // the first is the answer to the audience tab's hello; then one per press
    expect(steps(presenter.posted)).toEqual(['create-and-alias', 'disable-and-enable', 'automatic-rotation', 'rotate-on-demand']);
    expect(steps(audience.posted)).toEqual([]);
  });

  it('the presenter follows the audience, backwards and to any step', async () => {
    const name = `t${channels++}`;
    const presenter = await tab('presenter', name, { startAt: 'automatic-rotation' });
    const audience = await tab('audience', name);
    await quiet(presenter.player, audience.player);
    expect(audience.player.getSnapshot().stepId).toBe('automatic-rotation'); // a presenter's hello leads
    audience.player.previous();
    await quiet(presenter.player, audience.player);
    expect(presenter.player.getSnapshot().stepId).toBe('disable-and-enable');
    audience.player.goTo('three-kinds-and-price');
    await quiet(presenter.player, audience.player);
    expect(presenter.player.getSnapshot().stepId).toBe('three-kinds-and-price');
    expect(steps(presenter.posted)).toEqual(['automatic-rotation']); // only its answer to the audience's hello
  });

  it('a reset in either tab resets the other once', async () => {
    const name = `t${channels++}`;
    const presenter = await tab('presenter', name, { startAt: 'disable-and-enable' });
    const audience = await tab('audience', name, { startAt: 'disable-and-enable' });
    await quiet(presenter.player, audience.player);
    await audience.player.act({ action: 'switch-key', input: { operation: 'DisableKey' } });
    await quiet(presenter.player, audience.player); // the presenter does it too
    const acted = audience.player.getSnapshot().events.length;
    audience.player.reset();
    await quiet(presenter.player, audience.player);
    expect(audience.player.getSnapshot().events.length).toBeLessThan(acted);
    expect(presenter.player.getSnapshot().events.length).toBe(audience.player.getSnapshot().events.length);
    expect(audience.posted.filter((m) => m.type === 'reset')).toHaveLength(1);
    expect(presenter.posted.filter((m) => m.type === 'reset')).toHaveLength(0);
  });

  it('a learner action in either tab happens in the other, once, so both diagrams show the same world', async () => {
    const name = `t${channels++}`;
    const presenter = await tab('presenter', name, { startAt: 'disable-and-enable' });
    const audience = await tab('audience', name, { startAt: 'disable-and-enable' });
    await quiet(presenter.player, audience.player);
    await audience.player.act({ action: 'switch-key', input: { operation: 'DisableKey' } });
    await quiet(presenter.player, audience.player);
    await presenter.player.act({ action: 'switch-key', input: { operation: 'EnableKey' } });
    await quiet(presenter.player, audience.player);
    expect(presenter.player.learnerLog()).toEqual(audience.player.learnerLog());
    expect(presenter.player.learnerLog().map((entry) => entry.action.input?.operation)).toEqual(['DisableKey', 'EnableKey']);
    expect(labels(presenter.player)).toEqual(labels(audience.player));
    expect(audience.posted.filter((m) => m.type === 'act')).toHaveLength(1);
    expect(presenter.posted.filter((m) => m.type === 'act')).toHaveLength(1);
  });

  it('blank screen and zoom reach every tab; a late audience tab is told the step and the room', async () => {
    const name = `t${channels++}`;
    const presenter = await tab('presenter', name, { startAt: 'automatic-rotation' });
    presenter.sync.setRoom({ blank: true, zoom: 1.5 });
    const late = await tab('audience', name);
    await quiet(presenter.player, late.player);
    expect(late.player.getSnapshot().stepId).toBe('automatic-rotation');
    expect(late.rooms.at(-1)).toEqual({ blank: true, zoom: 1.5 });
    late.sync.setRoom({ blank: false });
    await quiet(presenter.player, late.player);
    expect(presenter.sync.room).toEqual({ blank: false, zoom: 1.5 });
  });

  it('an audience tab on another lesson is asked to open the presenter’s', async () => {
    const name = `t${channels++}`;
    const asked: string[] = [];
    const audience = await tab('audience', name, { onOtherLesson: (l, s) => asked.push(`${l}/${s}`) });
    const channel = openPresentChannel(name);
    cleanups.push(() => channel.close());
    channel.post(presentMessage('other-tab', 'presenter', { type: 'step', lessonId: 'key-types', stepId: 'symmetric' }));
    await quiet(audience.player);
    expect(asked).toEqual(['key-types/symmetric']);
    expect(audience.player.getSnapshot().stepId).toBe('create-and-alias');
  });
});

describe('messages', () => {
  it('only well-formed messages of this protocol are accepted', () => {
    const good = presentMessage('a', 'presenter', { type: 'step', lessonId: 'key-management', stepId: 'x' });
    expect(parsePresentMessage(good)).toEqual(good);
    expect(parsePresentMessage(JSON.parse(JSON.stringify(good)))).toEqual(good);
    expect(parsePresentMessage({ ...good, v: 2 })).toBeUndefined();
    expect(parsePresentMessage({ ...good, ns: 'other' })).toBeUndefined();
    expect(parsePresentMessage({ ...good, role: 'admin' })).toBeUndefined();
    expect(parsePresentMessage({ ...good, stepId: '<img src=x>' })).toBeUndefined();
    expect(parsePresentMessage({ ...good, type: 'eval' })).toBeUndefined();
    expect(parsePresentMessage(presentMessage('a', 'audience', { type: 'room', room: { blank: true, zoom: 7 } }))).toBeUndefined();
    expect(parsePresentMessage(null)).toBeUndefined();
    const act = presentMessage('a', 'audience', { type: 'act', lessonId: 'key-management', stepId: 'x', action: { action: 'switch-key', input: { operation: 'Encrypt' } } });
    expect(parsePresentMessage(act)).toEqual(act);
    expect(parsePresentMessage({ ...act, action: { action: 'switch-key', input: { operation: 7 } } })).toBeUndefined();
    expect(parsePresentMessage({ ...act, action: { action: 'switch-key', input: JSON.parse('{"__proto__":"x"}') } })).toBeUndefined();
    expect(parsePresentMessage({ ...act, action: { action: 'x', input: { big: 'a'.repeat(20_001) } } })).toBeUndefined();
    expect(parsePresentMessage('step')).toBeUndefined();
  });
});
