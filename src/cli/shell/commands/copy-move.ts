/**
 * coreutils cp and mv, which share their operand rules: `SOURCE DEST`, or `SOURCE… DIRECTORY`
 * (each source lands inside it). cp copies directories only with -r; mv moves whole trees.
 */
import type { CommandContext, ShellCommand } from '../command.ts';
import { basename, joinPath } from '../../vfs/path.ts';
import { parseOptions, usageError } from './support/options.ts';
import { quoteAlways } from './support/inputs.ts';
import { reasonOf } from './support/file-messages.ts';

type Mode = 'cp' | 'mv';

interface Plan {
  source: string;
  sourcePath: string;
  target: string;
  targetPath: string;
}

/** Resolves operands to (source, destination) pairs, or prints the usage error. */
function plan(ctx: CommandContext, mode: Mode, operands: string[]): Plan[] | number {
  if (operands.length === 0) return usageError(ctx, 'missing file operand');
  if (operands.length === 1) return usageError(ctx, `missing destination file operand after ${quoteAlways(operands[0])}`);
  const destination = operands[operands.length - 1];
  const destinationPath = ctx.resolve(destination);
  const sources = operands.slice(0, -1);
  const intoDirectory = ctx.fs.isDirectory(destinationPath);
  if (sources.length > 1 && !intoDirectory) {
    ctx.stderr.write(`${mode}: target ${quoteAlways(destination)}: Not a directory\n`);
    return 1;
  }
  return sources.map((source) => {
    const sourcePath = ctx.resolve(source);
    if (!intoDirectory) return { source, sourcePath, target: destination, targetPath: destinationPath };
    const name = basename(sourcePath);
    return {
      source,
      sourcePath,
      target: destination.endsWith('/') ? destination + name : `${destination}/${name}`,
      targetPath: joinPath(destinationPath, name),
    };
  });
}

function copyTree(ctx: CommandContext, from: string, to: string): void {
  for (const { path, node } of [...ctx.fs.walk(from)]) {
    const destination = to + path.slice(from.length);
    if (node.kind === 'dir') {
      if (!ctx.fs.isDirectory(destination)) ctx.fs.mkdir(destination);
    } else ctx.fs.writeFile(destination, node.data);
  }
}

function transfer(ctx: CommandContext, mode: Mode, item: Plan, recursive: boolean): boolean {
  const fail = (message: string) => {
    ctx.stderr.write(`${mode}: ${message}\n`);
    return false;
  };
  const sourceStat = ctx.fs.stat(item.sourcePath);
  if (!sourceStat) return fail(`cannot stat ${quoteAlways(item.source)}: No such file or directory`);
  if (item.sourcePath === item.targetPath) {
    return fail(`${quoteAlways(item.source)} and ${quoteAlways(item.target)} are the same file`);
  }
  const targetStat = ctx.fs.stat(item.targetPath);
  if (sourceStat.kind === 'dir') {
    if (mode === 'cp' && !recursive) return fail(`-r not specified; omitting directory ${quoteAlways(item.source)}`);
    if (item.targetPath.startsWith(item.sourcePath + '/')) {
      if (mode === 'mv') return fail(`cannot move ${quoteAlways(item.source)} to a subdirectory of itself, ${quoteAlways(item.target)}`);
      // coreutils still copies what the directory held before the copy began, then reports.
      if (!targetStat) copyTree(ctx, item.sourcePath, item.targetPath);
      return fail(`cannot copy a directory, ${quoteAlways(item.source)}, into itself, ${quoteAlways(item.target)}`);
    }
    if (targetStat?.kind === 'file') {
      return fail(`cannot overwrite non-directory ${quoteAlways(item.target)} with directory ${quoteAlways(item.source)}`);
    }
  } else if (targetStat?.kind === 'dir') {
    return fail(`cannot overwrite directory ${quoteAlways(item.target)} with non-directory`);
  }
  try {
    if (mode === 'mv') ctx.fs.rename(item.sourcePath, item.targetPath);
    else if (sourceStat.kind === 'dir') copyTree(ctx, item.sourcePath, item.targetPath);
    else ctx.fs.writeFile(item.targetPath, ctx.fs.readFile(item.sourcePath));
    return true;
  } catch (error) {
    const reason = reasonOf(error);
    if (mode === 'mv') return fail(`cannot move ${quoteAlways(item.source)} to ${quoteAlways(item.target)}: ${reason}`);
    const what = sourceStat.kind === 'dir' ? 'directory' : 'regular file';
    return fail(`cannot create ${what} ${quoteAlways(item.target)}: ${reason}`);
  }
}

function makeCommand(mode: Mode, summary: string): ShellCommand {
  return {
    name: mode,
    summary,
    run(ctx) {
      const specs =
        mode === 'cp'
          ? [
              { key: 'recursive', short: 'r', long: 'recursive' },
              { key: 'recursive', short: 'R' },
              { key: 'recursive', short: 'a', long: 'archive' },
              { key: 'force', short: 'f', long: 'force' },
            ]
          : [{ key: 'force', short: 'f', long: 'force' }];
      const parsed = parseOptions(ctx, specs);
      if (typeof parsed === 'number') return parsed;
      const items = plan(ctx, mode, parsed.operands);
      if (typeof items === 'number') return items;
      let status = 0;
      for (const item of items) if (!transfer(ctx, mode, item, parsed.values.has('recursive'))) status = 1;
      return status;
    },
  };
}

export const cpCommand = makeCommand('cp', 'copy files (-r: directories)');
export const mvCommand = makeCommand('mv', 'move or rename files and directories');
