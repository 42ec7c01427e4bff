/**
 * A lesson's scenario played step by step, without the player: for a lesson's own tests of its
 * checks ("false before the step that teaches it, true after"). Each step's `send` is dispatched,
 * then its stored `solution` goes through the same door as a learner's action (the action's
 * `toEvent`), in a fresh world built exactly as the player builds one.
 *
 *   createStepRunner(lesson, seed = lesson.seed) → Promise<StepRunner>
 *     runner.playThrough(stepId)  plays on from where it stopped, up to and including that step
 *     runner.act(action)          one learner action of any step (tests may try actions out of turn)
 *     runner.check(name)          the named check, on the current state and events
 */
import type { SimEvent } from '../sim/core/events';
import { createWorld } from './player/world';
import type { LearnerAction, Lesson, ScenarioEvent } from './types';

export interface StepRunner<State> {
  readonly state: State;
  readonly events: readonly SimEvent[];
  /** Index of the next step `playThrough` would play. */
  readonly played: number;
  check(name: string): boolean;
  act(action: LearnerAction): Promise<void>;
  dispatch(event: ScenarioEvent): Promise<void>;
  playThrough(stepId: string): Promise<void>;
}

export async function createStepRunner<State>(lesson: Pick<Lesson, 'scenario' | 'seed' | 'steps'>, seed = lesson.seed): Promise<StepRunner<State>> {
  const { scenario, steps } = lesson;
  const world = await createWorld(scenario, seed);
  const instance = world.instance;
  let played = 0;
  const act = (action: LearnerAction) => {
    const spec = scenario.actions[action.action];
    if (!spec) throw new Error(`the scenario has no action "${action.action}"`);
    return instance.dispatch(spec.toEvent(action.input ?? {}));
  };
  return {
    get state() {
      return instance.state as State;
    },
    events: world.stream.events,
    get played() {
      return played;
    },
    check(name) {
      const check = scenario.checks[name];
      if (!check) throw new Error(`the scenario has no check "${name}"`);
      return check.test(instance.state, world.stream.events);
    },
    act,
    dispatch: (event) => instance.dispatch(event),
    async playThrough(stepId) {
      const last = steps.findIndex((s) => s.id === stepId);
      if (last === -1) throw new Error(`the lesson has no step "${stepId}"`);
      if (last < played) throw new Error(`step "${stepId}" was already played`);
      for (; played <= last; played++) {
        for (const event of steps[played].send ?? []) await instance.dispatch(event);
        for (const action of steps[played].solution ?? []) await act(action);
      }
    },
  };
}
