/** The shell of the in-page terminal. `aws` plugs in as one more ShellCommand (see command.ts). */
export { createShell, TERMINAL_OUTPUT_LIMIT, MAX_LINE_LENGTH } from './create-shell.ts';
export { withRun } from './with-run.ts';
export type { Shell, ShellOptions, ShellResult } from './create-shell.ts';
export { CommandRegistry } from './command.ts';
export type { CommandContext, CompletionRequest, ShellCommand, ShellSession } from './command.ts';
export type { Completion } from './completion.ts';
export { escapeForShell } from './completion.ts';
export type { ByteSink } from './sinks.ts';
export { builtinCommands } from './commands/index.ts';
export { parseOptions, usageError } from './commands/support/options.ts';
export type { OptionSpec, ParsedOptions } from './commands/support/options.ts';
export { readInput } from './commands/support/inputs.ts';
export { Variables } from './variables.ts';
