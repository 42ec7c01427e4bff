/**
 * coreutils wc: newline, word and byte counts (-l, -w, -c; -m characters), a total line for
 * several files, and coreutils' column widths (no padding for a single count of a single input).
 */
import type { ShellCommand } from '../command.ts';
import { fromUtf8 } from '../../vfs/encoding.ts';
import { parseOptions } from './support/options.ts';
import { inputOperands, readInput } from './support/inputs.ts';

interface Counts {
  lines: number;
  words: number;
  chars: number;
  bytes: number;
}

function isSpace(byte: number): boolean {
  return byte === 32 || (byte >= 9 && byte <= 13);
}

function count(bytes: Uint8Array, withChars: boolean): Counts {
  let lines = 0;
  let words = 0;
  let inWord = false;
  for (const byte of bytes) {
    if (byte === 10) lines++;
    if (isSpace(byte)) inWord = false;
    else if (!inWord) {
      inWord = true;
      words++;
    }
  }
  const chars = withChars ? [...fromUtf8(bytes)].length : 0;
  return { lines, words, chars, bytes: bytes.length };
}

export const wcCommand: ShellCommand = {
  name: 'wc',
  summary: 'count lines, words and bytes (-l, -w, -c, -m)',
  run(ctx) {
    const parsed = parseOptions(ctx, [
      { key: 'lines', short: 'l', long: 'lines' },
      { key: 'words', short: 'w', long: 'words' },
      { key: 'chars', short: 'm', long: 'chars' },
      { key: 'bytes', short: 'c', long: 'bytes' },
    ]);
    if (typeof parsed === 'number') return parsed;
    let selected = (['lines', 'words', 'chars', 'bytes'] as const).filter((key) => parsed.values.has(key));
    if (selected.length === 0) selected = ['lines', 'words', 'bytes'];
    const operands = inputOperands(parsed.operands);
    const rows: { counts: Counts; name: string }[] = [];
    const total: Counts = { lines: 0, words: 0, chars: 0, bytes: 0 };
    let status = 0;
    let nonRegular = false;
    let fileBytes = 0;
    const errors: string[] = [];
    for (const operand of operands) {
      const input = readInput(ctx, operand);
      if (!input.ok) {
        errors.push(`wc: ${operand}: ${input.reason}\n`);
        status = 1;
        if (input.code === 'EISDIR') nonRegular = true;
        if (input.code === 'EISDIR') rows.push({ counts: { lines: 0, words: 0, chars: 0, bytes: 0 }, name: operand });
        continue;
      }
      if (operand === '-' && !ctx.stdinIsFile) nonRegular = true;
      else if (operand === '-') fileBytes += input.bytes.length;
      else fileBytes += input.bytes.length;
      const counts = count(input.bytes, selected.includes('chars'));
      for (const key of selected) total[key] += counts[key];
      rows.push({ counts, name: operand === '-' && parsed.operands.length === 0 ? '' : operand });
    }
    // coreutils sizes columns from the total size of the inputs, at least 7 wide for stdin or a directory.
    let width = String(fileBytes).length;
    if (nonRegular) width = Math.max(width, 7);
    if (selected.length === 1 && operands.length === 1) width = 1;
    const format = (counts: Counts, name: string) =>
      selected.map((key) => String(counts[key]).padStart(width)).join(' ') + (name ? ` ${name}` : '') + '\n';
    for (const error of errors) ctx.stderr.write(error);
    for (const row of rows) ctx.stdout.write(format(row.counts, row.name));
    if (operands.length > 1) ctx.stdout.write(format(total, 'total'));
    return status;
  },
};
