/**
 * Memory of the file path, proved with a fake reader and a fake sink: whatever the file's size, the
 * chunks read (or in WebCrypto) and not yet written never exceed the read-ahead bound, reads are one
 * chunk at most (never the whole file), and a slow sink holds the reader back (backpressure).
 */
import { describe, expect, it } from 'vitest';
import { importDataKey, openFile, pipeChunks, sameBytes, sealFile, type ByteSource, type ChunkSink } from '../../../../src/sim/envelope/stream';

const CHUNK = 64;
/** Waits a microtask (0) or one or two turns of the event loop (1, 2): enough to reorder reads and writes, fast enough for thousands. */
const ticks = async (n: number) => {
  if (n === 0) return Promise.resolve();
  for (let i = 0; i < n; i++) await new Promise<void>((resolve) => setImmediate(resolve));
};

/** A deterministic stream of small delays (0 = a microtask, 1–2 = event-loop turns), so reads and writes interleave unevenly. */
function delays(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state % 3;
  };
}

/** Counts chunks between "read started" and "written"; records the most held at once. */
class Meter {
  started = 0;
  written = 0;
  most = 0;
  largestRead = 0;
  begin(bytes: number) {
    this.started++;
    this.largestRead = Math.max(this.largestRead, bytes);
    this.most = Math.max(this.most, this.started - this.written);
  }
}

/** A file of `size` virtual bytes (a pattern made on demand for each read: nothing of it exists whole). */
function fakeFile(size: number, meter: Meter, delay: () => number, source?: Blob): ByteSource {
  return {
    size,
    slice: (start, end) => ({
      async arrayBuffer() {
        const to = Math.min(end, size);
        meter.begin(to - start);
        await ticks(delay());
        if (source) return source.slice(start, to).arrayBuffer();
        return Uint8Array.from({ length: Math.max(0, to - start) }, (_, i) => (start + i) & 0xff).buffer;
      },
    }),
  };
}

/** A sink that counts chunk writes (after `skip` header writes) and is sometimes slow, like a busy disk. */
function fakeSink(meter: Meter, delay: () => number, skip: number): ChunkSink & { bytes: number; discarded: boolean } {
  let seen = 0;
  const sink = {
    storage: 'disk' as const,
    bytes: 0,
    discarded: false,
    async write(bytes: Uint8Array | ArrayBuffer) {
      await ticks(delay());
      sink.bytes += bytes.byteLength;
      if (seen++ >= skip) meter.written++;
    },
    finish: async () => new Blob([]),
    discard: async () => void (sink.discarded = true),
  };
  return sink;
}

const sealRequest = async (file: ByteSource) => ({ file, key: await importDataKey(crypto.getRandomValues(new Uint8Array(32)), 'encrypt'), kmsKeyArn: 'k', encryptionContext: {}, encryptedDataKey: new Uint8Array(4), chunkBytes: CHUNK });

describe('bounded chunk pipeline', () => {
  for (const readAhead of [1, 4]) {
    it(`seals files of 3 to 3,000 chunks holding at most ${readAhead} chunk(s) at once, each read one chunk`, async () => {
      const most: number[] = [];
      for (const chunks of [3, 300, 3000]) {
        const meter = new Meter();
        const size = chunks * CHUNK - 5;
        const sink = fakeSink(meter, delays(chunks), 1);
        await sealFile(await sealRequest(fakeFile(size, meter, delays(chunks * 7))), { sink, readAhead });
        expect(meter.written).toBe(chunks);
        expect(sink.bytes).toBeGreaterThan(size); // every chunk written, tags and header included
        expect(meter.largestRead).toBeLessThanOrEqual(CHUNK);
        most.push(meter.most);
      }
      expect(Math.max(...most)).toBeLessThanOrEqual(readAhead);
      expect(most.at(-1)).toBe(readAhead); // the read-ahead is used, not serialised
    });
  }

  it('opens a sealed file of 2,000 chunks holding at most the read-ahead', async () => {
    const plaintext = Uint8Array.from({ length: 2000 * CHUNK }, (_, i) => (i * 7) & 0xff);
    const raw = crypto.getRandomValues(new Uint8Array(32));
    const keep = raw.slice();
    const sealed = await sealFile({ ...(await sealRequest(new Blob([plaintext]))), key: await importDataKey(raw, 'encrypt') });
    const meter = new Meter();
    const sink = fakeSink(meter, delays(3), 0);
    await openFile(fakeFile(sealed.size, meter, delays(5), sealed), await importDataKey(keep, 'decrypt'), { sink, readAhead: 3 });
    expect(sink.bytes).toBe(plaintext.length);
    // Two reads are the header's (length, then the header), outside the chunk pipeline.
    expect(meter.written).toBe(2000);
    expect(meter.most - 2).toBeLessThanOrEqual(3);
  });

  it('compares two 2,000-chunk files holding at most the read-ahead', async () => {
    const meter = new Meter();
    let consumed = 0;
    const size = 2000 * CHUNK;
    const a = fakeFile(size, meter, delays(1));
    const b = fakeFile(size, meter, delays(2));
    expect(await sameBytes(a, b, { chunkBytes: CHUNK, readAhead: 4, onProgress: () => void (meter.written = 2 * ++consumed) })).toBe(true);
    // Each chunk is two reads, one from each file.
    expect(meter.most).toBeLessThanOrEqual(2 * 4);
  });

  it('holds the reader back while the sink is slow (backpressure)', async () => {
    const order: string[] = [];
    await pipeChunks({
      count: 10,
      readAhead: 2,
      produce: async (index) => {
        order.push(`read ${index}`);
        return index;
      },
      consume: async (index) => {
        await ticks(2);
        order.push(`wrote ${index}`);
      },
    });
    for (let index = 2; index < 10; index++) expect(order.indexOf(`read ${index}`)).toBeGreaterThan(order.indexOf(`wrote ${index - 2}`));
  });

  it('discards the partial output when cancelled mid-file, and writes nothing more', async () => {
    const meter = new Meter();
    const sink = fakeSink(meter, delays(9), 1);
    const controller = new AbortController();
    const run = sealFile(await sealRequest(fakeFile(100 * CHUNK, meter, delays(4))), { sink, signal: controller.signal, onProgress: (p) => p.done >= 10 * CHUNK && controller.abort() });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(sink.discarded).toBe(true);
    expect(meter.written).toBe(10);
    expect(meter.started).toBeLessThan(20);
  });
});
