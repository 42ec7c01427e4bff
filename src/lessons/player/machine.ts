/**
 * The lesson player as an XState v5 machine. It sequences the work of a LessonRun (run.ts) and keeps
 * what the learner achieved; it never holds a copy of the world.
 *
 *   preparing  rebuild the world from the log (fresh world, same seed) and/or skip forward to the
 *              target step; shown as status 'replaying'
 *   entering   dispatch the target step's `send` events, live
 *   ready      waiting for the learner: narration, awaiting or complete (derived from the run)
 *   acting     dispatching a learner action, live
 *   failed     the scenario threw; the prose still shows. Any navigation rebuilds from the log,
 *              which holds only events that applied, so the learner can always get out.
 *
 * Commands that arrive while work is in flight are queued and run in order once it is done, so
 * pressing "Next" twice quickly moves two steps and nothing is lost or interleaved.
 *
 * Product decision: "Next" is never blocked by an unfinished hands-on step. A learner may move on
 * (canNext stays true) — forcing them to finish frustrates people who only want to read — but the
 * step is not marked complete, and no stored solution is played for them; the world stays as they
 * left it. Jumping forward with goTo (deep links) does play the solutions of the steps jumped over,
 * because the target step's prose assumes the world the lesson expects.
 */
import { assign, enqueueActions, fromPromise, setup } from 'xstate';
import { ActionRejectedError, messageOf } from '../errors';
import type { LearnerAction } from '../types';
import type { LessonRun } from './run';

export interface ActCommand {
  type: 'ACT';
  action: LearnerAction;
  resolve(): void;
  reject(error: Error): void;
}

export type PlayerCommand =
  | { type: 'NEXT' }
  | { type: 'PREVIOUS' }
  | { type: 'GOTO'; index: number }
  | { type: 'RESET' }
  | ActCommand;

export interface PlayerContext {
  run: LessonRun;
  /** The step being prepared or entered. */
  target: number;
  /** Whether `preparing` starts from a fresh world (back, reset, recovery) or continues this one (forward jump). */
  fresh: boolean;
  /** Step ids the learner has completed, in lesson order. Going back does not take them away. */
  completed: string[];
  error?: string;
  queue: PlayerCommand[];
  pendingAct?: ActCommand;
}

export interface PlayerInput {
  run: LessonRun;
  startIndex: number;
  /** Steps already completed (a share link's replay), in lesson order. */
  completed?: string[];
}

type Navigation = Exclude<PlayerCommand, ActCommand>;

/**
 * Where a navigation command leads from step `current` (undefined: nowhere, e.g. "Next" on the last step).
 * goTo the current step leads nowhere: a view that syncs the URL may call it, and it must not undo the
 * learner's work (that is what reset is for).
 */
function destination(command: Navigation, current: number, last: number): number | undefined {
  if (command.type === 'GOTO' && command.index === current) return undefined;
  const target =
    command.type === 'NEXT' ? current + 1
    : command.type === 'PREVIOUS' ? current - 1
    : command.type === 'GOTO' ? command.index
    : current;
  return target < 0 || target > last ? undefined : target;
}

/** While work is in flight every command waits its turn (see runNextQueued). */
const queueWhileBusy = {
  NEXT: { actions: 'enqueue' },
  PREVIOUS: { actions: 'enqueue' },
  GOTO: { actions: 'enqueue' },
  RESET: { actions: 'enqueue' },
  ACT: { actions: 'enqueue' },
} as const;

const asNavigation = ({ event }: { event: PlayerCommand }) => event as Navigation;
/** Forward: keep this world and enter (or skip to) the target step. */
const goForward = {
  guard: { type: 'leadsForward', params: asNavigation },
  target: 'preparing',
  actions: { type: 'target', params: (args: { event: PlayerCommand }) => ({ command: asNavigation(args), fresh: false }) },
} as const;
/** Back, the same step again (reset), or anywhere after an error: a fresh world rebuilt from the log. */
const rebuild = {
  guard: { type: 'leadsAnywhere', params: asNavigation },
  target: 'preparing',
  actions: { type: 'target', params: (args: { event: PlayerCommand }) => ({ command: asNavigation(args), fresh: true }) },
} as const;

