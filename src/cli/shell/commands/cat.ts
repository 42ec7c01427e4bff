/** coreutils cat: concatenates files (or stdin, or `-`); -n numbers the lines. */
import type { ShellCommand } from '../command.ts';
import { utf8, concatBytes } from '../../vfs/encoding.ts';
import { parseOptions } from './support/options.ts';
import { inputOperands, readInput } from './support/inputs.ts';

function numberLines(bytes: Uint8Array, startAt: number): { bytes: Uint8Array; next: number } {
  const chunks: Uint8Array[] = [];
  let line = startAt;
  let start = 0;
  while (start < bytes.length) {
    const newline = bytes.indexOf(10, start);
    const end = newline < 0 ? bytes.length : newline + 1;
    chunks.push(utf8(`${String(line++).padStart(6)}\t`), bytes.subarray(start, end));
    start = end;
  }
  return { bytes: concatBytes(chunks), next: line };
}

export const catCommand: ShellCommand = {
  name: 'cat',
  summary: 'print files (or stdin) as they are (-n: number lines)',
  run(ctx) {
    const parsed = parseOptions(ctx, [{ key: 'number', short: 'n', long: 'number' }]);
    if (typeof parsed === 'number') return parsed;
    let status = 0;
    let line = 1;
    for (const operand of inputOperands(parsed.operands)) {
      if (operand !== '-' && ctx.resolve(operand) === ctx.stdoutFile && (ctx.fs.stat(ctx.stdoutFile)?.size ?? 0) > 0) {
        // Reading a file while appending it to itself would never end; cat refuses.
        ctx.stderr.write(`cat: ${operand}: input file is output file\n`);
        status = 1;
        continue;
      }
      const input = readInput(ctx, operand);
      if (!input.ok) {
        ctx.stderr.write(`cat: ${operand}: ${input.reason}\n`);
        status = 1;
        continue;
      }
      if (parsed.values.has('number')) {
        const numbered = numberLines(input.bytes, line);
        line = numbered.next;
        ctx.stdout.write(numbered.bytes);
      } else ctx.stdout.write(input.bytes);
    }
    return status;
  },
};
