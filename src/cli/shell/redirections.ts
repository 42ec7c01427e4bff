/**
 * Applies a command's redirections, left to right as bash does (so `> f 2>&1` sends both streams
 * to f while `2>&1 > f` sends only stdout there). Files are opened — and truncated by `>` — before
 * the command runs. `/dev/null`, `/dev/stdin`, `/dev/stdout` and `/dev/stderr` work as on Linux.
 */
import type { Redirection } from './ast.ts';
import { DiscardSink, FileSink, type ByteSink } from './sinks.ts';
import { utf8, type Bytes } from '../vfs/encoding.ts';
import { isVfsError, strerror } from '../vfs/errors.ts';
import type { VirtualFileSystem } from '../vfs/file-system.ts';
import { ENDLESS_DEVICES, endlessReason } from './devices.ts';

export type Descriptor = { kind: 'in'; bytes: Bytes; fromFile?: boolean } | { kind: 'out'; sink: ByteSink };

/** Open file descriptors of one command (0, 1, 2 and any other number a redirection names). */
export type DescriptorTable = Map<number, Descriptor>;

export interface RedirectionContext {
  fs: VirtualFileSystem;
  resolve(path: string): string;
  /** Expands a redirection target; more or less than one field is an "ambiguous redirect". */
  expandTarget(redirection: Redirection): Promise<string[]>;
  expandHereString(redirection: Redirection): Promise<string>;
}

export class RedirectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RedirectionError';
  }
}

function defaultFd(op: Redirection['op']): number {
  return op.startsWith('<') ? 0 : 1;
}

function duplicate(table: DescriptorTable, target: string, fd: number, direction: 'in' | 'out'): void {
  if (target === '-') {
    if (direction === 'in') table.set(fd, { kind: 'in', bytes: new Uint8Array(0) });
    else table.set(fd, { kind: 'out', sink: new DiscardSink() });
    return;
  }
  const source = table.get(Number(target));
  if (!source) throw new RedirectionError(`bash: ${target}: Bad file descriptor`);
  table.set(fd, source);
}

/** Opens the redirections into `table`; returns the files to close after the command. */
export async function applyRedirections(
  redirections: readonly Redirection[],
  table: DescriptorTable,
  ctx: RedirectionContext,
): Promise<FileSink[]> {
  const opened: FileSink[] = [];
  const openOutput = (name: string, append: boolean): Descriptor => {
    const path = ctx.resolve(name);
    if (path === '/dev/null') return { kind: 'out', sink: new DiscardSink() };
    if (path === '/dev/stdout' || path === '/dev/stderr') {
      const existing = table.get(path === '/dev/stdout' ? 1 : 2);
      return existing ?? { kind: 'out', sink: new DiscardSink() };
    }
    try {
      const sink = new FileSink(ctx.fs, path, append);
      opened.push(sink);
      return { kind: 'out', sink };
    } catch (error) {
      if (isVfsError(error)) throw new RedirectionError(`bash: ${name}: ${strerror(error.code)}`);
      throw error;
    }
  };
  const readInput = (name: string): Descriptor => {
    const path = ctx.resolve(name);
    if (path === '/dev/null' || path === '/dev/stdout' || path === '/dev/stderr') return { kind: 'in', bytes: new Uint8Array(0) };
    if (path === '/dev/stdin') return table.get(0) ?? { kind: 'in', bytes: new Uint8Array(0) };
    // Standard input is read whole here, so an endless device cannot be one.
    if (ENDLESS_DEVICES.has(path)) throw new RedirectionError(`bash: ${name}: ${endlessReason(path)}`);
    try {
      return { kind: 'in', bytes: ctx.fs.readFile(path), fromFile: true };
    } catch (error) {
      if (isVfsError(error)) throw new RedirectionError(`bash: ${name}: ${strerror(error.code)}`);
      throw error;
    }
  };

  for (const redirection of redirections) {
    const fd = redirection.fd ?? defaultFd(redirection.op);
    if (redirection.op === '<<<') {
      table.set(fd, { kind: 'in', bytes: utf8((await ctx.expandHereString(redirection)) + '\n') });
      continue;
    }
    const fields = await ctx.expandTarget(redirection);
    if (fields.length !== 1) throw new RedirectionError(`bash: ${redirection.target.raw}: ambiguous redirect`);
    const target = fields[0];
    switch (redirection.op) {
      case '<':
        table.set(fd, readInput(target));
        break;
      case '>':
      case '>>':
        table.set(fd, openOutput(target, redirection.op === '>>'));
        break;
      case '&>':
      case '&>>': {
        const descriptor = openOutput(target, redirection.op === '&>>');
        table.set(1, descriptor);
        table.set(2, descriptor);
        break;
      }
      case '>&':
        if (/^[0-9]+$/.test(target) || target === '-') duplicate(table, target, fd, 'out');
        else if (redirection.fd === undefined || redirection.fd === 1) {
          // `>&file` is an old spelling of `&>file`.
          const descriptor = openOutput(target, false);
          table.set(1, descriptor);
          table.set(2, descriptor);
        } else throw new RedirectionError(`bash: ${target}: ambiguous redirect`);
        break;
      case '<&':
        if (/^[0-9]+$/.test(target) || target === '-') duplicate(table, target, fd, 'in');
        else throw new RedirectionError(`bash: ${target}: ambiguous redirect`);
        break;
    }
  }
  return opened;
}
