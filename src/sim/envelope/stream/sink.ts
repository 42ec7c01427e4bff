/**
 * Where a file job writes its output, piece by piece, in order. The disk sink (opfs.ts) copies each
 * piece out at once, so nothing accumulates in memory; the memory sink keeps the pieces and makes
 * one Blob of them at the end, for where there is no private file system (Node, older browsers):
 * that is the one case where memory grows with the file, and the page says so.
 */

export type OutputStorage = 'disk' | 'memory';

export interface ChunkSink {
  readonly storage: OutputStorage;
  /** Appends `bytes`. A disk sink does not keep them after returning. */
  write(bytes: Uint8Array<ArrayBuffer> | ArrayBuffer): void | Promise<void>;
  /** The whole output, once everything is written. */
  finish(): Promise<Blob>;
  /** Drops whatever was written (a cancelled or failed job keeps nothing). */
  discard(): Promise<void>;
}

export function memorySink(): ChunkSink {
  let parts: BlobPart[] = [];
  return {
    storage: 'memory',
    write: (bytes) => void parts.push(bytes),
    finish: async () => new Blob(parts, { type: 'application/octet-stream' }),
    discard: async () => void (parts = []),
  };
}
