/**
 * Which handshake message may come next, for each side: the state machines of RFC 8446 Appendix A,
 * reduced to the messages this simulation sends. The endpoints consult them before acting, so a
 * message out of order is refused with `unexpected_message` instead of being half-processed, and
 * views can draw the same states the engine enforces.
 */
import { createActor, setup, type Actor, type AnyStateMachine, type EventFromLogic } from 'xstate';

type ClientEvent =
  | { type: 'send.ClientHello' }
  | { type: 'recv.ServerHello' }
  | { type: 'recv.Certificate' }
  | { type: 'recv.CertificateVerify' }
  | { type: 'recv.Finished' }
  | { type: 'fatal' }
  | { type: 'close' };

export const clientHandshakeMachine = setup({ types: { events: {} as ClientEvent } }).createMachine({
  id: 'tls-client',
  initial: 'start',
  on: { fatal: '.closed' },
  states: {
    start: { on: { 'send.ClientHello': 'waitServerHello' } },
    waitServerHello: { on: { 'recv.ServerHello': 'waitCertificate' } },
    waitCertificate: { on: { 'recv.Certificate': 'waitCertificateVerify' } },
    waitCertificateVerify: { on: { 'recv.CertificateVerify': 'waitFinished' } },
    // On the server's Finished the client sends its own Finished and may send application data.
    waitFinished: { on: { 'recv.Finished': 'connected' } },
    connected: { on: { close: 'closed' } },
    closed: { type: 'final' },
  },
});

type ServerEvent = { type: 'recv.ClientHello' } | { type: 'send.flight' } | { type: 'recv.Finished' } | { type: 'fatal' } | { type: 'close' };

export const serverHandshakeMachine = setup({ types: { events: {} as ServerEvent } }).createMachine({
  id: 'tls-server',
  initial: 'start',
  on: { fatal: '.closed' },
  states: {
    start: { on: { 'recv.ClientHello': 'negotiated' } },
    // Sends ServerHello, Certificate, CertificateVerify and Finished as one flight.
    negotiated: { on: { 'send.flight': 'waitFinished' } },
    waitFinished: { on: { 'recv.Finished': 'connected' } },
    connected: { on: { close: 'closed' } },
    closed: { type: 'final' },
  },
});

export class UnexpectedMessage extends Error {
  override name = 'UnexpectedMessage';
}

/** A running machine with a guard: `advance` moves it or throws, never silently ignores an event. */
export class HandshakeState<Machine extends AnyStateMachine> {
  private readonly actor: Actor<AnyStateMachine>;
  constructor(machine: Machine) {
    this.actor = createActor(machine as AnyStateMachine).start();
  }

  get value(): string {
    return String(this.actor.getSnapshot().value);
  }

  advance(event: EventFromLogic<Machine>): void {
    const snapshot = this.actor.getSnapshot();
    if (snapshot.status !== 'active' || !snapshot.can(event)) {
      throw new UnexpectedMessage(`${String(event.type)} is not expected in state ${this.value}`);
    }
    this.actor.send(event);
  }

  /** A fatal error: go to `closed` from wherever the handshake is (a no-op once closed). */
  abort(): void {
    const fatal = { type: 'fatal' };
    const snapshot = this.actor.getSnapshot();
    if (snapshot.status === 'active' && snapshot.can(fatal)) this.actor.send(fatal);
  }
}

