/**
 * The state one terminal keeps between lines: variables, working directory, history, `$?`, and
 * the commands it knows. Builtins change it through the ShellSession interface.
 */
import type { VirtualFileSystem } from '../vfs/file-system.ts';
import { resolvePath } from '../vfs/path.ts';
import type { CommandRegistry, ShellSession } from './command.ts';
import type { BufferSink } from './sinks.ts';
import { Variables } from './variables.ts';

/** History keeps the newest lines, as bash's HISTSIZE does. */
export const HISTORY_SIZE = 1000;

/** `$$`: a fixed process id, so lessons replay the same output. */
export const SHELL_PID = 4242;

export class ShellState implements ShellSession {
  readonly variables = new Variables();
  readonly history: string[] = [];
  /** How many lines were ever added, so `history` numbers stay stable after old ones drop off. */
  historyBase = 0;
  lastStatus = 0;
  clearRequested = false;
  /** The screen's two streams while a line runs (set by the shell for each line). */
  terminal: { stdout: BufferSink; stderr: BufferSink } | undefined;

  get terminalStdout(): BufferSink | undefined {
    return this.terminal?.stdout;
  }
  private currentDirectory: string;

  constructor(
    readonly fs: VirtualFileSystem,
    readonly registry: CommandRegistry,
    initialEnv: Readonly<Record<string, string>>,
  ) {
    this.currentDirectory = fs.home;
    const defaults: Record<string, string> = {
      HOME: fs.home,
      USER: 'learner',
      LOGNAME: 'learner',
      SHELL: '/bin/bash',
      PATH: '/usr/local/bin:/usr/bin:/bin',
      PWD: fs.home,
      LANG: 'C.UTF-8',
      TERM: 'xterm-256color',
    };
    for (const [name, value] of Object.entries({ ...defaults, ...initialEnv })) this.variables.export(name, value);
  }

  get home(): string {
    return this.variables.get('HOME') || this.fs.home;
  }

  get cwd(): string {
    return this.currentDirectory;
  }

  set cwd(path: string) {
    this.variables.set('OLDPWD', this.currentDirectory);
    this.currentDirectory = path;
    this.variables.set('PWD', path);
  }

  resolve(path: string): string {
    return resolvePath(this.currentDirectory, path, this.home);
  }

  addHistory(line: string): void {
    this.history.push(line);
    if (this.history.length > HISTORY_SIZE) {
      this.history.shift();
      this.historyBase++;
    }
  }

  /** `history -c`: bash numbers the lines from 1 again afterwards. */
  clearHistory(): void {
    this.historyBase = 0;
    this.history.length = 0;
  }

  /** Later lines move up and are numbered down, as bash's remove_history does. */
  spliceHistory(start: number, deleteCount: number, ...lines: string[]): void {
    this.history.splice(start, deleteCount, ...lines);
  }

  /** `clear`: what the line printed before it is wiped along with the screen. */
  requestClear(): void {
    this.clearRequested = true;
    this.terminal?.stdout.reset();
    this.terminal?.stderr.reset();
  }

  /** Special parameters first (`$?`, `$$`, `$0`…), then variables. */
  lookup(name: string): string | undefined {
    switch (name) {
      case '?':
        return String(this.lastStatus);
      case '$':
        return String(SHELL_PID);
      case '0':
        return 'bash';
      case '#':
        return '0';
      case '-':
        return 'hB';
      case '@':
      case '*':
      case '!':
        return '';
    }
    if (/^[0-9]+$/.test(name)) return undefined;
    return this.variables.get(name);
  }
}
