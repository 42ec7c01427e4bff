import { describe, expect, it } from 'vitest';
import {
  ChunkAuthenticationError,
  createFileWorkerClient,
  createInlineFileWorker,
  importDataKey,
  openFile,
  openHeader,
  sameBytes,
  sealFile,
  sealedSize,
  STREAM_FORMAT,
  STREAM_TAG_BYTES,
  type StreamProgress,
} from '../../../../src/sim/envelope/stream';

const CHUNK = 1024;
const rawKey = () => crypto.getRandomValues(new Uint8Array(32));
const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());
const pattern = (size: number) => Uint8Array.from({ length: size }, (_, i) => (i * 31 + 7) & 0xff);

async function sealed(plaintext: Uint8Array<ArrayBuffer>, raw = rawKey()) {
  const keep = new Uint8Array(raw);
  const key = await importDataKey(raw, 'encrypt');
  const blob = await sealFile({ file: new Blob([plaintext]), key, kmsKeyArn: 'arn:aws:kms:eu-west-2:111122223333:key/k', encryptionContext: { file: 'a.bin' }, encryptedDataKey: new Uint8Array([1, 2, 3]), chunkBytes: CHUNK });
  return { blob, raw: keep };
}

const open = async (blob: Blob, raw: Uint8Array) => openFile(blob, await importDataKey(new Uint8Array(raw), 'decrypt'));

/** The sealed file split into its header and its sealed chunks. */
async function pieces(blob: Blob) {
  const { headerBytes } = await openHeader(blob);
  const all = await bytesOf(blob);
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  for (let at = headerBytes.length; at < all.length; at += CHUNK + STREAM_TAG_BYTES) chunks.push(all.slice(at, at + CHUNK + STREAM_TAG_BYTES));
  return { header: all.slice(0, headerBytes.length), chunks };
}

