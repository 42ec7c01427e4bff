/**
 * The learner actions a step offers, with the scenario's form specs, in the step's order.
 *
 *   stepActions(lesson, stepIndex) → { name, spec }[]   (empty for narration steps)
 *
 * A view renders one form per entry and calls `player.act({ action: name, input })`.
 */
import type { LearnerActionSpec, Lesson } from '../types';

export interface OfferedAction {
  name: string;
  spec: LearnerActionSpec;
}

export function stepActions(lesson: Lesson, stepIndex: number): OfferedAction[] {
  const step = lesson.steps[stepIndex];
  return (step?.actions ?? []).flatMap((name) => {
    const spec = lesson.scenario.actions[name];
    return spec ? [{ name, spec }] : [];
  });
}
