import { describe, expect, it } from 'vitest';
import { recordLength, replayInFlight, tamperInFlight } from '../../../../src/sim/tls';
import { createWorld } from './world';

async function path() {
  const world = await createWorld();
  const { client, server } = await world.connect();
  const before = world.stream.events.length;
  return {
    world,
    before,
    path: { net: world.net, from: 'client', to: 'server', attacker: 'attacker', sender: client.connection!, receiver: server.connection!, text: 'GET /balance', contents: 'request' },
  };
}

describe('attacks on records in flight', () => {
  it('a record with one flipped bit is rejected and the rejection is on the event stream', async () => {
    const { world, before, path: p } = await path();
    const result = await tamperInFlight({ ...p, byte: 9 });
    expect(result.region).toBe('ciphertext');
    expect(result.after).toBe(result.before ^ 1);
    expect(result.received.ok).toBe(false);
    const events = world.stream.events.slice(before);
    const modified = events.find((e) => e.type === 'message' && e.label === 'Application data (modified)');
    expect(modified).toMatchObject({ from: 'attacker', to: 'server', outcome: 'rejected' });
    expect(events.some((e) => e.type === 'message' && e.label === 'Alert')).toBe(true);
    expect(p.sender.isOpen).toBe(false);
    expect(p.receiver.isOpen).toBe(false);
  });

  it('refuses a byte index outside the record before sending anything', async () => {
    const { world, before, path: p } = await path();
    expect(recordLength('GET /balance')).toBe(33);
    await expect(tamperInFlight({ ...p, byte: 33 })).rejects.toThrow('byte 33 is outside the record: choose 0 to 32');
    expect(world.stream.events.length).toBe(before);
  });

  it('a replayed record is rejected after the original was accepted', async () => {
    const { path: p } = await path();
    const { first, replay } = await replayInFlight(p);
    expect(first.ok).toBe(true);
    expect(replay).toMatchObject({ ok: false, code: 'bad-record' });
  });
});
