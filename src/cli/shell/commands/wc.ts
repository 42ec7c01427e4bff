/**
 * coreutils wc: newline, word and byte counts (-l, -w, -c; -m characters), a total line for
 * several files, and coreutils' column widths (no padding for a single count of a single input).
 */
import type { ShellCommand } from '../command.ts';
import { parseOptions } from './support/options.ts';
import { inputOperands, readInput } from './support/inputs.ts';

interface Counts {
  lines: number;
  words: number;
  chars: number;
  bytes: number;
}

// glibc's iswspace() beyond ASCII in a UTF-8 locale (no-break spaces are not spaces).
const WIDE_SPACES = new Set([0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x205f, 0x3000]);

/** The code point at `i` and its length in bytes; -1 for a byte that does not start valid UTF-8. */
function decodeAt(bytes: Uint8Array, i: number): { codePoint: number; length: number } {
  const first = bytes[i];
  if (first < 0x80) return { codePoint: first, length: 1 };
  const length = first >= 0xf0 && first < 0xf5 ? 4 : first >= 0xe0 ? 3 : first >= 0xc2 && first < 0xe0 ? 2 : 0;
  if (length === 0 || (length === 3 && first >= 0xf0) || i + length > bytes.length) return { codePoint: -1, length: 1 };
  let codePoint = first & (0xff >> (length + 1));
  for (let k = 1; k < length; k++) {
    const next = bytes[i + k];
    if ((next & 0xc0) !== 0x80) return { codePoint: -1, length: 1 };
    codePoint = (codePoint << 6) | (next & 0x3f);
  }
  const overlong = codePoint < [0, 0, 0x80, 0x800, 0x10000][length];
  if (overlong || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return { codePoint: -1, length: 1 };
  return { codePoint, length };
}

function isSpace(codePoint: number): boolean {
  return codePoint === 32 || (codePoint >= 9 && codePoint <= 13) || WIDE_SPACES.has(codePoint);
}

function isPrintable(codePoint: number): boolean {
  return codePoint >= 0x20 && codePoint !== 0x7f && !(codePoint >= 0x80 && codePoint <= 0x9f);
}

/**
 * Counts as GNU wc 9 does in a UTF-8 locale: a word starts at a printable character after white
 * space; control characters and bytes that are not UTF-8 neither start nor end a word.
 */
function count(bytes: Uint8Array, withWords: boolean): Counts {
  let lines = 0;
  for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) lines++;
  if (!withWords) return { lines, words: 0, chars: 0, bytes: bytes.length };
  let words = 0;
  let chars = 0;
  let inWord = false;
  for (let i = 0; i < bytes.length; ) {
    const { codePoint, length } = decodeAt(bytes, i);
    i += length;
    if (codePoint >= 0) chars++;
    if (codePoint >= 0 && isSpace(codePoint)) inWord = false;
    else if (!inWord && codePoint >= 0 && isPrintable(codePoint)) {
      inWord = true;
      words++;
    }
  }
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
      const counts = count(input.bytes, selected.includes('words') || selected.includes('chars'));
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
