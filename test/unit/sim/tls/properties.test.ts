/** Properties of the record layer and the encodings, over generated inputs (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteReader, ByteWriter, bytesEqual, RecordReader, RecordWriter, type TrafficKeys } from '../../../../src/sim/tls';

async function keys(): Promise<TrafficKeys> {
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  return { key, iv: crypto.getRandomValues(new Uint8Array(12)) };
}

const plaintexts = fc.uint8Array({ minLength: 0, maxLength: 120 }).map((b) => new Uint8Array(b));

describe('record layer properties', () => {
  it('opens what it sealed, for any plaintext', async () => {
    const k = await keys();
    await fc.assert(
      fc.asyncProperty(plaintexts, async (plaintext) => {
        const record = await new RecordWriter(k).seal(plaintext);
        const opened = await new RecordReader(k).open(record);
        return opened.ok && bytesEqual(opened.plaintext, plaintext);
      }),
      { numRuns: 60 },
    );
  });

  it('rejects any record with any byte changed in any way', async () => {
    const k = await keys();
    await fc.assert(
      fc.asyncProperty(plaintexts, fc.nat(), fc.integer({ min: 1, max: 255 }), async (plaintext, position, mask) => {
        const record = await new RecordWriter(k).seal(plaintext);
        const tampered = new Uint8Array(record);
        tampered[position % record.length] ^= mask;
        return !(await new RecordReader(k).open(tampered)).ok;
      }),
      { numRuns: 120 },
    );
  });

  it('rejects any record delivered at the wrong position in the sequence', async () => {
    const k = await keys();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 5 }), async (ahead) => {
        const writer = new RecordWriter(k);
        const records = [];
        for (let i = 0; i <= ahead; i++) records.push(await writer.seal(new Uint8Array([i])));
        return !(await new RecordReader(k).open(records[ahead])).ok;
      }),
      { numRuns: 10 },
    );
  });
});

describe('length-prefixed encoding', () => {
  it('reads back exactly what was written', () => {
    fc.assert(
      fc.property(fc.string(), fc.uint8Array({ maxLength: 300 }), fc.nat(), fc.integer({ min: 0, max: 2 ** 53 - 1 }), (text, blob, small, big) => {
        const bytes = new ByteWriter().text(text).vector(new Uint8Array(blob), 3).u16(small % 65536).u64(big).bytes();
        const reader = new ByteReader(bytes);
        const out = [reader.text(), reader.vector(3), reader.u16(), reader.u64()] as const;
        reader.end();
        expect(out[0]).toBe(text);
        expect(bytesEqual(out[1], blob)).toBe(true);
        expect(out[2]).toBe(small % 65536);
        expect(out[3]).toBe(big);
      }),
    );
  });

  it('refuses truncated input instead of reading past the end', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 50 }), fc.nat(), (blob, cut) => {
        const bytes = new ByteWriter().vector(new Uint8Array(blob)).bytes();
        const short = bytes.subarray(0, cut % bytes.length);
        expect(() => new ByteReader(short).vector()).toThrow(/truncated/);
      }),
    );
  });
});
