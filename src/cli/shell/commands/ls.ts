/**
 * coreutils ls: names sorted bytewise (LANG=C.UTF-8), columns on the terminal and one name a line
 * into a pipe or file (as ls does when stdout is not a tty), -a / -A, -l long format, -1, -d.
 */
import type { CommandContext, ShellCommand } from '../command.ts';
import type { VfsStat } from '../../vfs/file-system.ts';
import { compareNames } from '../../vfs/file-system.ts';
import { joinPath } from '../../vfs/path.ts';
import { parseOptions } from './support/options.ts';
import { quoteAlways } from './support/inputs.ts';

const SCREEN_WIDTH = 80;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const SIX_MONTHS_MS = 182.5 * 86_400_000;

interface Entry {
  name: string;
  stat: VfsStat;
  /** Subdirectory count, for the link count of a directory in -l. */
  links: number;
}

/** Column-major layout in as many columns as fit 80 characters, as `ls -C` does. */
export function columns(names: readonly string[], width = SCREEN_WIDTH): string {
  if (names.length === 0) return '';
  for (let cols = names.length; cols >= 1; cols--) {
    const rows = Math.ceil(names.length / cols);
    if (cols > 1 && (cols - 1) * rows >= names.length) continue;
    const widths: number[] = [];
    for (let c = 0; c < cols; c++) {
      const column = names.slice(c * rows, (c + 1) * rows);
      widths.push(Math.max(...column.map((n) => n.length)) + (c < cols - 1 ? 2 : 0));
    }
    if (cols > 1 && widths.reduce((a, b) => a + b, 0) > width) continue;
    let out = '';
    for (let r = 0; r < rows; r++) {
      const cells: string[] = [];
      for (let c = 0; c < cols; c++) {
        const name = names[c * rows + r];
        if (name === undefined) continue;
        const next = names[(c + 1) * rows + r];
        cells.push(next === undefined ? name : name.padEnd(widths[c]));
      }
      out += cells.join('') + '\n';
    }
    return out;
  }
  return names.join('\n') + '\n';
}

function formatDate(mtime: number, now: number): string {
  const date = new Date(mtime);
  const month = MONTHS[date.getUTCMonth()];
  const day = String(date.getUTCDate()).padStart(2);
  const recent = Math.abs(now - mtime) < SIX_MONTHS_MS;
  const tail = recent
    ? `${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')}`
    : String(date.getUTCFullYear()).padStart(5);
  return `${month} ${day} ${tail}`;
}

function longFormat(entries: readonly Entry[], now: number): string {
  const sizeWidth = Math.max(...entries.map((e) => String(e.stat.size).length));
  const linkWidth = Math.max(...entries.map((e) => String(e.links).length));
  return entries
    .map(({ name, stat, links }) => {
      const mode = stat.kind === 'dir' ? 'drwxr-xr-x' : '-rw-r--r--';
      return `${mode} ${String(links).padStart(linkWidth)} learner learner ${String(stat.size).padStart(sizeWidth)} ${formatDate(stat.mtime, now)} ${name}\n`;
    })
    .join('');
}

export const lsCommand: ShellCommand = {
  name: 'ls',
  summary: 'list files (-l long, -a all, -A almost all, -1 one per line, -d)',
  run(ctx: CommandContext) {
    const parsed = parseOptions(
      ctx,
      [
        { key: 'all', short: 'a', long: 'all' },
        { key: 'almost', short: 'A', long: 'almost-all' },
        { key: 'long', short: 'l' },
        { key: 'one', short: '1' },
        { key: 'directory', short: 'd', long: 'directory' },
      ],
      { usageStatus: 2 },
    );
    if (typeof parsed === 'number') return parsed;
    const flags = parsed.values;
    const now = ctx.fs.now();
    const entryOf = (name: string, path: string): Entry => {
      const stat = ctx.fs.stat(path)!;
      const links = stat.kind === 'dir' ? 2 + ctx.fs.readdir(path).filter((n) => ctx.fs.isDirectory(joinPath(path, n))).length : 1;
      return { name, stat, links };
    };
    const render = (entries: Entry[]) => {
      if (flags.has('long')) return longFormat(entries, now);
      const names = entries.map((e) => e.name);
      if (flags.has('one') || !ctx.stdoutIsTerminal) return names.map((n) => n + '\n').join('');
      return columns(names);
    };

    let status = 0;
    const operands = parsed.operands.length > 0 ? parsed.operands : ['.'];
    const files: Entry[] = [];
    const directories: { operand: string; path: string }[] = [];
    for (const operand of [...operands].sort(compareNames)) {
      const path = ctx.resolve(operand);
      const stat = ctx.fs.stat(path);
      if (!stat) {
        ctx.stderr.write(`ls: cannot access ${quoteAlways(operand)}: No such file or directory\n`);
        status = 2;
      } else if (stat.kind === 'dir' && !flags.has('directory')) directories.push({ operand, path });
      else files.push(entryOf(operand, path));
    }
    const blocks: string[] = [];
    if (files.length > 0) blocks.push(render(files));
    for (const { operand, path } of directories) {
      let names = ctx.fs.readdir(path);
      if (!flags.has('all') && !flags.has('almost')) names = names.filter((n) => !n.startsWith('.'));
      const entries = names.map((n) => entryOf(n, joinPath(path, n)));
      if (flags.has('all')) entries.unshift(entryOf('.', path), entryOf('..', ctx.resolve(joinPath(path, '..'))));
      let block = operands.length > 1 ? `${operand}:\n` : '';
      if (flags.has('long')) {
        const blocksUsed = entries.reduce((sum, e) => sum + (e.stat.kind === 'dir' ? 4 : Math.ceil(e.stat.size / 4096) * 4), 0);
        block += `total ${blocksUsed}\n`;
      }
      blocks.push(block + (entries.length > 0 ? render(entries) : ''));
    }
    ctx.stdout.write(blocks.join('\n'));
    return status;
  },
};
