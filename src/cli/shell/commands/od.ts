/**
 * od, in the one form lessons use for bytes: `od -A x -t x1z` (hex offsets, one hex byte per
 * column, the printable text between > <), also -A d/o/n, -t x1, -c, -v and identical lines
 * folded into `*` as od does. Other output types are said to be unsupported.
 */
import type { CommandContext, ShellCommand } from '../command.ts';
import { parseOptions, usageError } from './support/options.ts';
import { inputOperands, readInput } from './support/inputs.ts';
import { concatBytes } from '../../vfs/encoding.ts';
import { hexByte, printableAscii } from './hex-dump.ts';
import { ChunkedWriter } from './support/chunked-writer.ts';

const RADIX: Record<string, { base: number; width: number } | null> = {
  x: { base: 16, width: 6 },
  d: { base: 10, width: 7 },
  o: { base: 8, width: 7 },
  n: null,
};

const CHAR_NAMES: Record<number, string> = { 0: '\\0', 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r' };

function charCell(byte: number): string {
  if (byte in CHAR_NAMES) return CHAR_NAMES[byte].padStart(4);
  if (byte >= 0x20 && byte <= 0x7e) return String.fromCharCode(byte).padStart(4);
  return byte.toString(8).padStart(3, '0').padStart(4);
}

export const odCommand: ShellCommand = {
  name: 'od',
  summary: 'dump bytes: od -A x -t x1z (hex with text), od -c (characters)',
  run(ctx: CommandContext) {
    const parsed = parseOptions(ctx, [
      { key: 'address', short: 'A', long: 'address-radix', takesValue: true },
      { key: 'type', short: 't', long: 'format', takesValue: true },
      { key: 'chars', short: 'c' },
      { key: 'all', short: 'v', long: 'output-duplicates' },
    ]);
    if (typeof parsed === 'number') return parsed;
    const radixName = parsed.values.get('address') ?? 'o';
    if (!(radixName in RADIX)) {
      ctx.stderr.write(`od: invalid output address radix '${radixName}'; it is not one character of [doxn]\n`);
      return 1;
    }
    const type = parsed.values.has('chars') ? 'c' : parsed.values.get('type') ?? 'o2';
    if (!/^(x1z?|c)$/.test(type)) {
      return usageError(ctx, `output type '${type}' is not supported in this terminal (use -t x1z or -c)`);
    }
    const chunks: Uint8Array[] = [];
    let status = 0;
    for (const operand of inputOperands(parsed.operands)) {
      const input = readInput(ctx, operand);
      if (!input.ok) {
        ctx.stderr.write(`od: ${operand}: ${input.reason}\n`);
        status = 1;
      } else chunks.push(input.bytes);
    }
    // When no input could be read at all, od prints no dump (not even the final offset).
    if (chunks.length === 0) return status;
    const bytes = concatBytes(chunks);
    const radix = RADIX[radixName];
    const address = (offset: number) => (radix ? offset.toString(radix.base).padStart(radix.width, '0') : '');
    const out = new ChunkedWriter(ctx.stdout);
    let previous: string | undefined;
    let folded = false;
    for (let offset = 0; offset < bytes.length; offset += 16) {
      const line = bytes.subarray(offset, offset + 16);
      let cells = '';
      for (const byte of line) cells += type === 'c' ? charCell(byte) : ` ${hexByte(byte)}`;
      // Identical full lines fold into '*'; comparing the cells compares the bytes.
      const key = cells;
      if (!parsed.values.has('all') && line.length === 16 && key === previous) {
        if (!folded) out.write('*\n');
        folded = true;
        continue;
      }
      previous = line.length === 16 ? key : undefined;
      folded = false;
      const text = type === 'x1z' ? `${' '.repeat((16 - line.length) * 3)}  >${printableAscii(line)}<` : '';
      out.write(`${address(offset)}${cells}${text}\n`);
    }
    if (radix) out.write(`${address(bytes.length)}\n`);
    out.flush();
    return status;
  },
};
