/**
 * Reading a command's inputs: file operands, `-` for stdin, and the Linux devices learners type
 * (`/dev/null`, `/dev/stdin`, and the endless `/dev/zero` and `/dev/urandom`). Errors come back as
 * codes; each command words them its own way.
 */
import type { CommandContext } from '../../command.ts';
import type { Bytes } from '../../../vfs/encoding.ts';
import { isVfsError, strerror, type VfsErrorCode } from '../../../vfs/errors.ts';
import { MAX_FILE_BYTES } from '../../../vfs/limits.ts';
import { ENDLESS_DEVICES, endlessReason } from '../../devices.ts';

/** ENDLESS: the whole of an endless device was asked for (see readInput). */
export type ReadResult = { ok: true; bytes: Bytes } | { ok: false; code: VfsErrorCode | 'ENDLESS'; reason: string };

/**
 * The bytes of `operand`. `maxBytes` is how much a reader that stops early (head -c N, xxd -l N)
 * will take: only with it can an endless device be read, and only up to the file size limit.
 * /dev/urandom's bytes come from the browser's random generator: they are the learner's own data,
 * like key material, not part of a lesson's seeded replay.
 */
export function readInput(ctx: CommandContext, operand: string, options: { maxBytes?: number } = {}): ReadResult {
  if (operand === '-') return { ok: true, bytes: ctx.stdin };
  const path = ctx.resolve(operand);
  if (path === '/dev/stdin') return { ok: true, bytes: ctx.stdin };
  if (path === '/dev/null' || path === '/dev/stdout' || path === '/dev/stderr') {
    return { ok: true, bytes: new Uint8Array(0) };
  }
  if (ENDLESS_DEVICES.has(path)) {
    const size = options.maxBytes;
    if (size === undefined) return { ok: false, code: 'ENDLESS', reason: endlessReason(path) };
    if (size > MAX_FILE_BYTES) return { ok: false, code: 'EFBIG', reason: strerror('EFBIG') };
    const bytes = new Uint8Array(size);
    // getRandomValues fills at most 65,536 bytes a call.
    if (path !== '/dev/zero') for (let i = 0; i < size; i += 65536) crypto.getRandomValues(bytes.subarray(i, i + 65536));
    return { ok: true, bytes };
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
