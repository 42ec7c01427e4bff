/**
 * One learner's run through a lesson: the scenario world, the event log that rebuilds it, and where
 * the learner is. The player machine (machine.ts) decides WHEN these operations run; this file is
 * WHAT they do. It never restores a snapshot: every rebuild is a fresh world (same seed, fresh clock,
 * fresh stream) with the log replayed from the start.
 *
 *   new LessonRun(lesson, seed, { onLiveEvent })
 *   rebuildBefore(k)  fresh world + replay of the log entries before step k (the log is cut there)
 *   skipBefore(k)     enter the steps between the current one and k, playing stored solutions of
 *                     unfinished hands-on steps, so a deep link finds the world the lesson expects
 *   enter(k)          step k: dispatch its `send` events (live, for the views)
 *   act(action)       a learner action of the current step → scenario event → dispatch (live)
 *   restoreLog(k, actions)  before the first rebuild: the log of steps before k from logged actions (a share link)
 *   checkHeld         the current step's `await` check has held since the step was entered
 *
 * The log records, in order and with their step index: entering a step, the scripted `send` events,
 * solutions played on the learner's behalf, and the learner's own events.
 */
import type { Payload, SimEvent } from '../../sim/core/events';
import { ActionRejectedError } from '../errors';
import type { LearnerAction, Lesson, LoggedAction, ScenarioDecision, ScenarioEvent, ScenarioPanel, Step } from '../types';
import { createWorld, type World } from './world';

export type LogEntry =
  | { stepIndex: number; source: 'enter' }
  | { stepIndex: number; source: 'send' | 'solution' | 'learner'; event: ScenarioEvent };

export interface RunHooks {
  /** Called for each event the world emits while the learner is watching (not while replaying). */
  onLiveEvent?(event: SimEvent): void;
}

export class LessonRun {
  readonly lesson: Lesson;
  readonly seed: number;
  world: World | undefined;
  log: LogEntry[] = [];
  /** The step last entered; -1 before the first. */
  stepIndex = -1;
  /** Index into the world's events where the current step's events begin. */
  stepEventsFrom = 0;
  checkHeld = false;
  readonly #hooks: RunHooks;
  /** The learner action each learner or solution event of the log came from (share links carry actions). */
  readonly #actions = new WeakMap<ScenarioEvent, LearnerAction>();
  #live = false;

  constructor(lesson: Lesson, seed: number, hooks: RunHooks = {}) {
    this.lesson = lesson;
    this.seed = seed;
    this.#hooks = hooks;
  }

  get step(): Step | undefined {
    return this.lesson.steps[this.stepIndex];
  }

  /** The learner action a logged event came from, when it came from one. */
  actionOf(event: ScenarioEvent): LearnerAction | undefined {
    return this.#actions.get(event);
  }

  get events(): readonly SimEvent[] {
    return this.world?.stream.events ?? [];
  }

  holdings(): Record<string, Payload[]> {
    if (!this.world || !this.lesson.scenario.holdings) return {};
    return this.lesson.scenario.holdings(this.world.instance.state);
  }

  decisions(): ScenarioDecision[] {
    if (!this.world || !this.lesson.scenario.decisions) return [];
    return this.lesson.scenario.decisions(this.world.instance.state);
  }

  panels(): ScenarioPanel[] {
    if (!this.world || !this.lesson.scenario.panels) return [];
    return this.lesson.scenario.panels(this.world.instance.state);
  }

