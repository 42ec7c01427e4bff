/**
 * Scenario panels flow from `scenario.panels(state)` into `snapshot.panels` exactly as decisions do:
 * recomputed with every snapshot, absent when there are none, and a throwing scenario shows as an error.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createLessonPlayer } from '../../../../src/lessons/player/player';
import type { Lesson, ScenarioPanel } from '../../../../src/lessons/types';
import { simulateCaching } from '../../../../src/sim/traffic/index';
import { fixtureLesson } from '../support/fixture-lesson';

let lesson: Lesson;
beforeEach(async () => {
  lesson = await fixtureLesson();
});

const caching = simulateCaching({ messagesPerSecond: 10, durationMs: 3000, maxAgeMs: 1000 });

/** A panel per press, so the test sees the panels follow the world's state. */
function withPanels(panels: (state: { presses: string[] }) => ScenarioPanel[]): Lesson {
  return { ...lesson, scenario: { ...lesson.scenario, panels: panels as (state: unknown) => ScenarioPanel[] } };
}

describe('scenario panels in the player snapshot', () => {
  it('are absent while the scenario offers none, then follow its state', async () => {
    const player = createLessonPlayer(
      withPanels((state) => state.presses.map((word, i) => ({ kind: 'traffic-chart', id: `press-${i}`, title: `Pressed ${word}`, chart: { type: 'caching', result: caching } }))),
    );
    let snapshot = await player.settled();
    expect(snapshot.panels).toBeUndefined();
    player.next();
    await player.settled();
    await player.act({ action: 'press', input: { word: 'yes' } });
    snapshot = player.getSnapshot();
    expect(snapshot.panels).toEqual([{ kind: 'traffic-chart', id: 'press-0', title: 'Pressed yes', chart: { type: 'caching', result: caching } }]);
    // Reset rebuilds the world before the step: its panels go with it.
    player.reset();
    snapshot = await player.settled();
    expect(snapshot.panels).toBeUndefined();
    player.stop();
  });

  it('are absent for a scenario without `panels`', async () => {
    const player = createLessonPlayer(lesson);
    expect((await player.settled()).panels).toBeUndefined();
    player.stop();
  });

  it('report a throwing `panels` as the step error, keeping the lesson readable', async () => {
    const player = createLessonPlayer(
      withPanels(() => {
        throw new Error('no chart today');
      }),
    );
    const snapshot = await player.settled();
    expect(snapshot.status).toBe('error');
    expect(snapshot.error).toBe('The scenario could not draw its panels: no chart today');
    expect(snapshot.panels).toBeUndefined();
    player.stop();
  });
});
