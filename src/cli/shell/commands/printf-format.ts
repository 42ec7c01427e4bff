/**
 * The formatting engine of bash's printf builtin: the format is reused until the arguments run
 * out; %s %b %c %d %i %u %o %x %X %f %e %g %% with flags, width and precision (`*` too);
 * numbers accept 0x…, 0…, and 'c (a character's code). Output is bytes.
 */
import { decodeEscapes } from '../escapes.ts';
import { concatBytes, utf8 } from '../../vfs/encoding.ts';
import { exponentialC, fixedC } from './float-format.ts';
import { shellQuote } from '../shell-quote.ts';

export interface PrintfResult {
  bytes: Uint8Array;
  /** Messages for stderr ("printf: abc: invalid number"), each without the "bash: " prefix. */
  errors: string[];
  status: number;
}

export const MAX_PRINTF_BYTES = 64 * 1024 * 1024;

interface Spec {
  flags: string;
  width?: number;
  precision?: number;
  conversion: string;
}

const SPEC = /^%([-+ #0]*)(\*|[0-9]+)?(?:\.(\*|[0-9]*))?(?:hh|h|ll|l|L|j|z|t)?(.)?/;

function parseInteger(arg: string, errors: string[]): bigint {
  const text = arg.trim();
  if (/^['"]/.test(text)) return BigInt(text.length > 1 ? text.codePointAt(1)! : 0);
  const match = /^([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)/.exec(text);
  if (!match) {
    if (text !== '' || arg !== '') errors.push(`printf: ${arg}: invalid number`);
    return 0n;
  }
  const digits = match[2];
  let value = /^0[xX]/.test(digits) ? BigInt(digits) : digits.startsWith('0') && digits.length > 1 ? BigInt('0o' + digits.slice(1)) : BigInt(digits);
  if (match[1] === '-') value = -value;
  if (match[0].length !== text.length) errors.push(`printf: ${arg}: invalid number`);
  return value;
}

function parseFloatArg(arg: string, errors: string[]): number {
  const text = arg.trim();
  if (/^['"]/.test(text)) return text.length > 1 ? text.codePointAt(1)! : 0;
  if (text === '') return 0;
  const match = /^[+-]?(?:inf(?:inity)?|nan|0[xX][0-9a-fA-F]+|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)/i.exec(text);
  if (!match) {
    errors.push(`printf: ${arg}: invalid number`);
    return 0;
  }
  if (match[0].length !== text.length) errors.push(`printf: ${arg}: invalid number`);
  return /0x/i.test(match[0]) ? Number(BigInt(match[0].replace(/^[+-]/, ''))) * (match[0].startsWith('-') ? -1 : 1) : Number(match[0]);
}

function pad(body: string, spec: Spec, numeric: boolean): string {
  const width = spec.width ?? 0;
  if (body.length >= width) return body;
  if (spec.flags.includes('-')) return body + ' '.repeat(width - body.length);
  if (numeric && spec.flags.includes('0') && !/[a-zA-Z]/.test(body.replace(/^[+ -]?(0[xX])?/, '').replace(/e[+-]/i, ''))) {
    const sign = /^([+ -]|0[xX])/.exec(body)?.[0] ?? '';
    return sign + '0'.repeat(width - body.length) + body.slice(sign.length);
  }
  return ' '.repeat(width - body.length) + body;
}

function signed(text: string, negative: boolean, flags: string): string {
  if (negative) return '-' + text;
  if (flags.includes('+')) return '+' + text;
  if (flags.includes(' ')) return ' ' + text;
  return text;
}

function formatInteger(value: bigint, spec: Spec): string {
  const conversion = spec.conversion;
  let digits: string;
  let negative = false;
  if (conversion === 'd' || conversion === 'i') {
    negative = value < 0n;
    digits = (negative ? -value : value).toString();
  } else {
    const unsigned = value < 0n ? (1n << 64n) + value : value;
    digits = unsigned.toString(conversion === 'o' ? 8 : conversion === 'u' ? 10 : 16);
    if (conversion === 'X') digits = digits.toUpperCase();
    if (spec.flags.includes('#') && unsigned !== 0n) {
      if (conversion === 'o') digits = '0' + digits;
      if (conversion === 'x') digits = '0x' + digits;
      if (conversion === 'X') digits = '0X' + digits;
    }
  }
  if (spec.precision !== undefined) {
    const prefix = /^0[xX]/.test(digits) ? digits.slice(0, 2) : '';
    const rest = digits.slice(prefix.length);
    digits = spec.precision === 0 && value === 0n ? '' : prefix + rest.padStart(spec.precision, '0');
  }
  const body = conversion === 'd' || conversion === 'i' ? signed(digits, negative, spec.flags) : digits;
  return pad(body, spec.precision !== undefined ? { ...spec, flags: spec.flags.replace('0', '') } : spec, true);
}

function exponential(value: number, precision: number, upper: boolean): string {
  const text = exponentialC(value, precision);
  return upper ? text.toUpperCase() : text;
}

function formatFloat(value: number, spec: Spec): string {
  const conversion = spec.conversion;
  const upper = conversion === conversion.toUpperCase();
  const negative = value < 0 || Object.is(value, -0);
  const magnitude = Math.abs(value);
  let text: string;
  if (!Number.isFinite(magnitude)) text = Number.isNaN(magnitude) ? 'nan' : 'inf';
  else if (conversion === 'f' || conversion === 'F') text = fixedC(magnitude, Math.min(spec.precision ?? 6, 100));
  else if (conversion === 'e' || conversion === 'E') text = exponential(magnitude, Math.min(spec.precision ?? 6, 100), upper);
  else {
    const precision = spec.precision === 0 ? 1 : Math.min(spec.precision ?? 6, 100);
    // %g picks %e or %f from the exponent the value has after rounding to `precision` digits.
    const exponent = magnitude === 0 ? 0 : Number(exponentialC(magnitude, precision - 1).split('e')[1]);
    text =
      exponent < -4 || exponent >= precision
        ? exponential(magnitude, precision - 1, upper)
        : fixedC(magnitude, Math.max(0, precision - 1 - exponent));
    if (!spec.flags.includes('#')) {
      // %g drops trailing zeros of the fraction (and a bare point).
      const [mantissa, exponentPart = ''] = text.split(/(?=[eE])/);
      text = (mantissa.includes('.') ? mantissa.replace(/0+$/, '').replace(/\.$/, '') : mantissa) + exponentPart;
    }
  }
  if (upper) text = text.toUpperCase();
  return pad(signed(text, negative && !Number.isNaN(value), spec.flags), spec, true);
}

/** Splits a format into literal text and conversion specifications. */
function* scanFormat(format: string): Generator<{ literal: string } | { spec: string }> {
  let literal = '';
  for (let i = 0; i < format.length; i++) {
    if (format[i] === '\\' && i + 1 < format.length) {
      literal += format.slice(i, i + 2);
      i++;
    } else if (format[i] === '%') {
      if (literal) yield { literal };
      literal = '';
      const match = SPEC.exec(format.slice(i))!;
      yield { spec: match[0] };
      i += match[0].length - 1;
    } else literal += format[i];
  }
  if (literal) yield { literal };
}

export function formatPrintf(format: string, args: readonly string[]): PrintfResult {
  const chunks: Uint8Array[] = [];
  const errors: string[] = [];
  let next = 0;
  const take = () => (next < args.length ? args[next++] : undefined);
  let total = 0;
  const push = (...pieces: Uint8Array[]) => {
    for (const piece of pieces) {
      chunks.push(piece);
      total += piece.length;
    }
  };
  // printf builds its whole output before writing; past this size it stops instead.
  const tooLarge = () => total > MAX_PRINTF_BYTES;
  const done = (status: number) => ({ bytes: concatBytes(chunks), errors, status: errors.length > 0 ? Math.max(status, 1) : status });
  do {
    const before = next;
    for (const piece of scanFormat(format)) {
      if ('literal' in piece) {
        push(decodeEscapes(piece.literal, 'printf-format').bytes);
        continue;
      }
      const match = SPEC.exec(piece.spec)!;
      const conversion = match[4];
      if (conversion === '%') {
        push(utf8('%'));
        continue;
      }
      if (conversion === undefined) {
        errors.push('printf: `%\': missing format character');
        return done(1);
      }
      const spec: Spec = { flags: match[1], conversion };
      if (match[2] === '*') spec.width = Number(parseInteger(take() ?? '0', errors));
      else if (match[2]) spec.width = Number(match[2]);
      if (spec.width !== undefined && spec.width < 0) {
        spec.flags += '-';
        spec.width = -spec.width;
      }
      if (match[3] === '*') spec.precision = Math.max(0, Number(parseInteger(take() ?? '0', errors)));
      else if (match[3] !== undefined) spec.precision = Number(match[3] || '0');
      // Widths beyond this would only build huge strings; bash would print them, slowly.
      spec.width = Math.min(spec.width ?? 0, 1_000_000);
      const arg = take();
      switch (conversion) {
        case 's': {
          const text = arg ?? '';
          push(utf8(pad(spec.precision !== undefined ? [...text].slice(0, spec.precision).join('') : text, spec, false)));
          break;
        }
        case 'b': {
          const decoded = decodeEscapes(arg ?? '', 'echo');
          push(utf8(pad('', { ...spec, width: Math.max(0, spec.width - decoded.bytes.length) }, false)), decoded.bytes);
          if (decoded.stopped) return done(0);
          break;
        }
        case 'q':
          push(utf8(pad(shellQuote(arg ?? ''), spec, false)));
          break;
        case 'c':
          push(utf8(pad([...(arg ?? '')][0] ?? '', spec, false)));
          break;
        case 'd':
        case 'i':
        case 'u':
        case 'o':
        case 'x':
        case 'X':
          push(utf8(formatInteger(parseInteger(arg ?? '0', errors), spec)));
          break;
        case 'f':
        case 'F':
        case 'e':
        case 'E':
        case 'g':
        case 'G':
          push(utf8(formatFloat(parseFloatArg(arg ?? '0', errors), spec)));
          break;
        default:
          errors.push(`printf: \`${conversion}': invalid format character`);
          return done(1);
      }
    }
    // The format is reused while arguments remain, but only if it consumed some.
    if (next === before) break;
    if (tooLarge()) {
      errors.push('printf: write error: output larger than 64 MiB (the limit of this terminal)');
      return done(1);
    }
  } while (next < args.length);
  return done(0);
}