  async rebuildBefore(index: number): Promise<void> {
    const world = await createWorld(this.lesson.scenario, this.seed);
    world.stream.subscribe((event) => {
      if (this.#live && this.world === world) this.#hooks.onLiveEvent?.(event);
    });
    const kept = this.log.filter((entry) => entry.stepIndex < index);
    let stepIndex = -1;
    for (const entry of kept) {
      if (entry.source === 'enter') stepIndex = entry.stepIndex;
      else await world.instance.dispatch(entry.event);
    }
    // Swap only once the replay is complete: views keep the old world until the new one is ready.
    this.world = world;
    this.log = kept;
    this.stepIndex = stepIndex;
    this.checkHeld = false;
    this.stepEventsFrom = world.stream.events.length;
  }

  async skipBefore(index: number): Promise<void> {
    for (let i = this.stepIndex + 1; i < index; i++) {
      await this.enter(i, false);
      const step = this.lesson.steps[i];
      if (step.handsOn && !this.checkHeld) {
        for (const action of step.solution ?? []) await this.#dispatch(i, 'solution', this.#toEvent(action), false, action);
      }
    }
  }

  async enter(index: number, live = true): Promise<void> {
    const step = this.lesson.steps[index];
    if (!step) throw new RangeError(`step ${index} does not exist in lesson "${this.lesson.id}"`);
    if (!this.world) await this.rebuildBefore(0);
    this.log.push({ stepIndex: index, source: 'enter' });
    this.stepIndex = index;
    this.stepEventsFrom = this.events.length;
    this.checkHeld = false;
    this.#evaluateCheck();
    for (const event of step.send ?? []) await this.#dispatch(index, 'send', event, live);
  }

  /** Rejects with ActionRejectedError (world untouched) if the step does not offer the action or its input is refused. */
  async act(action: LearnerAction): Promise<void> {
    const step = this.step;
    if (!step || !(step.actions ?? []).includes(action.action)) {
      const offered = step?.actions?.join(', ') || 'none';
      throw new ActionRejectedError(
        `The action "${action.action}" is not available in the step "${step?.title ?? 'before the first step'}" (available: ${offered}).`,
      );
    }
    await this.#dispatch(this.stepIndex, 'learner', this.#toEvent(action), true, action);
  }

  /**
   * Starts the log from an earlier run (a share link), before any world is built: for each step before
   * `index`, entering it, its scripted events and the given actions taken in it, in the order the player
   * logs them; the first rebuild replays them. Throws ActionRejectedError (nothing changed) when a step
   * does not offer an action or refuses its input.
   */
  restoreLog(index: number, actions: readonly LoggedAction[]): void {
    const log: LogEntry[] = [];
    for (let i = 0; i < index; i++) {
      const step = this.lesson.steps[i];
      log.push({ stepIndex: i, source: 'enter' });
      for (const event of step.send ?? []) log.push({ stepIndex: i, source: 'send', event });
      for (const { stepIndex, source, action } of actions) {
        if (stepIndex !== i) continue;
        if (!(step.actions ?? []).includes(action.action)) {
          throw new ActionRejectedError(`The step "${step.title}" does not offer the action "${action.action}".`);
        }
        const event = this.#toEvent(action);
        this.#actions.set(event, action);
        log.push({ stepIndex: i, source, event });
      }
    }
    this.log = log;
  }

  #toEvent(action: LearnerAction): ScenarioEvent {
    const spec = this.lesson.scenario.actions[action.action];
    if (!spec) throw new ActionRejectedError(`The scenario has no action "${action.action}".`);
    try {
      return spec.toEvent(action.input ?? {});
    } catch (error) {
      throw new ActionRejectedError(error instanceof Error ? error.message : String(error));
    }
  }

  async #dispatch(
    stepIndex: number,
    source: 'send' | 'solution' | 'learner',
    event: ScenarioEvent,
    live: boolean,
    action?: LearnerAction,
  ): Promise<void> {
    const world = this.world;
    if (!world) throw new Error('the world is not built yet');
    this.#live = live;
    try {
      await world.instance.dispatch(event);
    } finally {
      this.#live = false;
    }
    // Logged only once applied: a rebuild after a failing event returns to the world before it.
    this.log.push({ stepIndex, source, event });
    if (action) this.#actions.set(event, action);
    this.#evaluateCheck();
  }

  /** Checked after every dispatch; once the check holds the step stays complete for this visit. */
  #evaluateCheck(): void {
    const name = this.step?.await;
    if (name === undefined || this.checkHeld || !this.world) return;
    const check = this.lesson.scenario.checks[name];
    if (!check) throw new Error(`the step "${this.step?.id}" awaits check "${name}", which the scenario does not define`);
    this.checkHeld = check.test(this.world.instance.state, this.world.stream.events);
  }
}
