/**
 * Checks that read a flag the scenario itself sets: terminal lessons judge a learner's command lines
 * as they run (in the terminal's onLine) and record each goal reached in `state.achieved`; the
 * check only reports it. Written once so every such lesson names a goal and its description alone.
 */
import type { Check } from './types';

/** A state that records, per check name, whether the learner has reached that goal yet. */
export interface AchievedState<Name extends string> {
  achieved: Record<Name, boolean>;
}

/** One check per name, true once `state.achieved[name]` is. */
export function achievedChecks<Name extends string>(descriptions: Record<Name, string>): Record<Name, Check<AchievedState<Name>>> {
  const checks = {} as Record<Name, Check<AchievedState<Name>>>;
  for (const name of Object.keys(descriptions) as Name[]) {
    checks[name] = { description: descriptions[name], test: (state) => state.achieved[name] };
  }
  return checks;
}
