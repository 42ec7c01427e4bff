/**
 * The LessonPlayer facade (contract in ../types.ts) over the player machine (machine.ts) and a
 * LessonRun (run.ts). Views use only this.
 *
 *   createLessonPlayer(lesson, { seed?, startAt? }) → LessonPlayer
 *     seed     defaults to the lesson's seed (lesson.md), so every learner sees the same run
 *     startAt  a step id (deep link); the steps before it are played, with the stored solutions of
 *              hands-on steps, so the step finds the world it expects. Unknown id → throws LessonError.
 *
 *   next / previous / goTo(stepId) / reset   never blocked while work is in flight: queued in order
 *   reset     restarts the CURRENT step: the world is rebuilt as it was when the step was entered
 *             (the learner's actions in this step are undone). goTo(first step id) restarts the lesson.
 *   act       rejects with ActionRejectedError when the current step does not offer the action or its
 *             toEvent refuses the input (the world is untouched, the player does not enter 'error');
 *             rejects with the scenario's error when the world throws (the player shows 'error').
 *   settled() resolves when no rebuild or dispatch is in flight and nothing is queued.
 *   getSnapshot() returns the same object until something changes; subscribe() is told of every change
 *             (not called at once: read getSnapshot() first), including each event the world emits while
 *             the learner watches (not during a replay).
 *   learnerLog() the actions (the learner's and stored solutions played for them) that built the world now
 *   snapshot.completedSteps is what the learner has achieved: it survives going back and reset, so a
 *             step can be listed as completed while its status is 'awaiting' again after a reset.
 */
import { createActor, type SnapshotFrom } from 'xstate';
import { LessonError, messageOf } from '../errors';
import { lessonSourceDir } from '../references';
import type { LearnerAction, Lesson, LessonPlayer, LoggedAction, PlayerSnapshot, ScenarioDecision, ScenarioPanel, StepStatus } from '../types';
import { playerMachine, type PlayerCommand } from './machine';
import { LessonRun } from './run';

export interface PlayerOptions {
  /** Seed of the world's randomness; default the lesson's `seed`. */
  seed?: number;
  /** Step id to open first (a deep link); default the first step. */
  startAt?: string;
  /**
   * An earlier run to rebuild (a share link, see src/lessons/share): the actions that built its world
   * (`learnerLog()`), replayed instead of the stored solutions up to `startAt` and then in that step, and
   * the steps it had completed. An action a step does not offer or whose input it refuses throws an
   * ActionRejectedError here, before anything runs.
   */
  replay?: { actions: readonly LoggedAction[]; completedSteps: readonly string[] };
}

type MachineSnapshot = SnapshotFrom<typeof playerMachine>;

export function stepIndexOf(lesson: Lesson, stepId: string): number {
  const index = lesson.steps.findIndex((step) => step.id === stepId);
  if (index === -1) {
    throw new LessonError([
      {
        file: lessonSourceDir(lesson),
        message: `there is no step "${stepId}" in this lesson (steps: ${lesson.steps.map((s) => s.id).join(', ')})`,
      },
    ]);
  }
  return index;
}

