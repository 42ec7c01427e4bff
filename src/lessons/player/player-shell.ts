/**
 * The shell a lesson page gives its Terminal: the scenario terminal's own shell for everything that
 * only reads (prompt, history, completion), and the player for every line that runs, so each line
 * becomes a logged learner action ({ action: 'terminal', input: { line } }) that a rebuild replays.
 *
 *   playerShell(player, terminal) → Shell   (one per world: a rebuild brings a new terminal)
 *
 * Lines go to the player one at a time, so the line the scenario ran last is the one just sent.
 * A refused line (the step does not offer the terminal, an invalid line) or a world that threw comes
 * back as an error on the screen with exit status 1, as a shell reports a failed command.
 */
import type { Shell, ShellResult } from '../../cli/index';
// Straight from its file: the CLI's barrel would pull the whole emulator into the lesson engine.
import { withRun } from '../../cli/shell/with-run';
import { messageOf } from '../errors';
import { TERMINAL_ACTION } from '../terminal-action';
import type { LessonPlayer, ScenarioTerminal } from '../types';

export function playerShell(player: Pick<LessonPlayer, 'act'>, terminal: ScenarioTerminal): Shell {
  const { shell } = terminal;
  let queue: Promise<unknown> = Promise.resolve();

  async function runThroughPlayer(line: string): Promise<ShellResult> {
    // A blank line changes nothing in the world: the shell answers it without a logged action.
    if (line.trim() === '') return shell.run(line);
    const before = terminal.lines.length;
    try {
      await player.act({ action: TERMINAL_ACTION, input: { line } });
    } catch (error) {
      return { stdout: '', stderr: `${messageOf(error)}\n`, exitCode: 1 };
    }
    const ran = terminal.lines.length > before ? terminal.lines.at(-1) : undefined;
    return ran ? { stdout: ran.stdout, stderr: ran.stderr, exitCode: ran.exitCode, ...(ran.clear ? { clear: true } : {}) } : { stdout: '', stderr: '', exitCode: 0 };
  }

  return withRun(shell, (line) => {
    const result = queue.then(() => runThroughPlayer(line));
    queue = result;
    return result;
  });
}
