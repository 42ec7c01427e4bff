import { describe, expect, it } from 'vitest';
import { findFormField } from '../../../../src/sim/network/eavesdropper';
import { formatRequest } from '../../../../src/sim/network/http';
import { textPayload } from '../../../../src/sim/network/payloads';
import { containsBytes, sendText, utf8 } from '../../../../src/sim/tls';
import { createWorld, HOST } from './world';

const login = formatRequest({ method: 'POST', path: '/login', host: HOST, form: { username: 'alice', password: 'hunter2' } });

describe('what an eavesdropper captures', () => {
  it('over plain HTTP, reads the password from the bytes it captured', async () => {
    const world = await createWorld();
    world.net.send({ from: 'client', to: 'server', label: 'POST /login', carries: [textPayload('login request', login)], wire: utf8(login) });
    const findings = findFormField(world.net.captured('attacker'), 'password');
    expect(findings.map((f) => f.value)).toEqual(['hunter2']);
    expect(world.messages()[0].observedBy).toEqual(['attacker']);
  });

  it('over TLS, sees no plaintext byte of the request in any record, and no plaintext payload', async () => {
    const world = await createWorld();
    const { client, server } = await world.connect();
    const { received } = await sendText({
      net: world.net,
      from: 'client',
      to: 'server',
      sender: client.connection!,
      receiver: server.connection!,
      text: login,
      contents: 'login request',
    });
    expect(received.ok).toBe(true);

    const captures = world.net.captured('attacker');
    expect(findFormField(captures, 'password')).toEqual([]);
    const records = captures.filter((c) => c.label === 'Application data');
    expect(records).toHaveLength(1);
    const plaintext = utf8(login);
    for (const capture of records) {
      expect(containsBytes(capture.bytes, utf8('hunter2'))).toBe(false);
      // No run of 6 consecutive plaintext bytes appears anywhere on the wire.
      for (let i = 0; i + 6 <= plaintext.length; i++) {
        expect(containsBytes(capture.bytes, plaintext.subarray(i, i + 6)), `"${login.slice(i, i + 6)}" in ${capture.label}`).toBe(false);
      }
    }
    for (const message of world.messages().filter((m) => m.observedBy?.includes('attacker'))) {
      expect(message.carries.some((p) => p.kind === 'plaintext' || p.kind === 'key')).toBe(false);
    }
    // What TLS does not hide: the ClientHello names the host (SNI), in the clear.
    expect(containsBytes(captures[0].bytes, utf8(HOST))).toBe(true);
    // The server, the intended receiver, does hold the plaintext (TLS protects the wire only).
    const serverNote = world.stream.events.find((e) => e.type === 'note' && e.actor === 'server' && e.carries?.some((p) => p.kind === 'plaintext'));
    expect(serverNote).toBeDefined();
  });
});
