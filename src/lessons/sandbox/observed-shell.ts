import type { Shell } from '../../cli/index.ts';

/**
 * The shell as the session hands it out: the same shell, but every finished line is reported,
 * because a line can change files, the history or the directory (and those are saved).
 */
export function observedShell(shell: Shell, lineDone: () => void): Shell {
  return {
    async run(line) {
      try {
        return await shell.run(line);
      } finally {
        lineDone();
      }
    },
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
