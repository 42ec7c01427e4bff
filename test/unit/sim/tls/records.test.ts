import { describe, expect, it } from 'vitest';
import { fromUtf8, RecordReader, recordRegion, RecordWriter, utf8, type TrafficKeys } from '../../../../src/sim/tls';
import { createWorld } from './world';

async function trafficKeys(): Promise<TrafficKeys> {
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  return { key, iv: new Uint8Array(12).fill(7) };
}

async function established() {
  const world = await createWorld();
  const { client, server, result } = await world.connect();
  if (!result.ok) throw new Error('handshake failed');
  return { client: client.connection!, server: server.connection! };
}

describe('TLS records', () => {
  it('lays a record out as header, ciphertext and tag', async () => {
    const { client } = await established();
    const record = await client.protect(utf8('GET /balance'));
    expect(record.length).toBe(5 + 12 + 16);
    expect(Array.from(record.subarray(0, 5))).toEqual([0x17, 0x03, 0x03, 0x00, 12 + 16]);
    expect(recordRegion(record, 4)).toBe('header');
    expect(recordRegion(record, 5)).toBe('ciphertext');
    expect(recordRegion(record, record.length - 16)).toBe('tag');
  });

  it('rejects a record with one bit changed at every byte position (header, ciphertext, tag)', async () => {
    const keys = await trafficKeys();
    const record = await new RecordWriter(keys).seal(utf8('POST /transfer amount=100'));
    for (let i = 0; i < record.length; i++) {
      for (const mask of [0x01, 0x80]) {
        const tampered = new Uint8Array(record);
        tampered[i] ^= mask;
        const opened = await new RecordReader(keys).open(tampered);
        expect(opened.ok, `byte ${i} (${recordRegion(record, i)}) xor ${mask}`).toBe(false);
      }
    }
    // The untouched record opens: the failures above are the changes, not the keys.
    const intact = await new RecordReader(keys).open(record);
    expect(intact.ok && fromUtf8(intact.plaintext)).toBe('POST /transfer amount=100');
  });

  it('rejects a truncated record and one with a byte appended', async () => {
    const keys = await trafficKeys();
    const record = await new RecordWriter(keys).seal(utf8('hello'));
    expect((await new RecordReader(keys).open(record.subarray(0, record.length - 1))).ok).toBe(false);
    expect((await new RecordReader(keys).open(new Uint8Array([...record, 0]))).ok).toBe(false);
  });

  it('closes the connection after a rejected record: later records are refused too', async () => {
    const { client, server } = await established();
    const record = await client.protect(utf8('first'));
    const tampered = new Uint8Array(record);
    tampered[10] ^= 0x01;
    const rejected = await server.receive(tampered);
    expect(rejected).toMatchObject({ ok: false, code: 'bad-record', alert: 'bad_record_mac' });
    expect(!rejected.ok && rejected.reason).toBe('AES-GCM tag does not verify for record #0: the record was modified, replayed or reordered');
    expect(server.isOpen).toBe(false);
    const after = await server.receive(record);
    expect(after).toMatchObject({ ok: false, code: 'closed' });
  });

  it('rejects a replayed record (its sequence number is already used)', async () => {
    const { client, server } = await established();
    const record = await client.protect(utf8('pay 100 to bob'));
    expect((await server.receive(record)).ok).toBe(true);
    const replayed = await server.receive(record);
    expect(replayed).toMatchObject({ ok: false, code: 'bad-record', sequence: 1 });
  });

  it('rejects records delivered out of order', async () => {
    const { client, server } = await established();
    const first = await client.protect(utf8('first'));
    const second = await client.protect(utf8('second'));
    const reordered = await server.receive(second);
    expect(reordered).toMatchObject({ ok: false, code: 'bad-record', sequence: 0 });
    expect(first.length).toBe(second.length - 1);
  });

  it('accepts records in order in both directions', async () => {
    const { client, server } = await established();
    for (const text of ['one', 'two', 'three']) {
      const opened = await server.receive(await client.protect(utf8(text)));
      expect(opened.ok && fromUtf8(opened.plaintext)).toBe(text);
    }
    expect(server.expectedReadSequence).toBe(3);
    expect(client.nextWriteSequence).toBe(3);
  });
});