export function createLessonPlayer(lesson: Lesson, options: PlayerOptions = {}): LessonPlayer {
  const startIndex = options.startAt === undefined ? 0 : stepIndexOf(lesson, options.startAt);
  const listeners = new Set<(snapshot: PlayerSnapshot) => void>();
  let stopped = false;

  const run = new LessonRun(lesson, options.seed ?? lesson.seed, { onLiveEvent: () => publish() });
  const replay = options.replay;
  if (replay) run.restoreLog(startIndex, replay.actions);
  const completed = lesson.steps.filter((step) => replay?.completedSteps.includes(step.id)).map((step) => step.id);
  const actor = createActor(playerMachine, { input: { run, startIndex, completed } });
  let current = toPlayerSnapshot(lesson, run, actor.getSnapshot());

  function publish(): void {
    current = toPlayerSnapshot(lesson, run, actor.getSnapshot());
    for (const listener of [...listeners]) listener(current);
  }

  let machineState = actor.getSnapshot();
  actor.subscribe({
    next(state) {
      // An ignored command (Next on the last step…) changes nothing: keep the same snapshot object.
      if (state === machineState) return;
      machineState = state;
      publish();
    },
    error: (error) => console.error('lesson player stopped:', error),
  });
  actor.start();
  // The replayed step's own actions run once it is entered, queued like any early command; a refusal
  // leaves the step as it is (the share plan has checked them against the lesson already).
  for (const { stepIndex, action } of replay?.actions ?? []) {
    if (stepIndex === startIndex) actor.send({ type: 'ACT', action, resolve: () => {}, reject: () => {} });
  }

  /** After stop() commands are dropped quietly (a view may still send one while unmounting). */
  const send = (command: PlayerCommand) => {
    if (!stopped) actor.send(command);
  };
  const isSettled = (state: MachineSnapshot) =>
    stopped || ((state.matches('ready') || state.matches('failed')) && state.context.queue.length === 0);

  return {
    getSnapshot: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    next: () => send({ type: 'NEXT' }),
    previous: () => send({ type: 'PREVIOUS' }),
    goTo: (stepId) => send({ type: 'GOTO', index: stepIndexOf(lesson, stepId) }),
    reset: () => send({ type: 'RESET' }),
    act(action: LearnerAction) {
      if (stopped) return Promise.reject(new Error('The lesson player has stopped.'));
      return new Promise<void>((resolve, reject) => actor.send({ type: 'ACT', action, resolve, reject }));
    },
    settled() {
      return new Promise((resolve) => {
        if (isSettled(actor.getSnapshot())) return resolve(current);
        const subscription = actor.subscribe((state) => {
          if (!isSettled(state)) return;
          subscription.unsubscribe();
          resolve(current);
        });
      });
    },
    get scenarioState() {
      return run.world?.instance.state;
    },
    get terminal() {
      return run.world?.instance.terminal;
    },
    learnerLog() {
      return run.log.flatMap((entry) => {
        if (entry.source === 'enter' || entry.source === 'send') return [];
        const action = run.actionOf(entry.event);
        return action ? [{ stepIndex: entry.stepIndex, source: entry.source, action }] : [];
      });
    },
    stop() {
      if (stopped) return;
      stopped = true;
      const { queue, pendingAct } = actor.getSnapshot().context;
      actor.stop();
      for (const command of [...queue, ...(pendingAct ? [pendingAct] : [])]) {
        if (command.type === 'ACT') command.reject(new Error('The lesson player has stopped.'));
      }
      listeners.clear();
    },
  };
}

function toPlayerSnapshot(lesson: Lesson, run: LessonRun, state: MachineSnapshot): PlayerSnapshot {
  const { target, fresh, completed } = state.context;
  const step = lesson.steps[target];
  const busy = !state.matches('ready') && !state.matches('failed');
  // A rebuild or a jump over several steps is a replay; entering the next step is not.
  const replaying = state.matches('preparing') && (fresh || target > run.stepIndex + 1);
  const onStep = run.stepIndex === target;

  let error = state.context.error;
  let holdings = {};
  try {
    holdings = run.holdings();
  } catch (thrown) {
    error ??= `The scenario could not say who holds what: ${messageOf(thrown)}`;
  }
  let decisions: ScenarioDecision[] = [];
  try {
    decisions = run.decisions();
  } catch (thrown) {
    error ??= `The scenario could not list its access decisions: ${messageOf(thrown)}`;
  }
  let panels: ScenarioPanel[] = [];
  try {
    panels = run.panels();
  } catch (thrown) {
    error ??= `The scenario could not draw its panels: ${messageOf(thrown)}`;
  }

  const status: StepStatus =
    error !== undefined ? 'error'
    : replaying ? 'replaying'
    : !step.handsOn ? 'narration'
    : onStep && run.checkHeld ? 'complete'
    : 'awaiting';
  const check = step.await === undefined ? undefined : lesson.scenario.checks[step.await];

  return {
    lessonId: lesson.id,
    stepIndex: target,
    stepId: step.id,
    status,
    events: run.events.slice(),
    stepEventsFrom: onStep ? run.stepEventsFrom : run.events.length,
    ...(status === 'awaiting' && check && step.await ? { pendingCheck: { id: step.await, description: check.description } } : {}),
    completedSteps: completed,
    holdings,
    ...(decisions.length > 0 ? { decisions } : {}),
    ...(panels.length > 0 ? { panels } : {}),
    canNext: target < lesson.steps.length - 1,
    canPrevious: target > 0,
    busy,
    ...(error === undefined ? {} : { error }),
  };
}
