/**
 * The test every lesson's scenario.test.ts runs for its named checks, written once: each check is
 * false in a fresh world and just before the step that should satisfy it, and true right after.
 * A check that is already true earlier, or never becomes true, means prose and scenario drifted.
 */
import { expect, it } from 'vitest';

interface CheckRunner {
  check(name: string): boolean;
  playThrough(stepId: string): Promise<void>;
}

export interface CheckTiming {
  steps: readonly { id: string }[];
  /** The scenario's checks: every one must be listed in `checkSteps`. */
  checks: Readonly<Record<string, unknown>>;
  /** [check name, id of the step that makes it true]. */
  checkSteps: readonly (readonly [string, string])[];
  /** A fresh world that plays the steps' own frontmatter (createStepRunner). */
  start: () => Promise<CheckRunner>;
}

export function itTimesEveryCheck({ steps, checks, checkSteps, start }: CheckTiming): void {
  it('names a test here for every check of the scenario', () => {
    expect(checkSteps.map(([name]) => name).sort()).toEqual(Object.keys(checks).sort());
  });

  for (const [name, stepId] of checkSteps) {
    it(`${name}: false in a fresh world and before step ${stepId}, true after it`, async () => {
      const runner = await start();
      expect(runner.check(name)).toBe(false);
      const index = steps.findIndex((s) => s.id === stepId);
      expect(index, `step ${stepId} exists`).toBeGreaterThanOrEqual(0);
      if (index > 0) {
        await runner.playThrough(steps[index - 1].id);
        expect(runner.check(name), `before ${stepId}`).toBe(false);
      }
      await runner.playThrough(stepId);
      expect(runner.check(name), `after ${stepId}`).toBe(true);
    }, 30_000);
  }
}
