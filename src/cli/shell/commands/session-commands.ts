/** bash's history, ncurses' clear, true, false and `:`. */
import type { CommandContext, ShellCommand } from '../command.ts';

const HISTORY_USAGE = 'history: usage: history [-c] [-d offset] [n] or history -anrw [filename] or history -ps arg [arg...]\n';

/** bash's legal_number: an optional sign and digits, blanks around allowed. */
function legalNumber(text: string): number | undefined {
  return /^\s*[+-]?\d+\s*$/.test(text) ? Number(text) : undefined;
}

/** Options as bash's internal_getopt reads them for `history` ("acd:npsrw"), before the operands. */
function historyOptions(args: readonly string[]): { flags: Set<string>; deleteArg?: string; operands: string[] } | string {
  const flags = new Set<string>();
  let deleteArg: string | undefined;
  let i = 0;
  for (; i < args.length; i++) {
    const word = args[i];
    if (word === '--') {
      i++;
      break;
    }
    if (!word.startsWith('-') || word === '-') break;
    for (let k = 1; k < word.length; k++) {
      const letter = word[k];
      if (!'acdnpsrw'.includes(letter)) return `bash: history: -${letter}: invalid option\n${HISTORY_USAGE}`;
      flags.add(letter);
      if (letter !== 'd') continue;
      if (k + 1 < word.length) deleteArg = word.slice(k + 1);
      else if (i + 1 < args.length) deleteArg = args[++i];
      else return `bash: history: -d: option requires an argument\n${HISTORY_USAGE}`;
      break;
    }
  }
  return { flags, deleteArg, operands: args.slice(i) };
}

/**
 * `history -d offset` / `-d start-end`, as bash 5.2 answers them: numbers are history numbers
 * (the first line kept is `historyBase + 1`); a negative one counts back from the end (-1 is the
 * line running now). A range whose start is past its end deletes nothing and fails quietly.
 * Returns the error text ('' for none) when it fails, undefined when done.
 */
function deleteHistory(ctx: CommandContext, deleteArg: string): string | undefined {
  const lines = ctx.session.history.length;
  const base = ctx.session.historyBase + 1; // bash's history_base
  const outOfRange = (text: string) => `bash: history: ${text}: history position out of range\n`;
  /** The index a history number or negative offset names, or undefined when there is no such line. */
  const indexOf = (text: string, value: number) => {
    const index = text.trim().startsWith('-') && value < 0 ? lines + value : value - base;
    return index >= 0 && index < lines ? index : undefined;
  };
  const dash = deleteArg.indexOf('-', deleteArg.startsWith('-') ? 1 : 0);
  if (dash >= 0) {
    const startText = deleteArg.slice(0, dash);
    const endText = deleteArg.slice(dash + 1);
    const startValue = legalNumber(startText);
    const endValue = legalNumber(endText);
    if (startValue === undefined || endValue === undefined) return outOfRange(deleteArg);
    const start = indexOf(startText, startValue);
    if (start === undefined) return outOfRange(startText);
    const end = indexOf(endText, endValue);
    if (end === undefined) return outOfRange(endText);
    if (start > end) return ''; // nothing deleted, status 1, no message
    ctx.session.spliceHistory(start, end - start + 1);
    return undefined;
  }
  const offset = legalNumber(deleteArg);
  const index = offset === undefined ? undefined : indexOf(deleteArg, offset);
  if (index === undefined) return outOfRange(deleteArg);
  ctx.session.spliceHistory(index, 1);
  return undefined;
}

/**
 * bash's history builtin: list (the last N), -c clear, -d delete, -p print its arguments without
 * keeping the line, -s keep its arguments as the line. History files (-a -n -r -w) are not
 * simulated: the sandbox saves the history itself, and the builtin says so.
 */
export const historyCommand: ShellCommand = {
  name: 'history',
  summary: 'list the lines typed so far (history N: the last N; -c: clear; -d N: delete line N)',
  run(ctx) {
    const parsed = historyOptions(ctx.argv.slice(1));
    if (typeof parsed === 'string') {
      ctx.stderr.write(parsed);
      return 2;
    }
    const { flags, deleteArg, operands } = parsed;
    const fileFlag = ['a', 'n', 'r', 'w'].find((flag) => flags.has(flag));
    if (fileFlag) {
      ctx.stderr.write(`bash: history: -${fileFlag}: history files are not simulated in this terminal (the sandbox saves its history itself)\n`);
      return 1;
    }
    if (flags.has('c')) {
      ctx.session.clearHistory();
      if (operands.length === 0) return 0;
    }
    const current = ctx.session.history.length - 1; // the line running now is already in the history
    if (flags.has('s')) {
      if (operands.length > 0 && current >= 0) ctx.session.spliceHistory(current, 1, operands.join(' '));
      return 0;
    }
    if (flags.has('p')) {
      if (current >= 0) ctx.session.spliceHistory(current, 1);
      for (const word of operands) ctx.stdout.write(word + '\n');
      return 0;
    }
    if (deleteArg !== undefined) {
      const problem = deleteHistory(ctx, deleteArg);
      if (problem === undefined) return 0;
      ctx.stderr.write(problem);
      return 1;
    }
    if (operands.length > 1) {
      ctx.stderr.write('bash: history: too many arguments\n');
      return 1;
    }
    if (operands[0] !== undefined && legalNumber(operands[0]) === undefined) {
      ctx.stderr.write(`bash: history: ${operands[0]}: numeric argument required\n`);
      return 1;
    }
    const lines = ctx.session.history;
    const base = ctx.session.historyBase;
    const first = operands[0] === undefined ? 0 : Math.max(0, lines.length - Number(operands[0]));
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
