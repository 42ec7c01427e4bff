/** bash's builtin printf, including `-v NAME` (store the result in a variable). */
import type { ShellCommand } from '../command.ts';
import { VARIABLE_NAME } from '../variables.ts';
import { fromUtf8 } from '../../vfs/encoding.ts';
import { formatPrintf } from './printf-format.ts';

export const printfCommand: ShellCommand = {
  name: 'printf',
  summary: 'formatted output: printf FORMAT [ARG]… (%s %d %x %b %f, \\n escapes)',
  run(ctx) {
    let args = ctx.argv.slice(1);
    let variable: string | undefined;
    if (args[0] === '-v') {
      variable = args[1];
      if (variable === undefined) {
        ctx.stderr.write('bash: printf: -v: option requires an argument\nprintf: usage: printf [-v var] format [arguments]\n');
        return 2;
      }
      if (!VARIABLE_NAME.test(variable)) {
        ctx.stderr.write(`bash: printf: \`${variable}': not a valid identifier\n`);
        return 2;
      }
      args = args.slice(2);
    }
    if (args[0] === '--') args = args.slice(1);
    if (args.length === 0) {
      ctx.stderr.write('printf: usage: printf [-v var] format [arguments]\n');
      return 2;
    }
    const result = formatPrintf(args[0], args.slice(1));
    if (variable) ctx.session.variables.set(variable, fromUtf8(result.bytes));
    else ctx.stdout.write(result.bytes);
    for (const error of result.errors) ctx.stderr.write(`bash: ${error}\n`);
    return result.status;
  },
};
