import { describe, expect, it } from 'vitest';
import { createModelClock, MS_PER_DAY } from '../../../../src/sim/core/clock';
import { createEventStream } from '../../../../src/sim/core/events';
import { createRng } from '../../../../src/sim/core/rng';
import { WebWorld } from '../../../../src/sim/tls';

async function world() {
  const clock = createModelClock();
  const stream = createEventStream(clock.now);
  const web = await WebWorld.create({ rng: createRng(5), clock, stream, host: 'bank.example', caName: 'KMS Lab Root CA', actors: { client: 'client', server: 'server', attacker: 'attacker', ca: 'ca' } });
  return { clock, stream, web };
}

describe('WebWorld', () => {
  it('issues the server certificate once, through the CA, before the first handshake', async () => {
    const { stream, web } = await world();
    expect(web.certificate).toBeUndefined();
    expect((await web.connect()).ok).toBe(true);
    await web.connect();
    const issued = stream.events.filter((e) => e.type === 'message' && e.label === 'Signed certificate');
    expect(issued).toHaveLength(1);
    expect(web.certificate?.issuer).toBe('KMS Lab Root CA');
  });

  it('reconnects on demand after a tampered record closed the connection', async () => {
    const { web } = await world();
    await web.connect();
    const tampered = await web.tamper('GET / HTTP/1.1', 'request', 7);
    expect(tampered.received.ok).toBe(false);
    expect(web.connectionOpen).toBe(false);
    const { received } = await web.sendOverTls('hello again', 'request');
    expect(received.ok).toBe(true);
    expect(web.connectionOpen).toBe(true);
  });

  it('refuses the real server once model time passes the certificate\'s expiry', async () => {
    const { clock, web } = await world();
    await web.issueCertificate();
    clock.advance(61 * MS_PER_DAY);
    const result = await web.connect();
    expect(!result.ok && result.failure.code).toBe('expired');
    expect(web.connectionOpen).toBe(false);
  });

  it('lets the eavesdropper find a password in plain HTTP only', async () => {
    const { stream, web } = await world();
    web.postPlain({ method: 'POST', path: '/login', host: 'bank.example', form: { password: 'pw1' } }, 'login');
    const since = stream.events.length;
    await web.sendOverTls('password=pw2', 'login');
    expect(web.attackerFinds('password').map((f) => f.value)).toEqual(['pw1']);
    expect(web.attackerFinds('password', since)).toEqual([]);
  });
});
