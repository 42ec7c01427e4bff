/**
 * The seam every command plugs into — the shell's own utilities and, later, `aws`. A command is
 * a program: it receives argv, its stdin bytes, the environment and the file system, writes
 * bytes to stdout/stderr, and resolves to an exit status. It never throws for a user mistake;
 * it prints the message its real counterpart prints and returns that program's status.
 */
import type { Bytes } from '../vfs/encoding.ts';
import type { VirtualFileSystem } from '../vfs/file-system.ts';
import type { ByteSink } from './sinks.ts';
import type { Variables } from './variables.ts';

export interface CommandContext {
  /** argv[0] is the name the command was called by. */
  readonly argv: readonly string[];
  /** ArrayBuffer-backed, so it can go straight to WebCrypto (stack.md G5). */
  readonly stdin: Bytes;
  readonly stdout: ByteSink;
  readonly stderr: ByteSink;
  /** True when stdin was redirected from a file (`< file`): wc sizes its columns from it. */
  readonly stdinIsFile: boolean;
  /** The absolute path stdout writes to, when it was redirected to a file (cat refuses to read it). */
  readonly stdoutFile?: string;
  /** True when stdout is the terminal itself (ls prints columns there, one name a line elsewhere). */
  readonly stdoutIsTerminal: boolean;
  /** The exported environment, including `NAME=value` prefixes of this command line. */
  readonly env: Readonly<Record<string, string>>;
  readonly fs: VirtualFileSystem;
  /** The working directory (absolute). */
  readonly cwd: string;
  /** Turns a path as typed (relative, `~`, absolute) into an absolute path. */
  resolve(path: string): string;
  /** Shell state for the builtins that change it (cd, export, history, clear, help). */
  readonly session: ShellSession;
}

export interface ShellSession {
  readonly variables: Variables;
  readonly history: readonly string[];
  /** The number of history lines dropped off the front (history numbers start after them). */
  readonly historyBase: number;
  readonly registry: CommandRegistry;
  readonly home: string;
  cwd: string;
  clearHistory(): void;
  /** Removes `deleteCount` history lines from index `start` and puts `lines` there (history -d, -p, -s). */
  spliceHistory(start: number, deleteCount: number, ...lines: string[]): void;
  /** Asks the terminal to clear its screen once this line has run. */
  requestClear(): void;
}

/** What a command's completer is asked: the words before the cursor and the partial word at it. */
export interface CompletionRequest {
  /** Complete words before the one being completed; words[0] is the command name. */
  readonly words: readonly string[];
  /** The partial word under the cursor (quotes removed). */
  readonly current: string;
  readonly fs: VirtualFileSystem;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string>>;
  /** File-name completion, for commands that take file arguments (e.g. after `fileb://`). */
  completePath(partial: string): string[];
}

export interface ShellCommand {
  readonly name: string;
  /** One line for `help`, e.g. "encode or decode base64 (-d, -w N)". */
  readonly summary: string;
  run(context: CommandContext): number | Promise<number>;
  /**
   * Candidates that replace `current` (full words, e.g. "--key-id", "fileb://secret.txt"). Returning
   * undefined falls back to file-name completion.
   */
  complete?(request: CompletionRequest): readonly string[] | undefined | Promise<readonly string[] | undefined>;
}

export class CommandRegistry {
  private readonly commands = new Map<string, ShellCommand>();

  /** Adds a command; a later registration with the same name replaces the earlier one. */
  register(command: ShellCommand): void {
    this.commands.set(command.name, command);
  }

  get(name: string): ShellCommand | undefined {
    return this.commands.get(name);
  }

  names(): string[] {
    return [...this.commands.keys()].sort();
  }

  list(): ShellCommand[] {
    return this.names().map((name) => this.commands.get(name)!);
  }
}
