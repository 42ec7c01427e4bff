/**
 * A fresh scenario world: the lesson's scenario created with its own seeded Rng, a ModelClock at the
 * fixed epoch and an empty EventStream. Every rebuild, the walkthrough and the quiz engine start here,
 * which is what makes a replay of the same log with the same seed give the same events.
 *
 *   createWorld(scenario, seed) → Promise<World>
 */
import { createModelClock, type ModelClock } from '../../sim/core/clock';
import { createEventStream, type EventStream } from '../../sim/core/events';
import { createRng, type Rng } from '../../sim/core/rng';
import type { Scenario, ScenarioInstance } from '../types';

export interface World {
  instance: ScenarioInstance<unknown>;
  stream: EventStream;
  clock: ModelClock;
  rng: Rng;
  seed: number;
}

export async function createWorld(scenario: Scenario<unknown>, seed: number): Promise<World> {
  const clock = createModelClock();
  const stream = createEventStream(clock.now);
  const rng = createRng(seed);
  const instance = await scenario.create({ seed, rng, clock, stream });
  return { instance, stream, clock, rng, seed };
}
