/** coreutils seq for integers and decimals: seq LAST, seq FIRST LAST, seq FIRST STEP LAST, -s SEP, -w. */
import type { ShellCommand } from '../command.ts';
import { parseOptions, usageError } from './support/options.ts';
import { quoteCurly } from './support/inputs.ts';

/** More numbers than this are refused rather than built in memory. */
export const MAX_SEQ_NUMBERS = 1_000_000;

function decimals(text: string): number {
  const match = /\.([0-9]+)/.exec(text);
  return match ? match[1].length : 0;
}

export const seqCommand: ShellCommand = {
  name: 'seq',
  summary: 'print a sequence of numbers (seq 5, seq 2 10, seq 1 2 9)',
  run(ctx) {
    // Negative numbers are operands, not options, as in seq.
    const argv = ctx.argv.map((arg) => (/^-[0-9.]/.test(arg) ? `\u0000${arg}` : arg));
    const parsed = parseOptions({ ...ctx, argv }, [
      { key: 'separator', short: 's', long: 'separator', takesValue: true },
      { key: 'width', short: 'w', long: 'equal-width' },
    ]);
    if (typeof parsed === 'number') return parsed;
    const operands = parsed.operands.map((arg) => arg.replace(/^\u0000/, ''));
    if (operands.length === 0) return usageError(ctx, 'missing operand');
    if (operands.length > 3) return usageError(ctx, `extra operand ${quoteCurly(operands[3])}`);
    for (const operand of operands) {
      if (!/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)$/.test(operand)) {
        return usageError(ctx, `invalid floating point argument: ${quoteCurly(operand)}`);
      }
    }
    const [firstText, stepText, lastText] =
      operands.length === 1 ? ['1', '1', operands[0]] : operands.length === 2 ? [operands[0], '1', operands[1]] : operands;
    const first = Number(firstText);
    const step = Number(stepText);
    const last = Number(lastText);
    if (step === 0) return usageError(ctx, `invalid Zero increment value: ${quoteCurly(stepText)}`);
    const places = Math.max(decimals(firstText), decimals(stepText));
    const count = Math.floor((last - first) / step + 1e-9) + 1;
    if (count <= 0) return 0;
    if (count > MAX_SEQ_NUMBERS) {
      ctx.stderr.write(`seq: more than ${MAX_SEQ_NUMBERS.toLocaleString('en-US')} numbers is beyond this terminal's limit\n`);
      return 1;
    }
    const numbers: string[] = [];
    for (let i = 0; i < count; i++) numbers.push((first + i * step).toFixed(places));
    if (parsed.values.has('width')) {
      const width = Math.max(...numbers.map((n) => n.length));
      for (let i = 0; i < numbers.length; i++) {
        const n = numbers[i];
        numbers[i] = n.startsWith('-') ? '-' + n.slice(1).padStart(width - 1, '0') : n.padStart(width, '0');
      }
    }
    ctx.stdout.write(numbers.join(parsed.values.get('separator') ?? '\n') + '\n');
    return 0;
  },
};
