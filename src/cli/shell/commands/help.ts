/**
 * `help`: what this terminal understands — every registered command (including `aws` once it is
 * registered) with its one-line summary, the shell syntax that works, and what is not simulated.
 */
import type { ShellCommand } from '../command.ts';

const SYNTAX = `Shell syntax:
  'single quotes'  "double quotes"  \\escapes  $'\\n escapes'  # comments
  $VAR  \${VAR}  \${VAR:-default}  \${#VAR}  $?  $(command)  \`command\`  ~  * ? [abc] globs
  cmd1 | cmd2    cmd |& cmd    cmd > file   cmd >> file   cmd < file   cmd <<< word
  cmd 2> file    cmd 2>&1      cmd &> file  cmd > /dev/null
  cmd1 ; cmd2    cmd1 && cmd2  cmd1 || cmd2   NAME=value   NAME=value cmd
Not available here: if/for/while/case, functions, ( subshells ), here-documents (<<),
background jobs (&), arithmetic $(( )). Programs cannot read the keyboard: stdin is empty
unless it comes from a pipe or a redirection.
`;

export const helpCommand: ShellCommand = {
  name: 'help',
  summary: 'list the commands and syntax this terminal supports (help NAME: one command)',
  run(ctx) {
    const registry = ctx.session.registry;
    const topics = ctx.argv.slice(1);
    if (topics.length > 0) {
      let status = 0;
      for (const topic of topics) {
        const command = registry.get(topic);
        if (command) ctx.stdout.write(`${command.name}: ${command.summary}\n`);
        else {
          ctx.stderr.write(`bash: help: no help topics match \`${topic}'.  Try \`help help' or \`man -k ${topic}' or \`info ${topic}'.\n`);
          status = 1;
        }
      }
      return status;
    }
    const commands = registry.list();
    const width = Math.max(...commands.map((c) => c.name.length));
    ctx.stdout.write('Commands:\n');
    for (const command of commands) ctx.stdout.write(`  ${command.name.padEnd(width)}  ${command.summary}\n`);
    ctx.stdout.write('\n' + SYNTAX);
    return 0;
  },
};
