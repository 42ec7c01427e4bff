/**
 * What `getState()` returns and `setState(s)` accepts. The state names a place in one version of
 * one lesson: the step, and the steps completed so far. Setting it opens that step; the engine
 * replays the stored solutions of the hands-on steps before it, so the world is the one that step
 * expects (what a learner typed is never in a state, as in share links). `completedSteps` is
 * reported, not restored: the engine counts as completed only what the learner did in this run.
 */
import * as v from 'valibot';
import { EmbedCommandError, type EmbedMode } from './protocol';

export interface EmbedState {
  lessonId: string;
  lessonVersion: number;
  mode: EmbedMode;
  /** The current step (absent in quiz and sandbox modes, which have none). */
  stepId?: string;
  completedSteps: string[];
}

/** setState's input: getState's output is accepted as is (mode and completedSteps are read, not required). */
const SettableStateSchema = v.object({
  lessonId: v.pipe(v.string(), v.maxLength(200)),
  lessonVersion: v.pipe(v.number(), v.integer()),
  stepId: v.pipe(v.string(), v.maxLength(200)),
  mode: v.optional(v.string()),
  completedSteps: v.optional(v.array(v.pipe(v.string(), v.maxLength(200)))),
});

export interface StatefulLesson {
  id: string;
  version: number;
  steps: readonly { id: string }[];
}

/** The step a state asks for, or a `bad-state` error saying what does not fit this lesson. */
export function stepOfState(input: unknown, lesson: StatefulLesson): string {
  const result = v.safeParse(SettableStateSchema, input);
  if (!result.success) {
    const issue = result.issues[0];
    const where = issue.path?.map((item) => String(item.key)).join('.');
    throw new EmbedCommandError('bad-state', `not a lesson state${where ? ` (${where})` : ''}: ${issue.message}`);
  }
  const state = result.output;
  if (state.lessonId !== lesson.id) {
    throw new EmbedCommandError('bad-state', `this state belongs to the lesson "${state.lessonId}", not "${lesson.id}"`);
  }
  if (state.lessonVersion !== lesson.version) {
    throw new EmbedCommandError(
      'bad-state',
      `this state was saved from version ${state.lessonVersion} of the lesson; this is version ${lesson.version}`,
    );
  }
  if (!lesson.steps.some((step) => step.id === state.stepId)) {
    throw new EmbedCommandError('bad-state', `the lesson has no step "${state.stepId}"`);
  }
  return state.stepId;
}
