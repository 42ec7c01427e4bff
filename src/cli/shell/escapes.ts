/**
 * Backslash escapes, in the three dialects bash has: `echo -e` / `printf %b`, printf's format
 * string, and `$'…'` quoting. `\xHH` and octal escapes produce raw BYTES (not characters), so
 * `printf '\xff'` writes the single byte 0xff exactly as bash does.
 */
import { concatBytes, utf8, type Bytes } from '../vfs/encoding.ts';

export type EscapeDialect = 'echo' | 'printf-format' | 'ansi-c';

export interface DecodedEscapes {
  bytes: Bytes;
  /** `\c` was met: echo and %b stop all further output there. */
  stopped: boolean;
}

const SIMPLE: Record<string, number> = { a: 7, b: 8, e: 27, E: 27, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92 };

function isOctal(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '7';
}

function isHex(ch: string | undefined): boolean {
  return ch !== undefined && /^[0-9a-fA-F]$/.test(ch);
}

function readDigits(text: string, from: number, max: number, test: (ch: string | undefined) => boolean): string {
  let end = from;
  while (end < text.length && end - from < max && test(text[end])) end++;
  return text.slice(from, end);
}

export function decodeEscapes(text: string, dialect: EscapeDialect): DecodedEscapes {
  const chunks: Uint8Array[] = [];
  let literalStart = 0;
  let i = 0;
  const flush = (end: number) => {
    if (end > literalStart) chunks.push(utf8(text.slice(literalStart, end)));
  };
  while (i < text.length) {
    if (text[i] !== '\\' || i + 1 >= text.length) {
      i++;
      continue;
    }
    flush(i);
    const ch = text[i + 1];
    let next = i + 2;
    let out: Uint8Array | undefined;
    if (ch in SIMPLE) {
      out = Uint8Array.of(SIMPLE[ch]);
    } else if (ch === 'c' && dialect === 'echo') {
      return { bytes: concatBytes(chunks), stopped: true };
    } else if (ch === 'c' && dialect === 'ansi-c' && next < text.length) {
      // $'\cx' is control-x.
      out = Uint8Array.of(text.charCodeAt(next) & 31);
      next++;
    } else if ((ch === '"' || ch === '?' || ch === "'") && dialect !== 'echo') {
      out = utf8(ch);
    } else if (ch === 'x' && isHex(text[next])) {
      const digits = readDigits(text, next, 2, isHex);
      out = Uint8Array.of(parseInt(digits, 16));
      next += digits.length;
    } else if ((ch === 'u' || ch === 'U') && isHex(text[next])) {
      const digits = readDigits(text, next, ch === 'u' ? 4 : 8, isHex);
      const codePoint = parseInt(digits, 16);
      out = utf8(codePoint <= 0x10ffff && (codePoint < 0xd800 || codePoint > 0xdfff) ? String.fromCodePoint(codePoint) : '\ufffd');
      next += digits.length;
    } else if (ch === '0' && dialect === 'echo') {
      // echo's octal form is \0nnn: up to three digits after the zero.
      const digits = readDigits(text, next, 3, isOctal);
      out = Uint8Array.of(parseInt(digits || '0', 8) & 255);
      next += digits.length;
    } else if (isOctal(ch) && dialect !== 'echo') {
      const digits = readDigits(text, i + 1, 3, isOctal);
      out = Uint8Array.of(parseInt(digits, 8) & 255);
      next = i + 1 + digits.length;
    }
    if (out) {
      chunks.push(out);
      literalStart = next;
      i = next;
    } else {
      // Unknown escapes are kept as typed, backslash included.
      literalStart = i;
      i += 2;
    }
  }
  flush(text.length);
  return { bytes: concatBytes(chunks), stopped: false };
}
