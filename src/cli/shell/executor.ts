/**
 * Runs a parsed command list. Pipelines run stage by stage: each stage's output (bytes) becomes
 * the next stage's stdin, which is exact for programs that read all input before writing, and the
 * commands here all do. `&&`, `||`, `;` follow bash's left-to-right rules; `$?` is kept in the
 * session. Every failure becomes a message and an exit status — nothing escapes as an exception.
 */
import type { CommandList, Pipeline, SimpleCommand } from './ast.ts';
import type { CommandContext, ShellCommand } from './command.ts';
import {
  expandToString,
  expandWord,
  expandWords,
  ExpansionError,
  MAX_EXPANSION_CHARACTERS,
  type ExpansionContext,
} from './expand.ts';
import { applyRedirections, RedirectionError, type DescriptorTable } from './redirections.ts';
import type { ShellState } from './session.ts';
import { displayName } from './shell-quote.ts';
import { BufferSink, DiscardSink, FileSink, OutputLimitError, type ByteSink } from './sinks.ts';
import { fromUtf8, type Bytes } from '../vfs/encoding.ts';
import { isVfsError, strerror } from '../vfs/errors.ts';
import { MAX_FILE_BYTES } from '../vfs/limits.ts';

export interface Io {
  stdin: Bytes;
  stdout: ByteSink;
  stderr: ByteSink;
}

const PIPE_LIMIT_MESSAGE = 'write error: more than 64 MiB in one pipe (the limit of this terminal)';

/** Exit statuses bash uses. */
export const STATUS = { notFound: 127, notExecutable: 126 } as const;

export class Executor {
  /** How many `$( … )` have run; an assignment-only command takes the status of the last one. */
  private substitutions = 0;

  constructor(private readonly state: ShellState) {}

  async runList(list: CommandList, io: Io): Promise<number> {
    let status = this.state.lastStatus;
    let previous: CommandList['items'][number]['connector'] = ';';
    for (const { pipeline, connector } of list.items) {
      const skip = (previous === '&&' && status !== 0) || (previous === '||' && status === 0);
      if (!skip) {
        status = await this.runPipeline(pipeline, io);
        this.state.lastStatus = status;
      }
      if (connector === '&' && !skip) {
        io.stderr.write('bash: background jobs (&) are not simulated here; the command ran in the foreground\n');
      }
      previous = connector;
    }
    return status;
  }

  private async runPipeline(pipeline: Pipeline, io: Io): Promise<number> {
    let stdin = io.stdin;
    let status = 0;
    for (let i = 0; i < pipeline.commands.length; i++) {
      const last = i === pipeline.commands.length - 1;
      const pipe = last ? undefined : new BufferSink(MAX_FILE_BYTES, 'throw', PIPE_LIMIT_MESSAGE);
      const stdout = pipe ?? io.stdout;
      const stderr = pipe && pipeline.pipeStderr[i] ? pipe : io.stderr;
      status = await this.runSimpleCommand(pipeline.commands[i], { stdin, stdout, stderr });
      // A stage that is not first reads only the previous stage's output, never the terminal.
      stdin = pipe ? pipe.bytes() : new Uint8Array(0);
    }
    return status;
  }

  /** Expansions of one simple command, sharing one character budget. */
  private expansionContext(io: Io): ExpansionContext {
    const state = this.state;
    let used = 0;
    return {
      charge(characters) {
        used += characters;
        if (used > MAX_EXPANSION_CHARACTERS) {
          throw new ExpansionError('bash: expansions larger than 64 MiB in one command are beyond the limit of this terminal');
        }
      },
      lookup: (name) => state.lookup(name),
      assign: (name, value) => state.variables.set(name, value),
      substitute: (list) => this.substitute(list, io),
      home: () => state.home,
      fs: state.fs,
      cwd: state.cwd,
    };
  }

  /** `$( … )`: runs with its own output buffer; errors still reach the terminal. */
  private async substitute(list: CommandList, io: Io): Promise<string> {
    const out = new BufferSink(MAX_FILE_BYTES, 'throw', PIPE_LIMIT_MESSAGE);
    const status = await this.runList(list, { stdin: new Uint8Array(0), stdout: out, stderr: io.stderr });
    this.state.lastStatus = status;
    this.substitutions++;
    return fromUtf8(out.bytes()).replace(/\n+$/, '');
  }

