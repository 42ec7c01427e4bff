/**
 * createStepRunner on the tiny fixture lesson: steps play in order from where they stopped, a
 * stored solution goes through the action's toEvent, and checks read the live state.
 */
import { describe, expect, it } from 'vitest';
import { createStepRunner } from '../../../src/lessons/step-runner';
import { fixtureLesson } from './support/fixture-lesson';

describe('createStepRunner', () => {
  it('plays each step\'s send and solution, up to the step asked for, and checks the state', async () => {
    const lesson = await fixtureLesson();
    const runner = await createStepRunner<{ greeted: number; presses: string[] }>(lesson);
    expect(runner.check('pressed')).toBe(false);
    await runner.playThrough('hello');
    expect(runner.state.greeted).toBe(1);
    expect(runner.check('pressed')).toBe(false);
    await runner.playThrough('done');
    expect(runner.state.presses).toEqual(['hi']);
    expect(runner.check('pressed')).toBe(true);
    expect(runner.played).toBe(3);
    expect(runner.events.map((e) => (e.type === 'message' ? e.label : e.text))).toEqual(['hello', 'pressed with hi', 'goodbye']);
  });

  it('refuses steps already played, unknown steps, checks and actions, and lets toEvent refuse bad input', async () => {
    const lesson = await fixtureLesson();
    const runner = await createStepRunner(lesson);
    await runner.playThrough('press');
    await expect(runner.playThrough('hello')).rejects.toThrow('step "hello" was already played');
    await expect(runner.playThrough('nope')).rejects.toThrow('no step "nope"');
    expect(() => runner.check('nope')).toThrow('no check "nope"');
    expect(() => runner.act({ action: 'nope' })).toThrow('no action "nope"');
    expect(() => runner.act({ action: 'press', input: { word: '' } })).toThrow('Type a word first.');
  });

  it('replays the same events for the same seed', async () => {
    const lesson = await fixtureLesson();
    const trace = async () => {
      const runner = await createStepRunner(lesson, 5);
      await runner.playThrough('done');
      return runner.events.map((e) => [e.at, e.type === 'message' ? e.carries.map((p) => p.preview) : e.text]);
    };
    expect(await trace()).toEqual(await trace());
  });
});
