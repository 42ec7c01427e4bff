/** The shell's own commands. `aws` is not here: it is registered by whoever creates the shell. */
import type { ShellCommand } from '../command.ts';
import { base64Command } from './base64.ts';
import { catCommand } from './cat.ts';
import { cpCommand, mvCommand } from './copy-move.ts';
import { echoCommand } from './echo.ts';
import { envCommand, exportCommand, unsetCommand } from './environment.ts';
import { headCommand, tailCommand } from './head-tail.ts';
import { helpCommand } from './help.ts';
import { lsCommand } from './ls.ts';
import { mkdirCommand, touchCommand } from './mkdir-touch.ts';
import { cdCommand, pwdCommand } from './navigation.ts';
import { odCommand } from './od.ts';
import { printfCommand } from './printf.ts';
import { rmCommand } from './rm.ts';
import { seqCommand } from './seq.ts';
import { clearCommand, colonCommand, falseCommand, historyCommand, trueCommand } from './session-commands.ts';
import { wcCommand } from './wc.ts';
import { xxdCommand } from './xxd.ts';

export const builtinCommands: readonly ShellCommand[] = [
  base64Command,
  catCommand,
  cdCommand,
  clearCommand,
  colonCommand,
  cpCommand,
  echoCommand,
  envCommand,
  exportCommand,
  falseCommand,
  headCommand,
  helpCommand,
  historyCommand,
  lsCommand,
  mkdirCommand,
  mvCommand,
  odCommand,
  printfCommand,
  pwdCommand,
  rmCommand,
  seqCommand,
  tailCommand,
  touchCommand,
  trueCommand,
  unsetCommand,
  wcCommand,
  xxdCommand,
];
