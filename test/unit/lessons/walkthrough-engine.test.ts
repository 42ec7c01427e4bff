import { describe, expect, it } from 'vitest';
import { LessonError } from '../../../src/lessons/errors';
import type { Lesson } from '../../../src/lessons/types';
import { replayWalkthrough } from '../../../src/lessons/walkthrough';
import { fixtureLesson } from './support/fixture-lesson';

const PRESS_FILE = 'test/fixtures/lessons/valid/01-tiny-lesson/steps/02-press.md';

function withStep(lesson: Lesson, index: number, change: Partial<Lesson['steps'][number]>): Lesson {
  return { ...lesson, steps: lesson.steps.map((step, i) => (i === index ? { ...step, ...change } : step)) };
}

describe('replayWalkthrough', () => {
  it('plays every step of a good lesson and reports each', async () => {
    const report = await replayWalkthrough(await fixtureLesson());
    expect(report.steps).toEqual([
      { id: 'hello', status: 'narration', events: 1 },
      { id: 'press', status: 'complete', events: 1 },
      { id: 'done', status: 'narration', events: 1 },
    ]);
  });

  it('fails naming the step file and the check when the solution does not satisfy await', async () => {
    const lesson = withStep(await fixtureLesson(), 1, { solution: [] });
    await expect(replayWalkthrough(lesson)).rejects.toThrow(
      `${PRESS_FILE}: field "await": walkthrough: check "pressed" ("Press the button once") does not hold after the stored solution (no actions); the step is awaiting`,
    );
  });

  it('fails naming the solution entry whose action throws', async () => {
    const lesson = withStep(await fixtureLesson(), 1, { solution: [{ action: 'press', input: { word: '' } }] });
    await expect(replayWalkthrough(lesson)).rejects.toThrow(
      `${PRESS_FILE}: field "solution[0]": walkthrough: the action "press" failed: Type a word first.`,
    );
  });

  it('fails when entering a step makes the scenario throw', async () => {
    const lesson = withStep(await fixtureLesson(), 2, { send: [{ type: 'explode' }] });
    await expect(replayWalkthrough(lesson)).rejects.toThrow(
      'test/fixtures/lessons/valid/01-tiny-lesson/steps/03-done.md: field "send": walkthrough: entering the step failed: the tiny world broke on purpose',
    );
  });

  it('refuses a lesson whose references are wrong before playing it', async () => {
    const lesson = withStep(await fixtureLesson(), 1, { await: 'pushed' });
    const error = await replayWalkthrough(lesson).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LessonError);
    expect((error as LessonError).message).toBe(
      `${PRESS_FILE}: field "await": names check "pushed", but scenario.ts has no such check (checks: pressed)`,
    );
  });

  it('catches a scenario that does not replay the same way from its seed', async () => {
    const lesson = await fixtureLesson();
    let worlds = 0;
    const flaky: Lesson = {
      ...lesson,
      scenario: {
        ...lesson.scenario,
        async create(context) {
          const instance = await lesson.scenario.create(context);
          const extra = worlds++ > 0; // every world after the first behaves differently
          return {
            get state() {
              return instance.state;
            },
            async dispatch(event) {
              await instance.dispatch(event);
              if (extra && event.type === 'goodbye') context.stream.emit({ type: 'note', actor: 'client', text: 'surprise' });
            },
          };
        },
      },
    };
    await expect(replayWalkthrough(flaky)).rejects.toThrow(
      'walkthrough: replaying the event log in a fresh world gave different events (is the scenario deterministic for its seed?): event #3 was absent, the replay gave note client info',
    );
  });
});
