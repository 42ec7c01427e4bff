/** bash's history (with -c and a count), clear, true, false and `:`. */
import type { ShellCommand } from '../command.ts';

export const historyCommand: ShellCommand = {
  name: 'history',
  summary: 'list the lines typed so far (history N: the last N; -c: clear)',
  run(ctx) {
    const args = ctx.argv.slice(1);
    if (args[0] === '-c') {
      ctx.session.clearHistory();
      return 0;
    }
    if (args.length > 1) {
      ctx.stderr.write('bash: history: too many arguments\n');
      return 1;
    }
    if (args[0] !== undefined && !/^[0-9]+$/.test(args[0])) {
      ctx.stderr.write(`bash: history: ${args[0]}: numeric argument required\n`);
      return 1;
    }
    const lines = ctx.session.history;
    const base = ctx.session.historyBase;
    const first = args[0] === undefined ? 0 : Math.max(0, lines.length - Number(args[0]));
    for (let i = first; i < lines.length; i++) ctx.stdout.write(`${String(base + i + 1).padStart(5)}  ${lines[i]}\n`);
    return 0;
  },
};

const CLEAR_USAGE = `Usage: clear [options]

Options:
  -T TERM     use this instead of $TERM
  -V          print curses-version
  -x          do not try to clear scrollback
`;

/**
 * ncurses' clear (getopt "T:Vx", its messages and usage, status 1 for a mistake; an operand is a
 * mistake). Options are read in order, so -V prints the version at once. -T names a terminal type and -x keeps the
 * scrollback on a real terminal; this terminal's screen is its scrollback, so both clear it.
 */
export const clearCommand: ShellCommand = {
  name: 'clear',
  summary: 'clear the terminal screen',
  run(ctx) {
    const args = ctx.argv.slice(1);
    const fail = (message: string) => {
      ctx.stderr.write(message + CLEAR_USAGE);
      return 1;
    };
    let operands = 0;
    for (let i = 0; i < args.length; i++) {
      if (args[i] === '--') {
        operands += args.length - i - 1;
        break;
      }
      if (!args[i].startsWith('-') || args[i] === '-') {
        operands++; // glibc's getopt reads options after operands too
        continue;
      }
      for (let k = 1; k < args[i].length; k++) {
        const letter = args[i][k];
        if (letter === 'V') {
          ctx.stdout.write('ncurses 6.4.20221231\n');
          return 0;
        }
        if (letter === 'x') continue;
        if (letter !== 'T') return fail(`clear: invalid option -- '${letter}'\n`);
        if (k + 1 < args[i].length) break; // -Tvalue
        if (i + 1 >= args.length) return fail(`clear: option requires an argument -- 'T'\n`);
        i++;
        break;
      }
    }
    if (operands > 0) return fail('');
    ctx.session.requestClear();
    return 0;
  },
};

export const trueCommand: ShellCommand = { name: 'true', summary: 'do nothing, successfully (status 0)', run: () => 0 };
export const falseCommand: ShellCommand = { name: 'false', summary: 'do nothing, unsuccessfully (status 1)', run: () => 1 };
export const colonCommand: ShellCommand = { name: ':', summary: 'do nothing (status 0)', run: () => 0 };
