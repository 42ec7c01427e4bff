/**
 * Reading a command's inputs: file operands, `-` for stdin, and the Linux devices learners type
 * (`/dev/null`, `/dev/stdin`). Errors come back as codes; each command words them its own way.
 */
import type { CommandContext } from '../../command.ts';
import type { Bytes } from '../../../vfs/encoding.ts';
import { isVfsError, strerror, type VfsErrorCode } from '../../../vfs/errors.ts';

export type ReadResult = { ok: true; bytes: Bytes } | { ok: false; code: VfsErrorCode; reason: string };

export function readInput(ctx: CommandContext, operand: string): ReadResult {
  if (operand === '-') return { ok: true, bytes: ctx.stdin };
  const path = ctx.resolve(operand);
  if (path === '/dev/stdin') return { ok: true, bytes: ctx.stdin };
  if (path === '/dev/null' || path === '/dev/zero' || path === '/dev/stdout' || path === '/dev/stderr') {
    return { ok: true, bytes: new Uint8Array(0) };
  }
  try {
    return { ok: true, bytes: ctx.fs.readFile(path) };
  } catch (error) {
    if (isVfsError(error)) return { ok: false, code: error.code, reason: strerror(error.code) };
    throw error;
  }
}

/** The inputs of a filter (cat, wc, head…): the operands, or stdin when there are none. */
export function inputOperands(operands: readonly string[]): string[] {
  return operands.length === 0 ? ['-'] : [...operands];
}

/** coreutils quotes a file name in some messages only when it needs quoting ('a b'). */
export function quoteName(name: string): string {
  if (/^[A-Za-z0-9_./+,:@%^=-]+$/.test(name)) return name;
  return `'${name.replace(/'/g, `'\\''`)}'`;
}

/** coreutils' quoteaf(): shell-style single quotes, as in "cannot stat 'x'". */
export function quoteAlways(name: string): string {
  return `'${name.replace(/'/g, `'\\''`)}'`;
}

/** coreutils' quote() in a UTF-8 locale: ‘x’ (used by "extra operand", "invalid number"…). */
export function quoteCurly(name: string): string {
  return `‘${name}’`;
}
