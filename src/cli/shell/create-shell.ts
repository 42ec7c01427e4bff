/**
 * The public entry point, `createShell({ kms, files })`: a shell with its own file system, variables and history, running one
 * line at a time. Lines run strictly one after another even if `run` is called again before the
 * previous line finished. Whatever a line does, `run` resolves with text for the screen and an
 * exit status; output is capped so nothing typed can freeze the page.
 */
import type { ModelClock } from '../../sim/core/clock.ts';
import type { Kms, KmsCaller } from '../../kms/index.ts';
import { createAwsCommand } from '../aws/aws-command.ts';
import { VirtualFileSystem } from '../vfs/file-system.ts';
import { utf8 } from '../vfs/encoding.ts';
import { dirname, resolvePath, tildePath } from '../vfs/path.ts';
import { CommandRegistry, type ShellCommand } from './command.ts';
import { builtinCommands } from './commands/index.ts';
import { completeLine, type Completion } from './completion.ts';
import { Executor } from './executor.ts';
import { parseCommandLine } from './parser.ts';
import { ShellState } from './session.ts';
import { BufferSink } from './sinks.ts';
import { ShellSyntaxError } from './syntax-error.ts';
import { terminalText, truncationNote } from './terminal-text.ts';
import type { Variables } from './variables.ts';

/** Each stream of one line's output shows at most this much; the rest is counted in a note. */
export const TERMINAL_OUTPUT_LIMIT = 256 * 1024;
/** Longer lines are refused (a paste of a whole file belongs in a file). */
export const MAX_LINE_LENGTH = 256 * 1024;

export interface ShellOptions {
  /** Files to start with, by path relative to the home directory (or absolute). */
  files?: Readonly<Record<string, string | Uint8Array>>;
  /** An existing file system to work in (a sandbox's saved one); `files` are added to it. */
  fs?: VirtualFileSystem;
  /** Extra exported variables (e.g. AWS_DEFAULT_REGION). */
  env?: Readonly<Record<string, string>>;
  /** More commands; a command named like a builtin replaces it (and one named `aws` replaces `kms`'s). */
  commands?: readonly ShellCommand[];
  /** The simulated KMS the `aws` command calls; without it the shell has no `aws`. */
  kms?: Kms;
  /** Who `aws` acts as, asked on every call (the sandbox's "act as"); default the KMS account's root. */
  caller?: () => KmsCaller;
  /** `aws`'s region when neither --region nor AWS_REGION / AWS_DEFAULT_REGION names one (default eu-west-2). */
  region?: string;
  /** The address `aws` calls come from (aws:SourceIp), asked per call; see createAwsCommand. */
  sourceIp?: () => string | undefined;
  /** Model time for file times (`ls -l`). */
  clock?: Pick<ModelClock, 'now'>;
  /** Lines typed in an earlier visit (a saved sandbox), oldest first. */
  history?: readonly string[];
  /** The working directory to start in (absolute); home when missing or not a directory. */
  cwd?: string;
}

export interface ShellResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** `clear` ran: the terminal should wipe the screen before showing this output. */
  clear?: boolean;
}

export interface Shell {
  run(line: string): Promise<ShellResult>;
  /** Completions for the word before `cursor` (default: the end of the line). */
  complete(line: string, cursor?: number): Promise<Completion>;
  /** Registers one more command (the `aws` seam); it appears in `help` and in completion. */
  register(command: ShellCommand): void;
  readonly fs: VirtualFileSystem;
  /** The exported environment, as a command would receive it now. */
  readonly env: Readonly<Record<string, string>>;
  readonly variables: Variables;
  readonly history: readonly string[];
  readonly cwd: string;
  /** bash's default prompt for the current directory: `learner@kms-lab:~$ `. */
  prompt(): string;
}

function seedFiles(fs: VirtualFileSystem, files: Readonly<Record<string, string | Uint8Array>>): void {
  for (const [name, content] of Object.entries(files)) {
    const path = resolvePath(fs.home, name, fs.home);
    fs.mkdir(dirname(path), { parents: true });
    fs.writeFile(path, typeof content === 'string' ? utf8(content) : content);
  }
}

export function createShell(options: ShellOptions = {}): Shell {
  const fs = options.fs ?? new VirtualFileSystem({ clock: options.clock });
  if (options.files) seedFiles(fs, options.files);
  const registry = new CommandRegistry();
  const aws = options.kms ? [createAwsCommand({ kms: options.kms, caller: options.caller, defaultRegion: options.region, sourceIp: options.sourceIp })] : [];
  for (const command of [...builtinCommands, ...aws, ...(options.commands ?? [])]) registry.register(command);
  const state = new ShellState(fs, registry, options.env ?? {});
  for (const line of options.history ?? []) state.addHistory(line);
  if (options.cwd && fs.isDirectory(resolvePath('/', options.cwd, fs.home))) state.cwd = resolvePath('/', options.cwd, fs.home);
  const executor = new Executor(state);
  let queue: Promise<unknown> = Promise.resolve();

  async function runNow(line: string): Promise<ShellResult> {
    const stdout = new BufferSink(TERMINAL_OUTPUT_LIMIT, 'truncate');
    const stderr = new BufferSink(TERMINAL_OUTPUT_LIMIT, 'truncate');
    state.terminal = { stdout, stderr };
    state.clearRequested = false;
    if (line.trim() !== '') state.addHistory(line.length > 1000 ? line.slice(0, 1000) + '…' : line);
    let exitCode: number;
    if (line.length > MAX_LINE_LENGTH) {
      stderr.write(`bash: line too long for this terminal (more than ${MAX_LINE_LENGTH.toLocaleString('en-US')} characters)\n`);
      exitCode = 2;
    } else {
      try {
        const list = parseCommandLine(line);
        exitCode = await executor.runList(list, { stdin: new Uint8Array(0), stdout, stderr });
      } catch (error) {
        if (!(error instanceof ShellSyntaxError)) throw error;
        stderr.write(error.message + '\n');
        exitCode = error.status;
      }
    }
    state.lastStatus = exitCode;
    state.terminal = undefined;
    const show = (sink: BufferSink) => terminalText(sink.bytes()) + (sink.droppedBytes > 0 ? truncationNote(sink.droppedBytes) : '');
    const result: ShellResult = { stdout: show(stdout), stderr: show(stderr), exitCode };
    if (state.clearRequested) result.clear = true;
    return result;
  }

  async function runSafely(line: string): Promise<ShellResult> {
    try {
      return await runNow(String(line));
    } catch (error) {
      // Only a defect in the shell itself lands here; the learner still gets a status back.
      const message = error instanceof Error ? error.message : String(error);
      state.lastStatus = 1;
      return { stdout: '', stderr: `bash: internal error: ${message}\n`, exitCode: 1 };
    }
  }

  return {
    run(line) {
      const result = queue.then(() => runSafely(line));
      queue = result;
      return result;
    },
    async complete(line, cursor = line.length) {
      await queue;
      try {
        return await completeLine(state, line, cursor);
      } catch {
        return { replaceFrom: cursor, candidates: [] };
      }
    },
    register(command) {
      registry.register(command);
    },
    fs,
    get env() {
      return state.variables.environment();
    },
    variables: state.variables,
    history: state.history,
    get cwd() {
      return state.cwd;
    },
    prompt() {
      return `learner@kms-lab:${tildePath(state.cwd, state.home)}$ `;
    },
  };
}
