/**
 * Opening a share link: what the player must do to land where the link's learner was, checked
 * against the lesson as it is now, and what to tell the person opening it.
 *
 *   planShareLink(lesson, hash) → SharePlan | undefined     (undefined: the hash is not a share link)
 *
 *   same version   the logged actions are replayed from the link's seed up to its step, which opens with
 *                  the same completed steps. A step where the learner typed something (left out of the
 *                  link) gets the lesson's stored solution if the learner had completed it, so the steps
 *                  after it find the world they expect.
 *   other version  steps may have changed meaning: the link opens at the nearest step (the same id, or
 *                  the same position) without its actions, with a notice.
 *   malformed or hostile   nothing of the link is replayed; the lesson opens normally, with a notice that
 *                  says what was wrong. Never a blank page.
 */
import type { Lesson, LoggedAction } from '../types';
import type { PlayerOptions } from '../player/player';
import { restoredInput } from './carried-input';
import { decodeShareHash, isShareHash, type ShareState } from './link-codec';

export interface SharePlan {
  /** Options for createLessonPlayer; undefined when the link cannot be used (open the lesson as usual). */
  options?: PlayerOptions;
  /** What the person opening the link should know, as sentences; empty when the link replays exactly. */
  notices: string[];
}

type PlannableLesson = Pick<Lesson, 'id' | 'version' | 'steps' | 'scenario'>;

class PlanProblem extends Error {}

export function planShareLink(lesson: PlannableLesson, hash: string): SharePlan | undefined {
  if (!isShareHash(hash)) return undefined;
  const decoded = decodeShareHash(hash);
  if (!decoded.ok) return { notices: [`This share link could not be opened: ${decoded.problem}.`] };
  const state = decoded.state;
  if (state.lessonId !== lesson.id) {
    return { notices: [`This share link is for the lesson “${state.lessonId}”, not this one.`] };
  }
  if (state.version !== lesson.version) return nearestStep(lesson, state);
  const target = lesson.steps.findIndex((step) => step.id === state.stepId);
  if (target === -1) return { notices: [`This share link names a step this lesson does not have (“${state.stepId}”).`] };
  try {
    const completedSteps = state.completed.map((index) => stepAt(lesson, index).id);
    return {
      options: { seed: state.seed, startAt: state.stepId, replay: { actions: replayedActions(lesson, state, target), completedSteps } },
      notices: omittedNotice(lesson, state, target),
    };
  } catch (error) {
    if (!(error instanceof PlanProblem)) throw error;
    const title = lesson.steps[target].title;
    return {
      options: { startAt: state.stepId },
      notices: [`This share link could not be replayed: ${error.message}. It opens at “${title}” as the lesson plays it.`],
    };
  }
}

function stepAt(lesson: PlannableLesson, index: number) {
  const step = lesson.steps[index];
  if (!step) throw new PlanProblem(`it names step ${index + 1}, and the lesson has ${lesson.steps.length}`);
  return step;
}

function nearestStep(lesson: PlannableLesson, state: ShareState): SharePlan {
  const same = lesson.steps.find((step) => step.id === state.stepId);
  const step = same ?? lesson.steps[Math.min(state.stepIndex, lesson.steps.length - 1)];
  return {
    options: { seed: state.seed, startAt: step.id },
    notices: [
      `This link was made with version ${state.version} of the lesson; this is version ${lesson.version}. ` +
        `It opens at the nearest step, “${step.title}”, without the actions of the person who shared it.`,
    ],
  };
}

/** Steps the learner completed although the link leaves out what they typed there: the stored solution stands in. */
function solvedInTheirPlace(lesson: PlannableLesson, state: ShareState, target: number): Set<number> {
  return new Set(
    state.omitted.filter((index) => {
      const step = lesson.steps[index];
      return index <= target && step?.handsOn && (step.solution?.length ?? 0) > 0 && state.completed.includes(index);
    }),
  );
}

function replayedActions(lesson: PlannableLesson, state: ShareState, target: number): LoggedAction[] {
  const solved = solvedInTheirPlace(lesson, state, target);
  const actions: LoggedAction[] = [];
  const solution = (index: number): LoggedAction[] =>
    (stepAt(lesson, index).solution ?? []).map((action) => ({ stepIndex: index, source: 'solution', action }));
  for (const index of state.omitted) stepAt(lesson, index);
  for (const entry of state.log) {
    const step = stepAt(lesson, entry.step);
    if (entry.step > target) throw new PlanProblem(`it logs an action in “${step.title}”, after the step it opens`);
    if (solved.has(entry.step)) continue;
    if (entry.action === undefined) {
      if (!step.solution?.length) throw new PlanProblem(`“${step.title}” has no stored solution to play`);
      actions.push(...solution(entry.step));
      continue;
    }
    const spec = lesson.scenario.actions[entry.action];
    if (!spec || !(step.actions ?? []).includes(entry.action)) {
      throw new PlanProblem(`“${step.title}” does not offer the action “${entry.action}”`);
    }
    const input = restoredInput(spec, entry.input);
    if (typeof input === 'string') throw new PlanProblem(input);
    actions.push({ stepIndex: entry.step, source: 'learner', action: { action: entry.action, input } });
  }
  // The stand-in solutions go where the step's own actions were: in step order among the others.
  for (const index of solved) actions.push(...solution(index));
  return actions.sort((a, b) => a.stepIndex - b.stepIndex);
}

function omittedNotice(lesson: PlannableLesson, state: ShareState, target: number): string[] {
  if (state.omitted.length === 0) return [];
  const solved = solvedInTheirPlace(lesson, state, target);
  const titles = (indexes: number[]) => indexes.map((index) => `“${lesson.steps[index].title}”`).join(', ');
  const standIn = state.omitted.filter((index) => solved.has(index));
  const missing = state.omitted.filter((index) => !solved.has(index));
  const parts = ['Share links never carry what a learner types (free text, numbers, files, terminal lines).'];
  if (standIn.length) parts.push(`In ${titles(standIn)} the lesson's own solution was played instead.`);
  if (missing.length) parts.push(`What was typed in ${titles(missing)} is not part of this replay.`);
  return [parts.join(' ')];
}
