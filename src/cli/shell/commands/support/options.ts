/**
 * GNU getopt_long, as coreutils uses it: options may follow operands, `--` ends options, short
 * flags combine (`-rf`), values attach or follow (`-n5`, `-n 5`, `--lines=5`, `--lines 5`), long
 * options may be abbreviated to any unique prefix (`--dec`). Mistakes get coreutils' messages.
 */
import type { CommandContext } from '../../command.ts';

export interface OptionSpec {
  /** The key the option is stored under. */
  key: string;
  short?: string;
  long?: string;
  takesValue?: boolean;
}

export interface ParsedOptions {
  /** Values by key; flags map to 'true'. A repeated option keeps its last value. */
  values: Map<string, string>;
  operands: string[];
}

/** What a command prints after a usage mistake ("Try 'rm --help' for more information."). */
export function usageError(ctx: CommandContext, message: string, status = 1): number {
  const name = ctx.argv[0];
  ctx.stderr.write(`${name}: ${message}\nTry '${name} --help' for more information.\n`);
  return status;
}

/** Parses argv[1..]; on a mistake prints the message and returns the exit status instead. */
export function parseOptions(
  ctx: CommandContext,
  specs: readonly OptionSpec[],
  options: { usageStatus?: number; permute?: boolean } = {},
): ParsedOptions | number {
  const status = options.usageStatus ?? 1;
  const values = new Map<string, string>();
  const operands: string[] = [];
  const args = ctx.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = arg.slice(2, eq < 0 ? undefined : eq);
      const exact = specs.find((spec) => spec.long === name);
      const candidates = exact ? [exact] : specs.filter((spec) => spec.long?.startsWith(name));
      if (candidates.length === 0) return usageError(ctx, `unrecognized option '${eq < 0 ? arg : arg.slice(0, eq)}'`, status);
      if (candidates.length > 1) {
        const list = candidates.map((spec) => `'--${spec.long}'`).join(' ');
        return usageError(ctx, `option '${arg}' is ambiguous; possibilities: ${list}`, status);
      }
      const spec = candidates[0];
      if (spec.takesValue) {
        if (eq >= 0) values.set(spec.key, arg.slice(eq + 1));
        else if (i + 1 < args.length) values.set(spec.key, args[++i]);
        else return usageError(ctx, `option '--${spec.long}' requires an argument`, status);
      } else if (eq >= 0) {
        return usageError(ctx, `option '--${spec.long}' doesn't allow an argument`, status);
      } else values.set(spec.key, 'true');
      continue;
    }
    if (arg.startsWith('-') && arg !== '-') {
      for (let k = 1; k < arg.length; k++) {
        const letter = arg[k];
        const spec = specs.find((s) => s.short === letter);
        if (!spec) return usageError(ctx, `invalid option -- '${letter}'`, status);
        if (!spec.takesValue) {
          values.set(spec.key, 'true');
          continue;
        }
        if (k + 1 < arg.length) values.set(spec.key, arg.slice(k + 1));
        else if (i + 1 < args.length) values.set(spec.key, args[++i]);
        else return usageError(ctx, `option requires an argument -- '${letter}'`, status);
        break;
      }
      continue;
    }
    operands.push(arg);
    if (options.permute === false) {
      operands.push(...args.slice(i + 1));
      break;
    }
  }
  return { values, operands };
}
