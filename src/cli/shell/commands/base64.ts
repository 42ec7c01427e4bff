/** coreutils base64: encode (76-column lines, -w COLS, -w 0) or decode (-d/--decode, -i). */
import type { ShellCommand } from '../command.ts';
import { parseOptions, usageError } from './support/options.ts';
import { quoteCurly, readInput } from './support/inputs.ts';
import { decodeBase64Gnu, encodeBase64Wrapped } from './base64-codec.ts';

export const base64Command: ShellCommand = {
  name: 'base64',
  summary: 'encode bytes as base64 (-w 0: one line) or decode it (-d / --decode)',
  run(ctx) {
    const parsed = parseOptions(ctx, [
      { key: 'decode', short: 'd', long: 'decode' },
      { key: 'ignore', short: 'i', long: 'ignore-garbage' },
      { key: 'wrap', short: 'w', long: 'wrap', takesValue: true },
    ]);
    if (typeof parsed === 'number') return parsed;
    if (parsed.operands.length > 1) return usageError(ctx, `extra operand ${quoteCurly(parsed.operands[1])}`);
    const wrapText = parsed.values.get('wrap') ?? '76';
    if (!/^[0-9]+$/.test(wrapText)) {
      ctx.stderr.write(`base64: invalid wrap size: ${quoteCurly(wrapText)}\n`);
      return 1;
    }
    const operand = parsed.operands[0] ?? '-';
    const input = readInput(ctx, operand);
    if (!input.ok) {
      ctx.stderr.write(input.code === 'EISDIR' ? `base64: read error: ${input.reason}\n` : `base64: ${operand}: ${input.reason}\n`);
      return 1;
    }
    if (!parsed.values.has('decode')) {
      ctx.stdout.write(encodeBase64Wrapped(input.bytes, Number(wrapText)));
      return 0;
    }
    const decoded = decodeBase64Gnu(input.bytes, parsed.values.has('ignore'));
    ctx.stdout.write(decoded.bytes);
    if (decoded.valid) return 0;
    ctx.stderr.write('base64: invalid input\n');
    return 1;
  },
};
