/**
 * The one sentence the status line announces (politely, once per change): the step and where the
 * learner stands in it. Derived from the engine's snapshot only.
 */
import type { PlayerSnapshot } from '../../lessons/types';

export function statusText(snapshot: PlayerSnapshot, stepTitle: string, stepCount: number): string {
  const where = `Step ${snapshot.stepIndex + 1} of ${stepCount}: ${stepTitle}.`;
  switch (snapshot.status) {
    case 'replaying':
      return `${where} Rebuilding the simulation…`;
    case 'awaiting':
      return `${where} Your goal: ${snapshot.pendingCheck?.description ?? 'complete the task'}`;
    case 'complete':
      return `${where} Goal reached.`;
    case 'error':
      return `${where} The simulation stopped with an error.`;
    default:
      return where;
  }
}
