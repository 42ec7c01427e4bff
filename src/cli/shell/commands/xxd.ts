/**
 * xxd: the default hex dump (`00000000: 6865 6c6c 6f0a  hello.`), -b (bits, 6 bytes a line),
 * -p (plain hex, 30 bytes a line), -c COLS, -g BYTES, -l LEN, -s OFFSET, -u, and -r -p (plain hex
 * back to bytes). Of -b and -p the last one given wins, as in xxd.
 */
import type { CommandContext, ShellCommand } from '../command.ts';
import { BufferSink } from '../sinks.ts';
import { MAX_FILE_BYTES } from '../../vfs/limits.ts';
import { ChunkedWriter } from './support/chunked-writer.ts';
import { readInput } from './support/inputs.ts';
import { hexByte, printableAscii } from './hex-dump.ts';

const USAGE = `Usage:
       xxd [options] [infile [outfile]]
    or
       xxd -r [-s [-]offset] [-c cols] [-ps] [infile [outfile]]
Options:
    -b          binary digit dump. Default columns: 6 (-ps: 30, otherwise 16).
    -c cols     format <cols> octets per line. Default 16 (-ps: 30).
    -g bytes    number of octets per group in normal output. Default 2.
    -h          print this summary.
    -l len      stop after <len> octets.
    -ps         output in postscript plain hexdump style.
    -r          reverse operation: convert (or patch) hexdump into binary (with -p here).
    -s seek     start at <seek> bytes abs. infile offset.
    -u          use upper case hex letters.
`;

interface XxdOptions {
  /** hex (default), plain (-p) or bits (-b): the last of -p and -b given. */
  mode: 'hex' | 'plain' | 'bits';
  reverse: boolean;
  upper: boolean;
  cols?: number;
  group?: number;
  length?: number;
  seek: number;
  files: string[];
}

function parseNumber(text: string | undefined): number | undefined {
  if (text === undefined || !/^(0x[0-9a-f]+|[0-9]+)$/i.test(text)) return undefined;
  return Number(text);
}

const NUMERIC_OPTIONS: Record<string, 'cols' | 'length' | 'group' | 'seek'> = {
  '-c': 'cols',
  '-cols': 'cols',
  '-l': 'length',
  '-len': 'length',
  '-g': 'group',
  '-groupsize': 'group',
  '-s': 'seek',
  '-seek': 'seek',
};

/** xxd parses its own options (single dash, -ps and -p alike); undefined means print usage. */
function parseXxdOptions(argv: readonly string[]): XxdOptions | undefined {
  const options: XxdOptions = { mode: 'hex', reverse: false, upper: false, seek: 0, files: [] };
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    const attached = /^(-[clgs])([0-9].*)$/.exec(arg);
    const key = NUMERIC_OPTIONS[attached ? attached[1] : arg];
    if (key) {
      // `-c 8` and `-c8` alike; a missing or non-numeric value is a usage error.
      const value = parseNumber(attached ? attached[2] : argv[++i]);
      if (value === undefined) return undefined;
      options[key] = value;
    } else if (arg === '-p' || arg === '-ps' || arg === '-postscript' || arg === '-plain') options.mode = 'plain';
    else if (arg === '-b' || arg === '-bits') options.mode = 'bits';
    else if (arg === '-r' || arg === '-revert') options.reverse = true;
    else if (arg === '-u') options.upper = true;
    else if (arg.startsWith('-') && arg !== '-') return undefined;
    else options.files.push(arg);
  }
  if (options.files.length > 2) return undefined;
  return options;
}

const bitsOf = (byte: number) => byte.toString(2).padStart(8, '0');

/** The hex dump, or with -b the bits dump: same layout, 8 binary digits a byte instead of 2 hex. */
function dump(bytes: Uint8Array, options: XxdOptions, out: ChunkedWriter): void {
  const bits = options.mode === 'bits';
  const cols = options.cols || (bits ? 6 : 16);
  // -g 0 means no grouping: the whole line is one group.
  const group = options.group === 0 ? cols : options.group ?? (bits ? 1 : 2);
  const cell = bits ? bitsOf : (byte: number) => hexByte(byte, options.upper);
  const blank = bits ? ' '.repeat(8) : '  ';
  for (let offset = 0; offset < bytes.length; offset += cols) {
    const line = bytes.subarray(offset, offset + cols);
    let hex = '';
    for (let i = 0; i < cols; i++) {
      hex += i < line.length ? cell(line[i]) : blank;
      if (group > 0 && (i + 1) % group === 0) hex += ' ';
    }
    if (group > 0 && cols % group !== 0) hex += ' ';
    out.write(`${(offset + options.seek).toString(16).padStart(8, '0')}: ${hex} ${printableAscii(line)}\n`);
  }
}

function plainDump(bytes: Uint8Array, options: XxdOptions, out: ChunkedWriter): void {
  const cols = options.cols || 30;
  for (let offset = 0; offset < bytes.length; offset += cols) {
    let line = '';
    for (const byte of bytes.subarray(offset, offset + cols)) line += hexByte(byte, options.upper);
    out.write(line + '\n');
  }
}

/** `xxd -r -p`: pairs of hex digits anywhere in the input, everything else skipped. */
function revertPlain(text: Uint8Array): Uint8Array {
  const digits = new TextDecoder().decode(text).replace(/[^0-9a-fA-F]/g, '');
  const out = new Uint8Array(Math.floor(digits.length / 2));
  for (let i = 0; i < out.length; i++) out[i] = parseInt(digits.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export const xxdCommand: ShellCommand = {
  name: 'xxd',
  summary: 'hex dump of bytes (-b: bits, -p: plain hex, -r -p: hex back to bytes)',
  run(ctx: CommandContext) {
    const options = parseXxdOptions(ctx.argv);
    if (!options) {
      ctx.stderr.write(USAGE);
      return 1;
    }
    if (options.reverse && options.mode === 'bits') {
      ctx.stderr.write('xxd: Sorry, cannot revert this type of hexdump\n');
      return 255;
    }
    if (options.reverse && options.mode === 'hex') {
      ctx.stderr.write('xxd: only plain hex (-r -p) can be reverted in this terminal\n');
      return 1;
    }
    const [infile = '-', outfile] = options.files;
    // With -l, xxd stops after seek + length bytes: enough to dump a slice of /dev/urandom.
    const stopsAt = options.length !== undefined && !options.reverse ? options.seek + options.length : undefined;
    const input = readInput(ctx, infile, { maxBytes: stopsAt });
    if (!input.ok) {
      ctx.stderr.write(`xxd: ${infile}: ${input.reason}\n`);
      return 2;
    }
    let bytes = input.bytes.subarray(Math.min(options.seek, input.bytes.length));
    if (options.length !== undefined) bytes = bytes.subarray(0, options.length);
    const toFile = outfile !== undefined && outfile !== '-';
    const collected = new BufferSink(MAX_FILE_BYTES, 'throw', 'write error: File too large');
    const sink = toFile ? collected : ctx.stdout;
    if (options.reverse) sink.write(revertPlain(input.bytes));
    else {
      const out = new ChunkedWriter(sink);
      if (options.mode === 'plain') plainDump(bytes, options, out);
      else dump(bytes, options, out);
      out.flush();
    }
    if (toFile) ctx.fs.writeFile(ctx.resolve(outfile), collected.bytes());
    return 0;
  },
};
