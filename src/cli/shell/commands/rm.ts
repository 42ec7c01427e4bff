/** coreutils rm: files, or directories with -r; -f ignores missing files; -d removes empty directories. */
import type { ShellCommand } from '../command.ts';
import { basename } from '../../vfs/path.ts';
import { parseOptions, usageError } from './support/options.ts';
import { quoteAlways } from './support/inputs.ts';
import { reasonOf } from './support/file-messages.ts';

export const rmCommand: ShellCommand = {
  name: 'rm',
  summary: 'remove files (-r: directories too, -f: ignore missing)',
  run(ctx) {
    const parsed = parseOptions(ctx, [
      { key: 'force', short: 'f', long: 'force' },
      { key: 'recursive', short: 'r', long: 'recursive' },
      { key: 'recursive', short: 'R' },
      { key: 'dir', short: 'd', long: 'dir' },
      { key: 'verbose', short: 'v', long: 'verbose' },
      { key: 'interactive', short: 'i' },
    ]);
    if (typeof parsed === 'number') return parsed;
    const force = parsed.values.has('force');
    const recursive = parsed.values.has('recursive');
    if (parsed.operands.length === 0) return force ? 0 : usageError(ctx, 'missing operand');
    let status = 0;
    for (const operand of parsed.operands) {
      const path = ctx.resolve(operand);
      const name = basename(operand);
      if (recursive && path === '/') {
        ctx.stderr.write(`rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n`);
        status = 1;
        continue;
      }
      if (name === '.' || name === '..') {
        ctx.stderr.write(`rm: refusing to remove '.' or '..' directory: skipping ${quoteAlways(operand)}\n`);
        status = 1;
        continue;
      }
      const stat = ctx.fs.stat(path);
      if (!stat) {
        if (!force) {
          ctx.stderr.write(`rm: cannot remove ${quoteAlways(operand)}: No such file or directory\n`);
          status = 1;
        }
        continue;
      }
      if (stat.kind === 'dir' && !recursive && !parsed.values.has('dir')) {
        ctx.stderr.write(`rm: cannot remove ${quoteAlways(operand)}: Is a directory\n`);
        status = 1;
        continue;
      }
      try {
        ctx.fs.remove(path, { recursive });
        if (parsed.values.has('verbose')) {
          ctx.stdout.write(`${stat.kind === 'dir' ? 'removed directory' : 'removed'} ${quoteAlways(operand)}\n`);
        }
      } catch (error) {
        ctx.stderr.write(`rm: cannot remove ${quoteAlways(operand)}: ${reasonOf(error)}\n`);
        status = 1;
      }
    }
    return status;
  },
};
