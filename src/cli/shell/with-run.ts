import type { Shell, ShellResult } from './create-shell.ts';

/**
 * The same shell with another way to run a line: everything that only reads (prompt, history,
 * completion, files) stays the shell's own. Views that log, report or replay each line wrap the
 * shell with this instead of forwarding every member by hand.
 */
export function withRun(shell: Shell, run: (line: string) => Promise<ShellResult>): Shell {
  return {
    run,
    complete: (line, cursor) => shell.complete(line, cursor),
    register: (command) => shell.register(command),
    prompt: () => shell.prompt(),
    get fs() {
      return shell.fs;
    },
    get env() {
      return shell.env;
    },
    get variables() {
      return shell.variables;
    },
    get history() {
      return shell.history;
    },
    get cwd() {
      return shell.cwd;
    },
  };
}
