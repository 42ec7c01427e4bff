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

export const clearCommand: ShellCommand = {
  name: 'clear',
  summary: 'clear the terminal screen',
  run(ctx) {
    ctx.session.requestClear();
    return 0;
  },
};

export const trueCommand: ShellCommand = { name: 'true', summary: 'do nothing, successfully (status 0)', run: () => 0 };
export const falseCommand: ShellCommand = { name: 'false', summary: 'do nothing, unsuccessfully (status 1)', run: () => 1 };
export const colonCommand: ShellCommand = { name: ':', summary: 'do nothing (status 0)', run: () => 0 };
