/**
 * The stored walkthrough, played headlessly through the real player: the guarantee that a lesson's
 * prose, scenario and checks agree (every lesson is replayed by test/unit/lessons/walkthrough.test.ts).
 *
 *   replayWalkthrough(lesson) → Promise<WalkthroughReport>, or throws a LessonError naming the step file:
 *     - the lesson's references are checked first (references.ts)
 *     - each step is entered with "Next"; a scenario error fails the step
 *     - a hands-on step performs its `solution` actions through `act` (as a learner would); its `await`
 *       check must hold afterwards
 *     - finally the current step is reset, which rebuilds the world from the event log in a fresh
 *       world: the replay must give the same messages and notes in the same order (bytes may differ:
 *       keys come from WebCrypto, so only the shape of each event is compared)
 */
import type { SimEvent } from '../sim/core/events';
import { LessonError, messageOf } from './errors';
import { createLessonPlayer } from './player/player';
import { lessonReferenceProblems } from './references';
import type { Lesson, LessonPlayer, Step, StepStatus } from './types';

export interface WalkthroughReport {
  lessonId: string;
  steps: { id: string; status: StepStatus; events: number }[];
  events: readonly SimEvent[];
}

export async function replayWalkthrough(lesson: Lesson): Promise<WalkthroughReport> {
  const problems = lessonReferenceProblems(lesson);
  if (problems.length > 0) throw new LessonError(problems, lesson);

  const player = createLessonPlayer(lesson);
  try {
    const steps: WalkthroughReport['steps'] = [];
    for (const step of lesson.steps) {
      if (step.index > 0) player.next();
      const entered = await player.settled();
      if (entered.stepId !== step.id) fail(step, undefined, `the player is at step "${entered.stepId}" instead`);
      if (entered.status === 'error') fail(step, 'send', `entering the step failed: ${entered.error}`);
      if (step.handsOn) await solve(player, step, lesson);
      const done = player.getSnapshot();
      steps.push({ id: step.id, status: done.status, events: done.events.length - done.stepEventsFrom });
    }
    const played = player.getSnapshot().events;
    player.reset();
    const last = lesson.steps[lesson.steps.length - 1];
    const rebuilt = await player.settled();
    if (rebuilt.status === 'error') fail(last, undefined, `rebuilding the world from the event log failed: ${rebuilt.error}`);
    // Reset starts the current step again: a hands-on last step is solved once more, then compared.
    if (last.handsOn) await solve(player, last, lesson);
    const replayed = player.getSnapshot();
    compareShapes(played, replayed.events, last);
    return { lessonId: lesson.id, steps, events: played };
  } finally {
    player.stop();
  }
}

async function solve(player: LessonPlayer, step: Step, lesson: Lesson): Promise<void> {
  for (const [i, action] of (step.solution ?? []).entries()) {
    try {
      await player.act(action);
    } catch (error) {
      fail(step, `solution[${i}]`, `the action "${action.action}" failed: ${messageOf(error)}`);
    }
  }
  const snapshot = player.getSnapshot();
  if (snapshot.status !== 'complete') {
    const check = lesson.scenario.checks[step.await ?? '']?.description ?? '';
    const solution = (step.solution ?? []).map((a) => a.action).join(', ') || 'no actions';
    fail(step, 'await', `check "${step.await}" ("${check}") does not hold after the stored solution (${solution}); the step is ${snapshot.status}`);
  }
}

/** What a replay must reproduce: who sent what to whom, and what each actor noted; not the bytes. */
function shapeOf(event: SimEvent): string {
  return event.type === 'message'
    ? `message ${event.from}→${event.to} "${event.label}" ${event.outcome ?? 'delivered'} [${event.carries.map((p) => p.kind).join(',')}]`
    : `note ${event.actor} ${event.tone ?? 'info'}`;
}

function compareShapes(played: readonly SimEvent[], replayed: readonly SimEvent[], step: Step): void {
  const a = played.map(shapeOf);
  const b = replayed.map(shapeOf);
  const at = a.findIndex((shape, i) => shape !== b[i]);
  if (at === -1 && a.length === b.length) return;
  const index = at === -1 ? Math.min(a.length, b.length) : at;
  fail(step, undefined, `replaying the event log in a fresh world gave different events (is the scenario deterministic for its seed?): event #${index} was ${a[index] ?? 'absent'}, the replay gave ${b[index] ?? 'nothing'}`);
}

function fail(step: Step, field: string | undefined, message: string): never {
  throw new LessonError([{ file: step.file, ...(field === undefined ? {} : { field }), message: `walkthrough: ${message}` }]);
}
