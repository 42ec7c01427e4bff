import { describe, expect, it } from 'vitest';
import { fromUtf8, utf8 } from '../../../../src/sim/tls';
import { createWorld, HOST } from './world';

describe('TLS handshake', () => {
  it('connects an honest client and server, and both hold matching keys in both directions', async () => {
    const world = await createWorld();
    const { client, server, result } = await world.connect();
    expect(result).toEqual({ ok: true });
    expect(client.state).toBe('connected');
    expect(server.state).toBe('connected');

    // Matching keys, proven by round trips: what one side seals, the other opens.
    const up = await client.connection!.protect(utf8('POST /login password=hunter2'));
    const opened = await server.connection!.receive(up);
    expect(opened.ok && fromUtf8(opened.plaintext)).toBe('POST /login password=hunter2');
    const down = await server.connection!.protect(utf8('200 OK'));
    const back = await client.connection!.receive(down);
    expect(back.ok && fromUtf8(back.plaintext)).toBe('200 OK');
  });

  it('sends the messages of the handshake in order, each observed by the eavesdropper and delivered', async () => {
    const world = await createWorld();
    await world.connect();
    const handshake = world.messages();
    expect(handshake.map((m) => `${m.from}->${m.to} ${m.label}`)).toEqual([
      'client->server ClientHello',
      'server->client ServerHello',
      'server->client Certificate',
      'server->client CertificateVerify',
      'server->client Finished',
      'client->server Finished',
    ]);
    for (const message of handshake) {
      expect(message.observedBy).toEqual(['attacker']);
      expect(message.outcome).toBeUndefined();
    }
    const certificate = handshake[2].carries.find((p) => p.kind === 'certificate');
    expect(certificate?.preview).toContain(`certificate for ${HOST}, issued by KMS Lab Root CA`);
    expect(handshake[0].carries.map((p) => p.kind)).toEqual(['metadata', 'metadata', 'public-key']);
  });

  it('gives every connection different session keys (fresh ECDHE shares)', async () => {
    const world = await createWorld();
    const first = await world.connect();
    const second = await world.connect();
    const record = await first.client.connection!.protect(utf8('hello'));
    const crossed = await second.server.connection!.receive(record);
    expect(crossed.ok).toBe(false);
  });

  it('replays identically from the same seed, except for key bytes', async () => {
    const labelsAndTimes = async () => {
      const world = await createWorld(42);
      await world.connect();
      return world.stream.events.map((e) => [e.seq, e.at, e.type, e.type === 'message' ? e.label : e.text]);
    };
    expect(await labelsAndTimes()).toEqual(await labelsAndTimes());
  });

  it('refuses handshake messages out of order with unexpected_message', async () => {
    const world = await createWorld();
    const client = world.newClient();
    const server = world.newServer();
    const hello = await client.hello(HOST);
    const response = await server.respond(hello);
    if (!response.ok) throw new Error(response.reason);
    const certificate = response.flight.find((m) => m.name === 'Certificate')!;
    const step = await client.receive(certificate.bytes);
    expect(step).toMatchObject({ ok: false, code: 'malformed', alert: 'decode_error' });
    expect(client.state).toBe('closed');

    const again = await world.newServer().respond(hello);
    expect(again.ok).toBe(true);
    const late = await client.receive(response.flight[0].bytes);
    expect(late).toMatchObject({ ok: false, code: 'unexpected', alert: 'unexpected_message' });
  });

  it('detects a key share swapped in transit: the Finished MAC does not verify', async () => {
    const world = await createWorld();
    const client = world.newClient();
    const server = world.newServer();
    const hello = await client.hello(HOST);
    const response = await server.respond(hello);
    if (!response.ok) throw new Error(response.reason);
    // An attacker replaces the server's ServerHello with one from a different handshake (its own key share).
    const otherResponse = await world.newServer().respond(await world.newClient().hello(HOST));
    if (!otherResponse.ok) throw new Error(otherResponse.reason);
    const steps = [];
    for (const message of [otherResponse.flight[0], ...response.flight.slice(1)]) {
      const step = await client.receive(message.bytes);
      steps.push(step);
      if (!step.ok) break;
    }
    const last = steps.at(-1)!;
    expect(last.ok).toBe(false);
    // The certificate is genuine, but the server's signature covered a different transcript.
    expect(!last.ok && last.code).toBe('bad-certificate-verify');
  });
});
