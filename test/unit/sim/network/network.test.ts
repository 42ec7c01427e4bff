import { describe, expect, it } from 'vitest';
import { createModelClock, DEFAULT_MODEL_EPOCH } from '../../../../src/sim/core/clock';
import { createEventStream } from '../../../../src/sim/core/events';
import { createRng } from '../../../../src/sim/core/rng';
import { findFormField } from '../../../../src/sim/network/eavesdropper';
import { formatRequest } from '../../../../src/sim/network/http';
import { createNetwork } from '../../../../src/sim/network/network';
import { bytesPayload, textPayload } from '../../../../src/sim/network/payloads';

function setup(seed = 3) {
  const clock = createModelClock();
  const stream = createEventStream(clock.now);
  const net = createNetwork({ stream, clock, rng: createRng(seed), latencyMs: [10, 20] });
  return { clock, stream, net };
}
const wire = (text: string) => new TextEncoder().encode(text);

describe('network', () => {
  it('lists a tap as an observer only of the link it listens on, and never of its own messages', () => {
    const { net } = setup();
    net.tap('attacker', ['client', 'server']);
    const seen = net.send({ from: 'client', to: 'server', label: 'a', carries: [], wire: wire('a') });
    const back = net.send({ from: 'server', to: 'client', label: 'b', carries: [], wire: wire('b') });
    const elsewhere = net.send({ from: 'server', to: 'ca', label: 'c', carries: [], wire: wire('c') });
    const own = net.send({ from: 'client', to: 'attacker', label: 'd', carries: [], wire: wire('d') });
    expect([seen.observedBy, back.observedBy, elsewhere.observedBy, own.observedBy]).toEqual([['attacker'], ['attacker'], undefined, undefined]);
    expect(net.captured('attacker').map((c) => c.label)).toEqual(['a', 'b']);
  });

  it('captures a copy of the wire bytes, so later changes by the sender do not alter it', () => {
    const { net } = setup();
    net.tap('attacker');
    const bytes = wire('secret');
    net.send({ from: 'client', to: 'server', label: 'x', carries: [], wire: bytes });
    bytes[0] = 0;
    expect(new TextDecoder().decode(net.captured('attacker')[0].bytes)).toBe('secret');
  });

  it('advances model time by a seeded delay per hop and records outcomes other than delivered', () => {
    const run = () => {
      const { net, clock } = setup(11);
      const a = net.send({ from: 'client', to: 'server', label: 'x', carries: [], wire: wire('x') });
      const b = net.send({ from: 'server', to: 'client', label: 'y', carries: [], wire: wire('y'), outcome: 'rejected' });
      return { a, b, now: clock.now() };
    };
    const first = run();
    expect(first).toEqual(run());
    expect(first.a.at - DEFAULT_MODEL_EPOCH).toBeGreaterThanOrEqual(10);
    expect(first.b.at - first.a.at).toBeLessThanOrEqual(20);
    expect(first.a.outcome).toBeUndefined();
    expect(first.b.outcome).toBe('rejected');
  });

  it('describes payloads: text previews for plaintext, truncated hex for bytes', () => {
    expect(textPayload('form', 'password=x')).toEqual({ kind: 'plaintext', label: 'form', preview: 'password=x', bytes: 10 });
    const blob = bytesPayload('ciphertext', 'record', new Uint8Array(40).fill(0xab));
    expect(blob.preview).toBe(`${'ab'.repeat(16)}…`);
    expect(blob.bytes).toBe(40);
  });

  it('finds form fields in captured HTTP, decoding form escapes', () => {
    const { net } = setup();
    net.tap('attacker');
    const request = formatRequest({ method: 'POST', path: '/login', host: 'bank.example', form: { username: 'alice', password: 'p@ss word&1' } });
    net.send({ from: 'client', to: 'server', label: 'POST /login', carries: [], wire: wire(request) });
    expect(findFormField(net.captured('attacker'), 'password').map((f) => f.value)).toEqual(['p@ss word&1']);
    expect(request).toContain('Content-Length: ');
  });
});
