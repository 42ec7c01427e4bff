/**
 * A terminal inside a lesson's world: the shell of src/cli on the scenario's own KMS and world, and
 * the one learner action that feeds it. Every line the learner runs is a learner action like a form's
 * ({ action: 'terminal', input: { line } }), so it is logged, replayed after back or reset, and
 * stored as a step's `solution` for the walkthrough test, exactly as form actions are.
 *
 *   createTerminalWorld({ clock, rng, files })  KMS (alias/tutorial seeded as in the sandbox), the
 *                                               sandbox's world of principals, and a shell on both
 *   createScenarioTerminal(shell)               the shell plus the transcript of the lines it ran
 *   terminalAction(), terminalLineOf(event)     (from ./terminal-action, re-exported here)
 *
 * A scenario offers the terminal by listing `terminal: terminalAction()` in its actions, returning
 * the terminal on its instance (`instance.terminal`) and running each 'terminal-line' event through
 * `terminal.run(line)` in its dispatch (where it also draws what the line did).
 */
import { createShell, type Shell } from '../cli/index';
import { createKms, type Kms } from '../kms/index';
import type { ModelClock } from '../sim/core/clock';
import type { Rng } from '../sim/core/rng';
import { createWorld, SANDBOX_WORLD, type World } from '../sim/world/index';
import { seedKms } from './sandbox/seed';
import type { ScenarioTerminal, TerminalLine } from './types';

export { TERMINAL_ACTION, TERMINAL_EVENT, terminalAction, terminalLineOf } from './terminal-action';
/** The region of a lesson's terminal, as in the sandbox. */
export const TERMINAL_REGION = 'eu-west-2';

export interface TerminalWorld {
  kms: Kms;
  world: World;
  terminal: ScenarioTerminal;
}

/**
 * The sandbox's parts, built on the scenario's clock and seeded randomness so a replay is exact.
 * Request quotas are off for the same reason as in the sandbox: the model clock moves only when a
 * lesson moves it, so a token bucket would never refill.
 */
export async function createTerminalWorld(options: { clock: ModelClock; rng: Rng; files?: Readonly<Record<string, string | Uint8Array>> }): Promise<TerminalWorld> {
  const { clock, rng, files } = options;
  const world = createWorld(SANDBOX_WORLD);
  const kms = createKms({ clock, rng: rng.fork(), accountId: SANDBOX_WORLD.accounts[0].id, quotas: false });
  await seedKms(kms, world, TERMINAL_REGION);
  const shell = createShell({ kms, clock, caller: () => world.caller(), region: TERMINAL_REGION, ...(files ? { files } : {}) });
  return { kms, world, terminal: createScenarioTerminal(shell) };
}

export function createScenarioTerminal(shell: Shell): ScenarioTerminal {
  const lines: TerminalLine[] = [];
  return {
    shell,
    lines,
    async run(line) {
      const result = await shell.run(line);
      const entry: TerminalLine = { line, stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode, ...(result.clear ? { clear: true } : {}) };
      lines.push(entry);
      return entry;
    },
  };
}
