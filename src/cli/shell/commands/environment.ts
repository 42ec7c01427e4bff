/** bash's export and unset, and coreutils' env (printing the environment a command receives). */
import type { ShellCommand } from '../command.ts';
import { VARIABLE_NAME } from '../variables.ts';

/** How `export -p` shows a value: double-quoted with \ " $ ` escaped. */
function declareValue(value: string): string {
  return `"${value.replace(/[\\"$`]/g, (ch) => `\\${ch}`)}"`;
}

export const exportCommand: ShellCommand = {
  name: 'export',
  summary: 'export NAME=value: set an environment variable (export alone lists them)',
  run(ctx) {
    let args = ctx.argv.slice(1);
    let unexport = false;
    while (args[0]?.startsWith('-') && args[0] !== '-') {
      const flag = args.shift()!;
      if (flag === '--') break;
      if (flag === '-n') unexport = true;
      else if (flag !== '-p') {
        ctx.stderr.write(`bash: export: ${flag.slice(0, 2)}: invalid option\nexport: usage: export [-fn] [name[=value] ...] or export -p\n`);
        return 2;
      }
    }
    const variables = ctx.session.variables;
    if (args.length === 0) {
      for (const name of variables.exportedNames().sort()) {
        ctx.stdout.write(`declare -x ${name}=${declareValue(variables.get(name) ?? '')}\n`);
      }
      return 0;
    }
    let status = 0;
    for (const arg of args) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg : arg.slice(0, eq);
      if (!VARIABLE_NAME.test(name)) {
        ctx.stderr.write(`bash: export: \`${arg}': not a valid identifier\n`);
        status = 1;
        continue;
      }
      if (unexport) {
        const value = variables.get(name);
        variables.unset(name);
        if (value !== undefined) variables.set(name, value);
      } else variables.export(name, eq < 0 ? undefined : arg.slice(eq + 1));
    }
    return status;
  },
};

export const unsetCommand: ShellCommand = {
  name: 'unset',
  summary: 'remove variables',
  run(ctx) {
    for (const name of ctx.argv.slice(1)) {
      if (name === '-v' || name === '-f') continue;
      if (VARIABLE_NAME.test(name)) ctx.session.variables.unset(name);
    }
    return 0;
  },
};

export const envCommand: ShellCommand = {
  name: 'env',
  summary: 'print the environment (exported variables)',
  run(ctx) {
    if (ctx.argv.length > 1) {
      ctx.stderr.write('env: running a command through env is not supported in this terminal; write NAME=value command instead\n');
      return 125;
    }
    for (const [name, value] of Object.entries(ctx.env)) ctx.stdout.write(`${name}=${value}\n`);
    return 0;
  },
};
