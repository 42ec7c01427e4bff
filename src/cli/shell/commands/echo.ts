/** bash's builtin echo: -n (no newline), -e (escapes), -E; any other argument is printed as is. */
import type { ShellCommand } from '../command.ts';
import { decodeEscapes } from '../escapes.ts';
import { utf8 } from '../../vfs/encoding.ts';

export const echoCommand: ShellCommand = {
  name: 'echo',
  summary: 'print arguments (-n: no newline, -e: backslash escapes)',
  run(ctx) {
    const args = ctx.argv.slice(1);
    let newline = true;
    let escapes = false;
    while (args.length > 0 && /^-[neE]+$/.test(args[0])) {
      for (const flag of args.shift()!.slice(1)) {
        if (flag === 'n') newline = false;
        else escapes = flag === 'e';
      }
    }
    const text = args.join(' ');
    if (!escapes) {
      ctx.stdout.write(utf8(newline ? text + '\n' : text));
      return 0;
    }
    const decoded = decodeEscapes(text, 'echo');
    ctx.stdout.write(decoded.bytes);
    if (newline && !decoded.stopped) ctx.stdout.write('\n');
    return 0;
  },
};
