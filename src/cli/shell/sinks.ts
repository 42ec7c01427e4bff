/**
 * Where a command's output goes: the terminal, a pipe, a file, or nowhere. Every sink is bounded,
 * so a runaway command cannot exhaust memory: the terminal keeps the first part and notes what
 * was cut; a pipe or a file refuses to grow past 64 MiB and stops the writer with an error.
 */
import { utf8, concatBytes, type Bytes } from '../vfs/encoding.ts';
import type { VirtualFileSystem } from '../vfs/file-system.ts';
import { MAX_FILE_BYTES } from '../vfs/limits.ts';

export interface ByteSink {
  /** Text is written as UTF-8. */
  write(data: Uint8Array | string): void;
}

/** Thrown into a writer when a bounded sink is full; the shell reports it, the page stays alive. */
export class OutputLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputLimitError';
  }
}

function asBytes(data: Uint8Array | string): Uint8Array {
  return typeof data === 'string' ? utf8(data) : data;
}

/** How much a truncating sink counts past its limit before it stops the writer after all. */
export const MAX_DROPPED_BYTES = 16 * 1024 * 1024;

/**
 * Collects bytes up to a limit; beyond it, either drops them (counting) or throws. A truncating
 * sink still stops a writer that goes on past 16 MiB more, so no command can run unbounded.
 */
export class BufferSink implements ByteSink {
  private chunks: Uint8Array[] = [];
  private size = 0;
  /** Bytes dropped because the limit was reached (only in 'truncate' mode). */
  droppedBytes = 0;

  constructor(
    private readonly limit: number,
    private readonly overflow: 'truncate' | 'throw',
    private readonly overflowMessage = 'pipe',
  ) {}

  write(data: Uint8Array | string): void {
    const bytes = asBytes(data);
    if (bytes.length === 0) return;
    const room = this.limit - this.size;
    if (bytes.length > room) {
      if (this.overflow === 'throw') throw new OutputLimitError(this.overflowMessage);
      if (room > 0) this.push(bytes.slice(0, room));
      this.droppedBytes += bytes.length - Math.max(room, 0);
      if (this.droppedBytes > MAX_DROPPED_BYTES) throw new OutputLimitError('write error: more than 16 MiB of output to the screen (the limit of this terminal)');
      return;
    }
    this.push(bytes.slice());
  }

  bytes(): Bytes {
    if (this.chunks.length !== 1) this.chunks = [concatBytes(this.chunks)];
    return this.chunks[0] as Bytes;
  }

  /** Forgets everything written so far (`clear`). */
  reset(): void {
    this.chunks = [];
    this.size = 0;
    this.droppedBytes = 0;
  }

  private push(bytes: Uint8Array): void {
    this.chunks.push(bytes);
    this.size += bytes.length;
  }
}

export class DiscardSink implements ByteSink {
  write(): void {}
}

/**
 * A file opened by `>` or `>>`. Like the kernel, `>` truncates the file when it is opened (before
 * the command runs); the written bytes land in the file when the command finishes.
 */
export class FileSink implements ByteSink {
  private readonly buffer: BufferSink;
  private readonly startSize: number;

  constructor(
    private readonly fs: VirtualFileSystem,
    readonly path: string,
    append: boolean,
  ) {
    if (!append || !fs.exists(path)) fs.writeFile(path, new Uint8Array(0));
    else fs.readFile(path); // throws EISDIR for a directory, as open(2) does
    this.startSize = fs.stat(path)?.size ?? 0;
    this.buffer = new BufferSink(Math.max(0, MAX_FILE_BYTES - this.startSize), 'throw');
  }

  write(data: Uint8Array | string): void {
    try {
      this.buffer.write(data);
    } catch (error) {
      // What was written before stays in the file, as with a real disk quota; the writer stops.
      if (error instanceof OutputLimitError) throw new OutputLimitError('write error: File too large');
      throw error;
    }
  }

  /** Writes what was collected; errors (the file vanished, the disk is full) propagate. */
  close(): void {
    const bytes = this.buffer.bytes();
    if (bytes.length > 0) this.fs.writeFile(this.path, bytes, { append: true });
  }
}
