/**
 * Writes text produced line by line in chunks, so a dump of a large file streams into its sink
 * (and a full pipe stops the command early) instead of building one enormous string first.
 */
import type { ByteSink } from '../../sinks.ts';

const CHUNK_CHARACTERS = 64 * 1024;

export class ChunkedWriter {
  private pending: string[] = [];
  private size = 0;

  constructor(private readonly sink: ByteSink) {}

  write(text: string): void {
    this.pending.push(text);
    this.size += text.length;
    if (this.size >= CHUNK_CHARACTERS) this.flush();
  }

  flush(): void {
    if (this.pending.length === 0) return;
    this.sink.write(this.pending.join(''));
    this.pending = [];
    this.size = 0;
  }
}
