import { type Shell, withRun } from '../../cli/index.ts';

/**
 * The shell as the session hands it out: the same shell, but every finished line is reported,
 * because a line can change files, the history or the directory (and those are saved).
 */
export function observedShell(shell: Shell, lineDone: () => void): Shell {
  return withRun(shell, async (line) => {
    try {
      return await shell.run(line);
    } finally {
      lineDone();
    }
  });
}
