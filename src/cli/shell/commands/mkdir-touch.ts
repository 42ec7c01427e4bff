/** coreutils mkdir (-p: parents, no error if it exists) and touch (create, or update the time). */
import type { CommandContext, ShellCommand } from '../command.ts';
import { parseOptions, usageError } from './support/options.ts';
import { quoteAlways, quoteCurly } from './support/inputs.ts';
import { reasonOf } from './support/file-messages.ts';

/** With -p, mkdir names the first part of the path (as typed) that is a file. */
function fileInTheWay(ctx: CommandContext, operand: string): { prefix: string; reason: string } | undefined {
  const parts = operand.split('/');
  for (let i = 1; i <= parts.length; i++) {
    const prefix = parts.slice(0, i).join('/');
    if (prefix === '' || parts[i - 1] === '') continue;
    if (ctx.fs.stat(ctx.resolve(prefix))?.kind === 'file') {
      return { prefix, reason: i === parts.length ? 'File exists' : 'Not a directory' };
    }
  }
  return undefined;
}

export const mkdirCommand: ShellCommand = {
  name: 'mkdir',
  summary: 'make directories (-p: with parents)',
  run(ctx) {
    const parsed = parseOptions(ctx, [
      { key: 'parents', short: 'p', long: 'parents' },
      { key: 'verbose', short: 'v', long: 'verbose' },
    ]);
    if (typeof parsed === 'number') return parsed;
    if (parsed.operands.length === 0) return usageError(ctx, 'missing operand');
    let status = 0;
    for (const operand of parsed.operands) {
      const path = ctx.resolve(operand);
      const blocker = parsed.values.has('parents') ? fileInTheWay(ctx, operand) : undefined;
      if (blocker) {
        ctx.stderr.write(`mkdir: cannot create directory ${quoteCurly(blocker.prefix)}: ${blocker.reason}\n`);
        status = 1;
        continue;
      }
      try {
        if (parsed.values.has('parents') && ctx.fs.isDirectory(path)) continue;
        ctx.fs.mkdir(path, { parents: parsed.values.has('parents') });
        if (parsed.values.has('verbose')) ctx.stdout.write(`mkdir: created directory ${quoteAlways(operand)}\n`);
      } catch (error) {
        // mkdir quotes with ‘…’ in a UTF-8 locale (coreutils' quote()), unlike most messages.
        ctx.stderr.write(`mkdir: cannot create directory ${quoteCurly(operand)}: ${reasonOf(error)}\n`);
        status = 1;
      }
    }
    return status;
  },
};

export const touchCommand: ShellCommand = {
  name: 'touch',
  summary: 'create empty files, or update their modification time',
  run(ctx) {
    const parsed = parseOptions(ctx, [{ key: 'nocreate', short: 'c', long: 'no-create' }]);
    if (typeof parsed === 'number') return parsed;
    if (parsed.operands.length === 0) return usageError(ctx, 'missing file operand');
    let status = 0;
    for (const operand of parsed.operands) {
      const path = ctx.resolve(operand);
      if (parsed.values.has('nocreate') && !ctx.fs.exists(path)) continue;
      try {
        ctx.fs.touch(path);
      } catch (error) {
        ctx.stderr.write(`touch: cannot touch ${quoteAlways(operand)}: ${reasonOf(error)}\n`);
        status = 1;
      }
    }
    return status;
  },
};
