/**
 * The test every lesson's scenario.test.ts runs for the diagram's focus, written once: every
 * message label a step's frontmatter focuses on (focus.messages) must have been sent by the time
 * that step has played, or the diagram would light nothing.
 */
import { expect, it } from 'vitest';
import type { LearnerActionSpec, Step } from '../../src/lessons/types';
import type { SimEvent } from '../../src/sim/core/events';

interface FocusRunner {
  readonly events: readonly SimEvent[];
  playThrough(stepId: string): Promise<void>;
  act(action: { action: string; input: Record<string, string> }): Promise<void>;
}

export interface FocusedMessages {
  steps: readonly Pick<Step, 'id' | 'actions' | 'focus'>[];
  /** A fresh world that plays the steps' own frontmatter (createStepRunner). */
  start: () => Promise<FocusRunner>;
  /**
   * The scenario's actions, when a step's focus needs them tried: each action a step offers is
   * then submitted once with its fields' defaults after the step has played.
   */
  tryActions?: Readonly<Record<string, LearnerActionSpec>>;
  /** Time allowed for the whole walk (default: the runner's). */
  timeout?: number;
}

const labelsOf = (events: readonly SimEvent[]) => new Set(events.flatMap((e) => (e.type === 'message' ? [e.label] : [])));

export function itShowsEveryFocusedMessage({ steps, start, tryActions, timeout }: FocusedMessages): void {
  const title = tryActions ? 'shows every message a step focuses on, once its actions have been tried' : 'shows every message a step focuses on';
  it(title, async () => {
    const runner = await start();
    for (const step of steps) {
      await runner.playThrough(step.id);
      for (const name of tryActions ? step.actions ?? [] : []) {
        const defaults = Object.fromEntries((tryActions![name].fields ?? []).map((f) => [f.name, f.default ?? '']));
        await runner.act({ action: name, input: defaults });
      }
      const labels = labelsOf(runner.events);
      for (const label of step.focus?.messages ?? []) expect(labels, `${step.id} focuses on "${label}"`).toContain(label);
    }
  }, timeout);
}