describe('chunked file envelope', () => {
  it('round-trips a file of several chunks, with a readable header and the predicted size', async () => {
    const plaintext = pattern(CHUNK * 3 + 100);
    const { blob, raw } = await sealed(plaintext);
    const { header, headerBytes, encryptedDataKey } = await openHeader(blob);
    expect(header.format).toBe(STREAM_FORMAT);
    expect(header.encryptionContext).toEqual({ file: 'a.bin' });
    expect(header.chunkBytes).toBe(CHUNK);
    expect([...encryptedDataKey]).toEqual([1, 2, 3]);
    expect(blob.size).toBe(sealedSize(headerBytes.length, plaintext.length, CHUNK));
    expect(await bytesOf(await open(blob, raw))).toEqual(plaintext);
  });

  it('zeroes the plaintext data key as soon as it is imported, and the key is not extractable', async () => {
    const raw = rawKey();
    const key = await importDataKey(raw, 'encrypt');
    expect(raw.every((b) => b === 0)).toBe(true);
    expect(key.extractable).toBe(false);
  });

  it('seals a zero-byte file as one empty final chunk and opens it back to zero bytes', async () => {
    const { blob, raw } = await sealed(new Uint8Array(0));
    const { headerBytes } = await openHeader(blob);
    expect(blob.size).toBe(headerBytes.length + STREAM_TAG_BYTES);
    expect((await open(blob, raw)).size).toBe(0);
  });

  it('detects a changed byte, swapped chunks, a file cut at a chunk boundary and an appended chunk', async () => {
    const { blob, raw } = await sealed(pattern(CHUNK * 3));
    const { header, chunks } = await pieces(blob);
    const tampered = chunks.map((c) => c.slice());
    tampered[1][5] ^= 1;
    const cases: [string, BlobPart[], number][] = [
      ['flipped bit', [header, ...tampered], 1],
      ['reordered', [header, chunks[1], chunks[0], chunks[2]], 0],
      ['truncated', [header, chunks[0], chunks[1]], 1],
      ['extended', [header, ...chunks, chunks[2]], 2],
    ];
    for (const [, parts, index] of cases) {
      const error = await open(new Blob(parts), raw).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ChunkAuthenticationError);
      expect((error as ChunkAuthenticationError).index).toBe(index);
    }
  });

  it('detects a changed header (the context is bound to every chunk)', async () => {
    const { blob, raw } = await sealed(pattern(100));
    const all = await bytesOf(blob);
    const at = new TextDecoder('latin1').decode(all).indexOf('a.bin');
    expect(at).toBeGreaterThan(0);
    all[at] = 'b'.charCodeAt(0); // same length: the file still parses, only the context differs
    await expect(open(new Blob([all]), raw)).rejects.toBeInstanceOf(ChunkAuthenticationError);
  });

  it('fails to open with another data key', async () => {
    const { blob } = await sealed(pattern(10));
    await expect(open(blob, rawKey())).rejects.toBeInstanceOf(ChunkAuthenticationError);
  });

  it('reports progress chunk by chunk up to the whole size', async () => {
    const plaintext = pattern(CHUNK * 2 + 1);
    const seen: StreamProgress[] = [];
    const key = await importDataKey(rawKey(), 'encrypt');
    await sealFile({ file: new Blob([plaintext]), key, kmsKeyArn: 'k', encryptionContext: {}, encryptedDataKey: new Uint8Array(1), chunkBytes: CHUNK }, { onProgress: (p) => seen.push(p) });
    expect(seen.map((p) => p.done)).toEqual([CHUNK, CHUNK * 2, CHUNK * 2 + 1]);
    expect(seen.every((p) => p.total === plaintext.length)).toBe(true);
  });

  it('stops between chunks when cancelled', async () => {
    const controller = new AbortController();
    const key = await importDataKey(rawKey(), 'encrypt');
    const run = sealFile({ file: new Blob([pattern(CHUNK * 4)]), key, kmsKeyArn: 'k', encryptionContext: {}, encryptedDataKey: new Uint8Array(1), chunkBytes: CHUNK }, { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('compares Blobs chunk by chunk', async () => {
    const a = pattern(CHUNK * 2 + 3);
    const b = a.slice();
    b[CHUNK + 1] ^= 0xff;
    expect(await sameBytes(new Blob([a]), new Blob([a.slice()]), { chunkBytes: CHUNK })).toBe(true);
    expect(await sameBytes(new Blob([a]), new Blob([b]), { chunkBytes: CHUNK })).toBe(false);
    expect(await sameBytes(new Blob([a]), new Blob([a.subarray(1)]))).toBe(false);
  });
});

describe('file worker protocol (in-process)', () => {
  it('seals, opens and compares through messages, with progress and the data key zeroed', async () => {
    const client = createFileWorkerClient(createInlineFileWorker());
    const file = new Blob([pattern(CHUNK * 5)]);
    const raw = rawKey();
    const copy = new Uint8Array(raw);
    const progress: StreamProgress[] = [];
    const sealedResult = await client.run({ kind: 'seal', file, dataKey: raw, kmsKeyArn: 'k', encryptionContext: { f: '1' }, encryptedDataKey: new Uint8Array(4), chunkBytes: CHUNK }, { onProgress: (p) => progress.push(p) });
    expect(raw.every((b) => b === 0)).toBe(true);
    expect(progress.at(-1)).toEqual({ done: file.size, total: file.size });
    if (!('blob' in sealedResult)) throw new Error('expected a blob');
    const opened = await client.run({ kind: 'open', sealed: sealedResult.blob, dataKey: copy });
    if (!('blob' in opened)) throw new Error('expected a blob');
    expect(await client.run({ kind: 'compare', a: file, b: opened.blob })).toEqual({ equal: true });
  });

  it('answers a failure as an error with its name', async () => {
    const client = createFileWorkerClient(createInlineFileWorker());
    await expect(client.run({ kind: 'open', sealed: new Blob([new Uint8Array(3)]), dataKey: rawKey() })).rejects.toMatchObject({ name: 'SyntaxError' });
  });
});
