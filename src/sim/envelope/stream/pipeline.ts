/**
 * The bounded chunk pipeline every file job runs on: chunk `index` is produced (read, then sealed,
 * opened or compared; WebCrypto runs off the calling thread, and the reads of later chunks overlap
 * it) with at most `readAhead` chunks produced and not yet consumed at any moment. A chunk is
 * consumed (written out) strictly in order, and a new one starts only when one has been written, so
 * memory is `readAhead` chunks whatever the size of the file: backpressure from the sink reaches the
 * reader.
 */

/** What a job reads from: a Blob or File (or a test's fake), one range at a time, never whole. */
export interface ByteSource {
  readonly size: number;
  slice(start: number, end: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

export const readRange = (source: ByteSource, from: number, to: number): Promise<ArrayBuffer> => source.slice(from, to).arrayBuffer();

export interface ChunkPipeline<T> {
  count: number;
  /** How many chunks may be read or in WebCrypto at once, not yet written (at least 1). */
  readAhead: number;
  produce(index: number): Promise<T>;
  /** Called in index order; the next chunk starts once this returns (or resolves). */
  consume(result: T, index: number): void | Promise<void>;
  /** Stops between chunks with an AbortError. */
  signal?: AbortSignal;
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DOMException('the run was cancelled', 'AbortError');
}

export async function pipeChunks<T>({ count, readAhead, produce, consume, signal }: ChunkPipeline<T>): Promise<void> {
  const limit = Math.max(1, Math.floor(readAhead));
  const flight: Promise<T>[] = [];
  let started = 0;
  const topUp = () => {
    while (started < count && flight.length < limit) {
      const pending = produce(started++);
      // A later chunk's failure is reported when its turn comes, or not at all if an earlier one failed first.
      pending.catch(() => {});
      flight.push(pending);
    }
  };
  throwIfCancelled(signal);
  topUp();
  for (let index = 0; index < count; index++) {
    const result = await flight[0];
    throwIfCancelled(signal);
    await consume(result, index);
    flight.shift();
    topUp();
  }
}