  private async runSimpleCommand(command: SimpleCommand, io: Io): Promise<number> {
    const expansion = this.expansionContext(io);
    const substitutionsBefore = this.substitutions;
    let argv: string[];
    const assignments: [string, string][] = [];
    try {
      argv = await expandWords(command.words, expansion);
      for (const { name, value } of command.assignments) assignments.push([name, await expandToString(value, expansion)]);
    } catch (error) {
      return this.reportFailure(error, io.stderr, 'bash');
    }

    const table: DescriptorTable = new Map([
      [0, { kind: 'in', bytes: io.stdin }],
      [1, { kind: 'out', sink: io.stdout }],
      [2, { kind: 'out', sink: io.stderr }],
    ]);
    let opened: FileSink[];
    try {
      opened = await applyRedirections(command.redirections, table, {
        fs: this.state.fs,
        resolve: (path) => this.state.resolve(path),
        expandTarget: (redirection) => expandWord(redirection.target, expansion),
        expandHereString: (redirection) => expandToString(redirection.target, expansion),
      });
    } catch (error) {
      return this.reportFailure(error, io.stderr, 'bash');
    }

    const stdinEntry = table.get(0);
    const stdoutEntry = table.get(1);
    const stderrEntry = table.get(2);
    const stdin = stdinEntry?.kind === 'in' ? stdinEntry.bytes : new Uint8Array(0);
    const stdinIsFile = stdinEntry?.kind === 'in' && stdinEntry.fromFile === true;
    const stdout = stdoutEntry?.kind === 'out' ? stdoutEntry.sink : new DiscardSink();
    const stderr = stderrEntry?.kind === 'out' ? stderrEntry.sink : new DiscardSink();

    let status: number;
    if (argv.length === 0) {
      // Only assignments (and redirections): they set shell variables. Like bash, the status is
      // that of the last command substitution (KEY=$(aws …) fails when aws fails), else 0.
      for (const [name, value] of assignments) this.state.variables.set(name, value);
      status = this.substitutions > substitutionsBefore ? this.state.lastStatus : 0;
    } else {
      status = await this.runProgram(argv, assignments, { stdin, stdout, stderr }, stdinIsFile);
    }
    for (const file of opened) {
      try {
        file.close();
      } catch (error) {
        status = this.reportFailure(error, stderr, argv[0] ?? 'bash');
      }
    }
    return status;
  }

  private async runProgram(argv: string[], assignments: [string, string][], io: Io, stdinIsFile: boolean): Promise<number> {
    const name = argv[0];
    const command = this.findCommand(name, io.stderr);
    if (typeof command === 'number') return command;
    const env = { ...this.state.variables.environment(), ...Object.fromEntries(assignments) };
    const state = this.state;
    const context: CommandContext = {
      argv,
      stdin: io.stdin,
      stdout: io.stdout,
      stderr: io.stderr,
      stdoutIsTerminal: io.stdout === state.terminalStdout,
      stdinIsFile,
      stdoutFile: io.stdout instanceof FileSink ? io.stdout.path : undefined,
      env,
      fs: state.fs,
      cwd: state.cwd,
      resolve: (path) => state.resolve(path),
      session: state,
    };
    try {
      const status = await command.run(context);
      return Number.isInteger(status) && status >= 0 ? status & 255 : 1;
    } catch (error) {
      return this.reportFailure(error, io.stderr, name);
    }
  }

  /** The registered command, or the status bash gives when there is none. */
  private findCommand(name: string, stderr: ByteSink): ShellCommand | number {
    if (name.includes('/')) {
      // No programs live in the file system: a path names a file that cannot be executed.
      const stat = this.state.fs.stat(this.state.resolve(name));
      if (!stat) {
        stderr.write(`bash: ${name}: No such file or directory\n`);
        return STATUS.notFound;
      }
      stderr.write(`bash: ${name}: ${stat.kind === 'dir' ? 'Is a directory' : 'Permission denied'}\n`);
      return STATUS.notExecutable;
    }
    const command = this.state.registry.get(name);
    if (!command) {
      stderr.write(`bash: ${displayName(name)}: command not found\n`);
      return STATUS.notFound;
    }
    return command;
  }

  /** Prints what went wrong and returns the status; unknown errors are bugs, named as such. */
  private reportFailure(error: unknown, stderr: ByteSink, who: string): number {
    const write = (line: string) => {
      try {
        stderr.write(line);
      } catch {
        // The error stream itself is full; the status still tells what happened.
      }
    };
    if (error instanceof ExpansionError || error instanceof RedirectionError) {
      write(`${error.message}\n`);
      return 1;
    }
    if (error instanceof OutputLimitError) {
      write(`${who}: ${error.message}\n`);
      return 1;
    }
    if (isVfsError(error)) {
      write(`${who}: ${error.path}: ${strerror(error.code)}\n`);
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    write(`bash: ${who}: internal error: ${message}\n`);
    return 1;
  }
}
