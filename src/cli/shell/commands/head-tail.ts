/**
 * coreutils head and tail: -c N (bytes) and -n N (lines, default 10), `head -n -N` (all but the
 * last N), `tail -n +N` (from line N), the old `-N` form, and `==> name <==` headers for several files.
 */
import type { CommandContext, ShellCommand } from '../command.ts';
import { parseOptions } from './support/options.ts';
import { inputOperands, quoteCurly, readInput } from './support/inputs.ts';
import { parseCount, type Count } from './support/numbers.ts';

/** Offsets just after each newline, i.e. where each line ends. */
function lineEnds(bytes: Uint8Array): number[] {
  const ends: number[] = [];
  for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) ends.push(i + 1);
  if (bytes.length > 0 && bytes[bytes.length - 1] !== 10) ends.push(bytes.length);
  return ends;
}

function headSlice(bytes: Uint8Array, count: Count, unit: 'bytes' | 'lines'): Uint8Array {
  if (unit === 'bytes') {
    return count.negative ? bytes.subarray(0, Math.max(0, bytes.length - count.value)) : bytes.subarray(0, count.value);
  }
  const ends = lineEnds(bytes);
  if (count.negative) {
    const keep = ends.length - count.value;
    return keep <= 0 ? bytes.subarray(0, 0) : bytes.subarray(0, ends[keep - 1]);
  }
  return count.value === 0 ? bytes.subarray(0, 0) : bytes.subarray(0, ends[Math.min(count.value, ends.length) - 1] ?? 0);
}

function tailSlice(bytes: Uint8Array, count: Count, unit: 'bytes' | 'lines'): Uint8Array {
  if (unit === 'bytes') {
    return count.plus ? bytes.subarray(Math.max(0, count.value - 1)) : bytes.subarray(Math.max(0, bytes.length - count.value));
  }
  const ends = lineEnds(bytes);
  if (count.plus) {
    const skip = Math.max(0, count.value - 1);
    return skip === 0 ? bytes : skip > ends.length ? bytes.subarray(bytes.length) : bytes.subarray(ends[skip - 1]);
  }
  const first = ends.length - count.value;
  return first <= 0 ? bytes : bytes.subarray(ends[first - 1]);
}

function makeCommand(name: 'head' | 'tail', summary: string): ShellCommand {
  return {
    name,
    summary,
    run(ctx: CommandContext) {
      // The obsolete `head -5` form (first argument only) means `head -n 5`.
      const argv = ctx.argv.map((arg, i) => (i === 1 && /^-[0-9]+$/.test(arg) ? `-n${arg.slice(1)}` : arg));
      const parsed = parseOptions({ ...ctx, argv }, [
        { key: 'bytes', short: 'c', long: 'bytes', takesValue: true },
        { key: 'lines', short: 'n', long: 'lines', takesValue: true },
        { key: 'quiet', short: 'q', long: 'quiet' },
        { key: 'verbose', short: 'v', long: 'verbose' },
      ]);
      if (typeof parsed === 'number') return parsed;
      const unit = parsed.values.has('bytes') ? 'bytes' : 'lines';
      const text = parsed.values.get(unit) ?? '10';
      const count = parseCount(text);
      if (!count) {
        const what = unit === 'bytes' ? 'number of bytes' : 'number of lines';
        ctx.stderr.write(`${name}: invalid ${what}: ${quoteCurly(text)}\n`);
        return 1;
      }
      if (name === 'tail' && count.negative) count.negative = false;
      const operands = inputOperands(parsed.operands);
      const headers = parsed.values.has('verbose') || (operands.length > 1 && !parsed.values.has('quiet'));
      let status = 0;
      let first = true;
      for (const operand of operands) {
        // head -c N stops after N bytes, so it can take a slice of /dev/urandom.
        const stopsAt = name === 'head' && unit === 'bytes' && !count.negative ? count.value : undefined;
        const input = readInput(ctx, operand, { maxBytes: stopsAt });
        if (!input.ok) {
          const message =
            input.code === 'EISDIR' ? `error reading '${operand}'` : `cannot open '${operand}' for reading`;
          ctx.stderr.write(`${name}: ${message}: ${input.reason}\n`);
          status = 1;
          continue;
        }
        if (headers) ctx.stdout.write(`${first ? '' : '\n'}==> ${operand === '-' ? 'standard input' : operand} <==\n`);
        first = false;
        ctx.stdout.write(name === 'head' ? headSlice(input.bytes, count, unit) : tailSlice(input.bytes, count, unit));
      }
      return status;
    },
  };
}

export const headCommand = makeCommand('head', 'first part of files (-c N bytes, -n N lines)');
export const tailCommand = makeCommand('tail', 'last part of files (-c N bytes, -n N lines, -n +N from line N)');
