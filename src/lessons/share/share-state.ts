/**
 * A learner's place in a lesson as a share link carries it: from the player's snapshot and its log
 * of actions (`player.learnerLog()`), keeping only what a link may carry (./carried-input.ts).
 *
 *   shareStateOf(lesson, { seed, snapshot, log }) → ShareState
 *   shareHashOf(lesson, { seed, snapshot, log }) → string   the hash, shortened if it would be too long
 *
 * Stored solutions the player played for the learner are written as "the step's solution" (`3*`),
 * never as their inputs. When the log is too long for a link, its newest entries are left out like
 * typed ones (their steps listed in `omitted`), so the link still opens.
 */
import type { Lesson, LoggedAction, PlayerSnapshot } from '../types';
import { carriedInput } from './carried-input';
import { encodeShareHash, type SharedAction, type ShareState } from './link-codec';

export interface ShareSource {
  seed: number;
  snapshot: Pick<PlayerSnapshot, 'stepId' | 'stepIndex' | 'completedSteps'>;
  log: readonly LoggedAction[];
}

type ShareableLesson = Pick<Lesson, 'id' | 'version' | 'steps' | 'scenario'>;

export function shareStateOf(lesson: ShareableLesson, source: ShareSource): ShareState {
  const log: SharedAction[] = [];
  const omitted = new Set<number>();
  for (const [index, { stepIndex, source: by, action }] of source.log.entries()) {
    if (by === 'solution') {
      // A solution is played as a whole: one entry per run of the same step's solution actions.
      const previous = source.log[index - 1];
      if (previous?.source !== 'solution' || previous.stepIndex !== stepIndex) log.push({ step: stepIndex, input: {} });
      continue;
    }
    const spec = lesson.scenario.actions[action.action];
    const input = spec ? carriedInput(spec, action.input) : undefined;
    if (input) log.push({ step: stepIndex, action: action.action, input });
    else omitted.add(stepIndex);
  }
  return {
    lessonId: lesson.id,
    stepId: source.snapshot.stepId,
    stepIndex: source.snapshot.stepIndex,
    version: lesson.version,
    seed: source.seed,
    completed: lesson.steps.flatMap((step, index) => (source.snapshot.completedSteps.includes(step.id) ? [index] : [])),
    log,
    omitted: [...omitted].sort((a, b) => a - b),
  };
}

export function shareHashOf(lesson: ShareableLesson, source: ShareSource): string {
  const state = shareStateOf(lesson, source);
  for (;;) {
    try {
      return encodeShareHash(state);
    } catch (error) {
      const dropped = state.log.pop();
      if (!dropped) throw error;
      state.omitted = [...new Set([...state.omitted, dropped.step])].sort((a, b) => a - b);
    }
  }
}
