/**
 * The CLI layer's public face: the terminal's shell (with the `aws` command when given a KMS), the
 * AWS CLI emulator on its own, and the virtual file system the sandbox saves.
 *
 * ```ts
 * const shell = createShell({ kms, files: { 'secret.txt': 'hello' } });
 * const { stdout, stderr, exitCode } = await shell.run('aws kms encrypt --key-id alias/tutorial --plaintext fileb://secret.txt');
 * ```
 */
export { createShell, withRun, TERMINAL_OUTPUT_LIMIT, MAX_LINE_LENGTH, escapeForShell } from './shell/index.ts';
export type { Shell, ShellOptions, ShellResult, ShellCommand, CommandContext, CompletionRequest, Completion } from './shell/index.ts';
export { createAwsCommand, CLI_VERSION, KMS_COMMANDS } from './aws/index.ts';
export type { AwsCommandOptions } from './aws/index.ts';
export { VirtualFileSystem, saveFileSystem, loadFileSystem, SAVED_FILE_SYSTEM_VERSION } from './vfs/index.ts';
export type { SavedFileSystem } from './vfs/index.ts';
