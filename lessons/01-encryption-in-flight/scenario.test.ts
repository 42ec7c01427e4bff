/**
 * The encryption-in-flight scenario, run directly (no player): every named check is false in a
 * fresh world and true once the step that teaches it has run, following the steps' own
 * frontmatter (`send` and `solution`), so the prose and the scenario cannot drift apart.
 */
import { describe, expect, it } from 'vitest';
import { itTimesEveryCheck } from '../../test/support/check-timing';
import { itShowsEveryFocusedMessage } from '../../test/support/focused-messages';
import { loadLesson } from '../../src/lessons/catalogue';
import { createStepRunner } from '../../src/lessons/step-runner';
import type { SimEvent } from '../../src/sim/core/events';
import scenario, { PASSWORD, TAMPER_RECORD_BYTES, type EncryptionInFlightState } from './scenario';

const lesson = await loadLesson('encryption-in-flight');
const { steps } = lesson;
/** A fresh world that plays the steps' own frontmatter: each step's `send`, then its stored solution. */
const start = () => createStepRunner<EncryptionInFlightState>(lesson);

const messages = (events: readonly SimEvent[]) => events.filter((e) => e.type === 'message');

describe('encryption-in-flight scenario', () => {
  it('has 8 steps in the curriculum order, every hands-on step awaiting a named check', () => {
    expect(steps.map((s) => s.id)).toEqual([
      'plain-http',
      'certificates',
      'tls-handshake',
      'login-over-tls',
      'send-your-own',
      'tamper-with-a-record',
      'forged-certificate',
      'server-holds-plaintext',
    ]);
    for (const step of steps) {
      expect(step.notes.trim().length, step.id).toBeGreaterThan(0);
      if (step.await) expect(Object.keys(scenario.checks)).toContain(step.await);
      for (const action of step.actions ?? []) expect(Object.keys(scenario.actions)).toContain(action);
    }
  });

  const checkSteps: [keyof typeof scenario.checks, string][] = [
    ['passwordReadOverHttp', 'plain-http'],
    ['handshakeComplete', 'tls-handshake'],
    ['loginEncrypted', 'login-over-tls'],
    ['ownMessageEncrypted', 'send-your-own'],
    ['tamperedRecordRejected', 'tamper-with-a-record'],
    ['forgedCertificateRefused', 'forged-certificate'],
  ];

  itTimesEveryCheck({ steps: steps, checks: scenario.checks, checkSteps, start });

  itShowsEveryFocusedMessage({ steps, start, tryActions: scenario.actions });

  it('plain HTTP: the attacker reads the password from its capture; over TLS it reads nothing', async () => {
    const world = await start();
    await world.playThrough('login-over-tls');
    expect(world.state.attackerRead.filter((r) => r.over === 'http').map((r) => r.field)).toEqual(['password', 'session']);
    expect(world.state.attackerRead.find((r) => r.field === 'password')?.value).toBe(PASSWORD);
    expect(world.state.attackerRead.filter((r) => r.over === 'tls')).toEqual([]);
    const tlsRecords = messages(world.events).filter((m) => m.label === 'Application data');
    expect(tlsRecords.length).toBeGreaterThanOrEqual(2);
    for (const record of tlsRecords) {
      expect(record.observedBy).toEqual(['attacker']);
      expect(record.carries.every((p) => p.kind === 'ciphertext' && !p.preview?.includes(PASSWORD))).toBe(true);
    }
  });

  it('the learner\'s message never appears in what the attacker observed', async () => {
    const world = await start();
    await world.playThrough('login-over-tls');
    await world.act({ action: 'send-message', input: { message: 'correct horse battery staple' } });
    expect(world.state.learnerMessages).toEqual([{ text: 'correct horse battery staple', delivered: true, seenByAttacker: true, attackerFoundText: false }]);
    const observed = messages(world.events).filter((m) => m.observedBy?.includes('attacker'));
    expect(observed.some((m) => m.carries.some((p) => p.preview?.includes('correct horse')))).toBe(false);
    expect(world.state.serverHolds.map((h) => h.text)).toContain('correct horse battery staple');
  });

  it('refuses invalid input at the form (the learner sees why) and again at dispatch (replays)', async () => {
    expect(() => scenario.actions['send-message'].toEvent({ message: '   ' })).toThrow('Type a message to send.');
    expect(() => scenario.actions['send-message'].toEvent({ message: 'x'.repeat(201) })).toThrow('200 characters');
    for (const byte of ['66', '-1', '2.5', '', 'ten']) {
      expect(() => scenario.actions['tamper-record'].toEvent({ byte }), byte).toThrow('Choose a whole number from 0 to 65');
    }
    expect(scenario.actions['tamper-record'].toEvent({ byte: '65' })).toEqual({ type: 'tamper-record', byte: 65 });

    const world = await start();
    await world.playThrough('login-over-tls');
    await world.dispatch({ type: 'tls-send', text: '   ' });
    expect(world.state.learnerMessages).toEqual([]);
    expect(world.check('ownMessageEncrypted')).toBe(false);
  });

  it('tampering: every region is rejected, an out-of-range byte is explained, and TLS reconnects afterwards', async () => {
    expect(TAMPER_RECORD_BYTES).toBe(66); // the step's prose and hint give the byte ranges of a 66-byte record
    const world = await start();
    await world.playThrough('send-your-own');
    await world.dispatch({ type: 'tamper-record', byte: 66 });
    expect(world.state.tamperAttempts).toEqual([]);
    expect(world.check('tamperedRecordRejected')).toBe(false);
    for (const byte of ['0', '3', '20', '65']) await world.act({ action: 'tamper-record', input: { byte } });
    expect(world.state.tamperAttempts.map((t) => [t.byte, t.region, t.rejected])).toEqual([
      [0, 'header', true],
      [3, 'header', true],
      [20, 'ciphertext', true],
      [65, 'tag', true],
    ]);
    expect(world.state.connection).toBe('closed');
    expect(world.state.handshakes.length).toBe(1); // later attempts reconnected inside the attack, not via a step
  });

  it('replaying a captured record alone satisfies the tamper check', async () => {
    const world = await start();
    await world.playThrough('send-your-own');
    await world.act({ action: 'replay-record' });
    expect(world.state.tamperAttempts).toMatchObject([{ kind: 'replay', rejected: true }]);
    expect(world.state.tamperAttempts[0].reason).toContain('record #');
    expect(world.check('tamperedRecordRejected')).toBe(true);
  });

  it('refuses every forgery, each at the check that catches it', async () => {
    const world = await start();
    await world.playThrough('forged-certificate');
    for (const forgery of ['self-signed', 'copied-certificate']) await world.act({ action: 'impersonate-server', input: { forgery } });
    expect(world.state.mitmAttempts).toEqual([
      { forgery: 'claims-trusted-ca', refused: true, refusedAt: 'Certificate', reason: 'certificate signature does not verify against the trusted CA key "KMS Lab Root CA"' },
      { forgery: 'self-signed', refused: true, refusedAt: 'Certificate', reason: 'certificate issuer "bank.example" is not in the trust store (the certificate is self-signed)' },
      {
        forgery: 'copied-certificate',
        refused: true,
        refusedAt: 'CertificateVerify',
        reason: 'CertificateVerify signature does not verify against the public key in the certificate for "bank.example": the peer does not hold that certificate\'s private key',
      },
    ]);
    // Nothing but the ClientHello and the alert ever reaches the impostor: the login is never sent.
    const mitmStart = world.events.findIndex((e) => e.type === 'note' && e.actor === 'attacker' && e.text.startsWith('now sits in the middle'));
    const toImpostor = messages(world.events.slice(mitmStart)).filter((m) => m.to === 'attacker');
    expect(new Set(toImpostor.map((m) => m.label))).toEqual(new Set(['ClientHello', 'Alert']));
  });

  it('ends with the server holding the plaintext it received over TLS', async () => {
    const world = await start();
    await world.playThrough('server-holds-plaintext');
    const last = world.events.filter((e) => e.type === 'note' && e.actor === 'server').at(-2);
    expect(last?.type === 'note' && last.carries?.map((p) => p.preview)).toEqual([PASSWORD, 'My PIN is 4921']);
    const holdings = scenario.holdings!(world.state);
    expect(holdings.server.filter((p) => p.kind === 'plaintext').map((p) => p.preview)).toEqual([PASSWORD, 'My PIN is 4921']);
    expect(holdings.ca.some((p) => p.kind === 'key')).toBe(true);
    expect(holdings.attacker.find((p) => p.label === 'stolen password')?.preview).toBe(PASSWORD);
  });

  it('replays identically from the seed: same event kinds, labels, texts and model times', async () => {
    const trace = async () => {
      const world = await start();
      await world.playThrough('server-holds-plaintext');
      return world.events.map((e) => [e.seq, e.at, e.type, e.type === 'message' ? `${e.from}>${e.to} ${e.label} ${e.outcome ?? ''}` : `${e.actor}: ${e.text}`]);
    };
    expect(await trace()).toEqual(await trace());
  });

  it('refuses an unknown event instead of ignoring it', async () => {
    const world = await start();
    await expect(world.dispatch({ type: 'no-such-event' })).rejects.toThrow('unknown scenario event "no-such-event"');
  });
});
