/** bash's cd (no argument: home; `-`: the previous directory, printed) and pwd. */
import type { ShellCommand } from '../command.ts';

export const cdCommand: ShellCommand = {
  name: 'cd',
  summary: 'change the working directory (cd, cd DIR, cd -, cd ~)',
  run(ctx) {
    const args = ctx.argv.slice(1).filter((arg, i) => !(i === 0 && arg === '--'));
    if (args.length > 1) {
      ctx.stderr.write('bash: cd: too many arguments\n');
      return 1;
    }
    const session = ctx.session;
    let target: string | undefined = args[0];
    if (target === undefined) {
      target = session.variables.get('HOME');
      if (target === undefined) {
        ctx.stderr.write('bash: cd: HOME not set\n');
        return 1;
      }
    } else if (target === '-') {
      target = session.variables.get('OLDPWD');
      if (target === undefined) {
        ctx.stderr.write('bash: cd: OLDPWD not set\n');
        return 1;
      }
      ctx.stdout.write(target + '\n');
    }
    if (target === '') return 0;
    const path = ctx.resolve(target);
    const stat = ctx.fs.stat(path);
    if (!stat) {
      ctx.stderr.write(`bash: cd: ${target}: No such file or directory\n`);
      return 1;
    }
    if (stat.kind !== 'dir') {
      ctx.stderr.write(`bash: cd: ${target}: Not a directory\n`);
      return 1;
    }
    session.cwd = path;
    return 0;
  },
};

export const pwdCommand: ShellCommand = {
  name: 'pwd',
  summary: 'print the working directory',
  run(ctx) {
    ctx.stdout.write(ctx.session.cwd + '\n');
    return 0;
  },
};