export const playerMachine = setup({
  types: {
    context: {} as PlayerContext,
    events: {} as PlayerCommand,
    input: {} as PlayerInput,
  },
  actors: {
    prepare: fromPromise<void, { run: LessonRun; target: number; fresh: boolean }>(async ({ input }) => {
      if (input.fresh) await input.run.rebuildBefore(input.target);
      await input.run.skipBefore(input.target);
    }),
    enter: fromPromise<void, { run: LessonRun; target: number }>(({ input }) => input.run.enter(input.target)),
    act: fromPromise<void, { run: LessonRun; action: LearnerAction }>(({ input }) => input.run.act(input.action)),
  },
  guards: {
    leadsForward: ({ context }, command: Navigation) => {
      const target = destination(command, context.run.stepIndex, context.run.lesson.steps.length - 1);
      return target !== undefined && target > context.run.stepIndex && command.type !== 'RESET';
    },
    leadsAnywhere: ({ context }, command: Navigation) =>
      destination(command, context.run.stepIndex, context.run.lesson.steps.length - 1) !== undefined,
    rejectedAction: (_, error: unknown) => error instanceof ActionRejectedError,
  },
  actions: {
    target: assign(({ context }, params: { command: Navigation; fresh: boolean }) => ({
      target: destination(params.command, context.run.stepIndex, context.run.lesson.steps.length - 1) ?? context.run.stepIndex,
      fresh: params.fresh,
      error: undefined,
    })),
    enqueue: assign(({ context, event }) => ({ queue: [...context.queue, event] })),
    runNextQueued: enqueueActions(({ context, enqueue }) => {
      const [first, ...rest] = context.queue;
      if (!first) return;
      enqueue.assign({ queue: rest });
      enqueue.raise(first);
    }),
    markCompletion: assign(({ context }) => {
      const step = context.run.step;
      if (!step || context.completed.includes(step.id)) return {};
      if (step.handsOn && !context.run.checkHeld) return {};
      const done = new Set([...context.completed, step.id]);
      return { completed: context.run.lesson.steps.filter((s) => done.has(s.id)).map((s) => s.id) };
    }),
    recordError: assign((_, params: { error: unknown }) => ({ error: messageOf(params.error) })),
    settleAct: ({ context }, params: { error?: unknown }) => {
      if (params.error === undefined) context.pendingAct?.resolve();
      else context.pendingAct?.reject(params.error instanceof Error ? params.error : new Error(messageOf(params.error)));
    },
  },
}).createMachine({
  id: 'lessonPlayer',
  context: ({ input }) => ({
    run: input.run,
    target: input.startIndex,
    fresh: true,
    completed: input.completed ?? [],
    queue: [],
  }),
  initial: 'preparing',
  states: {
    preparing: {
      invoke: {
        src: 'prepare',
        input: ({ context }) => ({ run: context.run, target: context.target, fresh: context.fresh }),
        onDone: 'entering',
        onError: { target: 'failed', actions: { type: 'recordError', params: ({ event }) => ({ error: event.error }) } },
      },
      on: queueWhileBusy,
    },
    entering: {
      invoke: {
        src: 'enter',
        input: ({ context }) => ({ run: context.run, target: context.target }),
        onDone: 'ready',
        onError: { target: 'failed', actions: { type: 'recordError', params: ({ event }) => ({ error: event.error }) } },
      },
      on: queueWhileBusy,
    },
    acting: {
      invoke: {
        src: 'act',
        input: ({ context }) => ({ run: context.run, action: context.pendingAct!.action }),
        onDone: { target: 'ready', actions: [{ type: 'settleAct', params: {} }, assign({ pendingAct: undefined })] },
        onError: [
          {
            // A refused action leaves the world untouched: tell the caller, stay where we are.
            guard: { type: 'rejectedAction', params: ({ event }: { event: { error: unknown } }) => event.error },
            target: 'ready',
            actions: [{ type: 'settleAct', params: ({ event }) => ({ error: event.error }) }, assign({ pendingAct: undefined })],
          },
          {
            target: 'failed',
            actions: [
              { type: 'settleAct', params: ({ event }) => ({ error: event.error }) },
              assign({ pendingAct: undefined }),
              { type: 'recordError', params: ({ event }) => ({ error: event.error }) },
            ],
          },
        ],
      },
      on: queueWhileBusy,
    },
    ready: {
      entry: ['markCompletion', 'runNextQueued'],
      on: {
        NEXT: [goForward, rebuild],
        PREVIOUS: [goForward, rebuild],
        GOTO: [goForward, rebuild],
        RESET: [goForward, rebuild],
        ACT: { target: 'acting', actions: assign({ pendingAct: ({ event }) => event }) },
      },
    },
    failed: {
      entry: 'runNextQueued',
      on: {
        NEXT: rebuild,
        PREVIOUS: rebuild,
        GOTO: rebuild,
        RESET: rebuild,
        ACT: {
          actions: ({ event }: { event: PlayerCommand }) =>
            (event as ActCommand).reject(new ActionRejectedError('The lesson stopped on an error. Reset the step to try again.')),
        },
      },
    },
  },
});
