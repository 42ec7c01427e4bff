/**
 * Encryption in flight: a browser logs in to bank.example across a network where an attacker
 * listens. Everything runs on the TLS engine in src/sim/tls (real ECDSA, ECDH, HKDF and AES-GCM);
 * this file only sets up the world, maps the steps' events onto it, and names the checks.
 *
 * Determinism: randoms, serials, session cookies and delays come from the seeded Rng, so event
 * labels, texts and times replay identically; key pairs come from WebCrypto, so previews of
 * ciphertext, signatures and public keys differ between runs (no check depends on them).
 */
import { defineScenario, type ScenarioEvent } from '../../src/lessons/types';
import type { Payload, SimEvent } from '../../src/sim/core/events';
import { formatRequest, formatResponse } from '../../src/sim/network/http';
import { heldKeyPayload } from '../../src/sim/network/payloads';
import { FORGERIES, recordLength, RECORD_HEADER_BYTES, SESSION_KEY_LABELS, TAG_BYTES, WebWorld, type Forgery } from '../../src/sim/tls';
import { dispatchByType } from '../../src/lessons/dispatch-by-type';

export const HOST = 'bank.example';
export const CA_NAME = 'KMS Lab Root CA';
export const USERNAME = 'alice';
export const PASSWORD = 'Sunflower-1987';
const ACTORS = { client: 'client', server: 'server', attacker: 'attacker', ca: 'ca' } as const;

const LOGIN = { method: 'POST', path: '/login', host: HOST, form: { username: USERNAME, password: PASSWORD } } as const;
/** The request the attacker tampers with in the hands-on step; its record size fixes the byte range. */
export const BALANCE_REQUEST = formatRequest({ method: 'GET', path: '/balance', host: HOST });
export const TAMPER_RECORD_BYTES = recordLength(BALANCE_REQUEST);
export const MAX_MESSAGE_CHARS = 200;

export interface ServerHeld {
  label: string;
  text: string;
}

export interface EncryptionInFlightState {
  host: string;
  caName: string;
  /** The server's certificate, described, once the CA has issued it. */
  certificate?: string;
  connection: 'none' | 'open' | 'closed';
  httpLogins: number;
  tlsLogins: number;
  /** What the eavesdropper read from its captures (computed by searching the bytes, never scripted). */
  attackerRead: { field: string; value: string; over: 'http' | 'tls' }[];
  /** How many TLS records the eavesdropper captured, and whether any of them gave up a password. */
  attackerRecords: number;
  handshakes: { ok: boolean; reason?: string }[];
  learnerMessages: { text: string; delivered: boolean; seenByAttacker: boolean; attackerFoundText: boolean }[];
  tamperAttempts: { kind: 'flip' | 'replay'; byte?: number; region?: string; rejected: boolean; reason?: string }[];
  mitmAttempts: { forgery: Forgery; refused: boolean; refusedAt?: string; reason?: string }[];
  /** Plaintext the server holds after TLS has done its job (step "server-holds-plaintext"). */
  serverHolds: ServerHeld[];
}

const isForgery = (value: unknown): value is Forgery => typeof value === 'string' && value in FORGERIES;

function validMessage(raw: string | undefined): string {
  const text = (raw ?? '').trim();
  if (text === '') throw new Error('Type a message to send.');
  if (text.length > MAX_MESSAGE_CHARS) throw new Error(`Keep the message to ${MAX_MESSAGE_CHARS} characters.`);
  return text;
}

function validByte(raw: string | undefined): number {
  const byte = Number(raw);
  if (raw === undefined || raw.trim() === '' || !Number.isInteger(byte) || byte < 0 || byte >= TAMPER_RECORD_BYTES) {
    throw new Error(`Choose a whole number from 0 to ${TAMPER_RECORD_BYTES - 1}: the record has ${TAMPER_RECORD_BYTES} bytes.`);
  }
  return byte;
}

/** A delivered client→server record the attacker observed, carrying ciphertext only. */
const encryptedDeliveryOnWire = (events: readonly SimEvent[]): boolean =>
  events.some(
    (e) =>
      e.type === 'message' &&
      e.from === ACTORS.client &&
      e.to === ACTORS.server &&
      e.label === 'Application data' &&
      (e.outcome ?? 'delivered') === 'delivered' &&
      e.observedBy?.includes(ACTORS.attacker) === true &&
      e.carries.every((p) => p.kind === 'ciphertext'),
  );

export default defineScenario<EncryptionInFlightState>({
  async create({ rng, clock, stream }) {
    const world = await WebWorld.create({ rng, clock, stream, host: HOST, caName: CA_NAME, actors: ACTORS });
    const state: EncryptionInFlightState = {
      host: HOST,
      caName: CA_NAME,
      connection: 'none',
      httpLogins: 0,
      tlsLogins: 0,
      attackerRead: [],
      attackerRecords: 0,
      handshakes: [],
      learnerMessages: [],
      tamperAttempts: [],
      mitmAttempts: [],
      serverHolds: [],
    };
    const net = world.net;
    const syncConnection = () => {
      state.connection = world.connectionOpen ? 'open' : state.handshakes.some((h) => h.ok) ? 'closed' : 'none';
    };
    const countRecords = () => {
      state.attackerRecords = net.captured(ACTORS.attacker).filter((c) => c.label.startsWith('Application data')).length;
    };
    const syncCertificate = () => {
      if (world.certificate) state.certificate = `${world.certificate.subject}, issued by ${world.certificate.issuer}`;
    };
    const remember = (held: ServerHeld) => {
      if (!state.serverHolds.some((h) => h.label === held.label && h.text === held.text)) state.serverHolds.push(held);
    };
    /** The attacker searches what it captured (since `since`) for credentials; the result is stated either way. */
    const attackerLooks = (over: 'http' | 'tls', since: number) => {
      const found = [...world.attackerFinds('password', since), ...world.attackerFinds('session', since)];
      for (const finding of found) state.attackerRead.push({ field: finding.field, value: finding.value, over });
      if (found.length > 0) {
        net.note(ACTORS.attacker, `reads ${found.map((f) => `the ${f.field} "${f.value}"`).join(' and ')} straight from the captured bytes`, {
          tone: 'danger',
          carries: found.map((f): Payload => ({ kind: 'plaintext', label: `stolen ${f.field}`, preview: f.value })),
        });
      } else {
        net.note(ACTORS.attacker, 'searches everything it captured for "password=": nothing readable, only ciphertext', { tone: 'info' });
      }
    };

    const handlers: Record<string, (event: ScenarioEvent) => Promise<void>> = {
      async 'http-login'() {
        const since = stream.events.length;
        world.postPlain(LOGIN, 'login form');
        const cookie = `session=${rng.hex(16)}`;
        net.note(ACTORS.server, `checks ${USERNAME}'s password and starts a session`);
        world.respondPlain('200 OK', formatResponse('200 OK', 'Welcome back, alice', { 'Set-Cookie': cookie }), 'response with session cookie');
        state.httpLogins++;
        remember({ label: `${USERNAME}'s password`, text: PASSWORD });
        attackerLooks('http', since);
      },
      async 'issue-certificate'() {
        await world.issueCertificate();
        syncCertificate();
      },
      async 'tls-handshake'() {
        const result = await world.connect();
        syncCertificate();
        state.handshakes.push(result.ok ? { ok: true } : { ok: false, reason: result.failure.reason });
        syncConnection();
      },
      async 'tls-login'() {
        await world.ensureConnection();
        const since = world.connectionSince ?? 0;
        await world.sendOverTls(formatRequest(LOGIN), 'login request');
        await world.respondOverTls(formatResponse('200 OK', 'Welcome back, alice', { 'Set-Cookie': `session=${rng.hex(16)}` }), 'response');
        state.tlsLogins++;
        syncCertificate();
        remember({ label: `${USERNAME}'s password`, text: PASSWORD });
        countRecords();
        attackerLooks('tls', since);
        syncConnection();
      },
      async 'tls-send'(event) {
        const text = typeof event.text === 'string' ? event.text.trim() : '';
        if (text === '' || text.length > MAX_MESSAGE_CHARS) {
          net.note(ACTORS.client, `has nothing to send: type a message of 1 to ${MAX_MESSAGE_CHARS} characters`, { tone: 'warning' });
          return;
        }
        await world.ensureConnection();
        const { record, received } = await world.sendOverTls(text, 'your message');
        const capture = net.captured(ACTORS.attacker).at(-1);
        const seenByAttacker = capture !== undefined && capture.bytes.length === record.length && capture.bytes.every((b, i) => b === record[i]);
        const attackerFoundText = capture !== undefined && new TextDecoder().decode(capture.bytes).includes(text);
        net.note(ACTORS.attacker, attackerFoundText ? 'finds your text in the captured record' : `captured your record (${record.length} bytes) and searches it for your text: not found, only ciphertext`, {
          tone: attackerFoundText ? 'danger' : 'info',
        });
        state.learnerMessages.push({ text, delivered: received.ok, seenByAttacker, attackerFoundText });
        if (received.ok) remember({ label: 'your message (decrypted)', text });
        countRecords();
        syncConnection();
      },
      async 'tamper-record'(event) {
        const byte = Number(event.byte);
        if (!Number.isInteger(byte) || byte < 0 || byte >= TAMPER_RECORD_BYTES) {
          net.note(ACTORS.attacker, `cannot flip byte ${String(event.byte)}: the record has bytes 0 to ${TAMPER_RECORD_BYTES - 1}`, { tone: 'warning' });
          return;
        }
        const result = await world.tamper(BALANCE_REQUEST, 'balance request', byte);
        state.tamperAttempts.push({ kind: 'flip', byte, region: result.region, rejected: !result.received.ok, ...(result.received.ok ? {} : { reason: result.received.reason }) });
        countRecords();
        syncConnection();
      },
      async 'replay-record'() {
        const result = await world.replay(BALANCE_REQUEST, 'balance request');
        state.tamperAttempts.push({ kind: 'replay', rejected: !result.replay.ok, ...(result.replay.ok ? {} : { reason: result.replay.reason }) });
        countRecords();
        syncConnection();
      },
      async 'mitm-handshake'(event) {
        const forgery: Forgery = isForgery(event.forgery) ? event.forgery : 'claims-trusted-ca';
        const result = await world.impersonate(forgery);
        state.mitmAttempts.push(
          result.ok ? { forgery, refused: false } : { forgery, refused: result.refusedBy === 'client', refusedAt: result.message, reason: result.failure.reason },
        );
        if (!result.ok) net.note(ACTORS.client, `shows a certificate error instead of the page: the login form is never sent to the impostor`, { tone: 'warning' });
        syncConnection();
      },
      async 'server-holds-plaintext'() {
        net.note(ACTORS.server, 'TLS ends here: every record was decrypted on arrival, so the server now holds the plaintext', {
          tone: 'warning',
          carries: state.serverHolds.map((held): Payload => ({ kind: 'plaintext', label: held.label, preview: held.text })),
        });
        net.note(ACTORS.server, 'if it writes this to a disk, a database or a log as is, anyone who reads that storage or a backup reads the password: protecting it there is encryption at rest', {
          tone: 'info',
        });
      },
    };

    return {
      state,
      dispatch: dispatchByType(handlers, 'encryption-in-flight'),
    };
  },

  actions: {
    'send-message': {
      label: 'Send over TLS',
      description: 'Type anything, a password of your own for instance. The browser encrypts it into a TLS record and sends it to the server.',
      fields: [{ name: 'message', label: 'Your message', kind: 'text', default: 'My PIN is 4921', maxLength: MAX_MESSAGE_CHARS }],
      // Refusing here shows the learner why, and leaves the world untouched; dispatch re-checks for replays.
      toEvent: (input) => ({ type: 'tls-send', text: validMessage(input.message) }),
    },
    'tamper-record': {
      label: 'Flip a bit and forward',
      description: `The attacker intercepts the browser's next record (${TAMPER_RECORD_BYTES} bytes: 0–${RECORD_HEADER_BYTES - 1} header, ${RECORD_HEADER_BYTES}–${TAMPER_RECORD_BYTES - TAG_BYTES - 1} ciphertext, ${TAMPER_RECORD_BYTES - TAG_BYTES}–${TAMPER_RECORD_BYTES - 1} authentication tag), flips the lowest bit of the byte you choose, and forwards it to the server.`,
      fields: [{ name: 'byte', label: `Byte to change (0–${TAMPER_RECORD_BYTES - 1})`, kind: 'number', default: '20' }],
      toEvent: (input) => ({ type: 'tamper-record', byte: validByte(input.byte) }),
    },
    'replay-record': {
      label: 'Replay a captured record',
      description: 'The browser sends a record; the server accepts it. The attacker then sends the server an exact copy.',
      toEvent: () => ({ type: 'replay-record' }),
    },
    'impersonate-server': {
      label: 'Impersonate the server',
      description: 'The attacker answers the browser\'s connection itself. Choose what it presents.',
      fields: [
        {
          name: 'forgery',
          label: 'What the attacker presents',
          kind: 'select',
          default: 'self-signed',
          options: [
            { value: 'claims-trusted-ca', label: 'A certificate claiming KMS Lab Root CA, signed with its own key' },
            { value: 'self-signed', label: 'A self-signed certificate for bank.example' },
            { value: 'copied-certificate', label: 'The real certificate, copied from the wire' },
          ],
        },
      ],
      toEvent: (input) => ({ type: 'mitm-handshake', forgery: input.forgery ?? 'self-signed' }),
    },
  },

  checks: {
    passwordReadOverHttp: {
      description: 'The eavesdropper reads the password of a login sent over plain HTTP',
      test: (state) => state.attackerRead.some((r) => r.field === 'password' && r.over === 'http'),
    },
    handshakeComplete: {
      description: 'The browser verifies the server\'s certificate and both sides derive the session keys',
      test: (state, events) => state.handshakes.some((h) => h.ok) && events.some((e) => e.type === 'message' && e.label === 'Finished' && e.from === ACTORS.client && (e.outcome ?? 'delivered') === 'delivered'),
    },
    loginEncrypted: {
      description: 'The same login crosses the network as ciphertext: the eavesdropper finds no password in it',
      test: (state, events) => state.tlsLogins > 0 && !state.attackerRead.some((r) => r.over === 'tls') && encryptedDeliveryOnWire(events),
    },
    ownMessageEncrypted: {
      description: 'Send a message of your own over TLS: the server receives it, and the eavesdropper\'s copy is only ciphertext',
      test: (state, events) => state.learnerMessages.some((m) => m.delivered && m.seenByAttacker && !m.attackerFoundText) && encryptedDeliveryOnWire(events),
    },
    tamperedRecordRejected: {
      description: 'Change a record on its way to the server (or replay one) and watch the server reject it',
      test: (state, events) =>
        state.tamperAttempts.some((t) => t.rejected) &&
        events.some((e) => e.type === 'message' && e.to === ACTORS.server && e.outcome === 'rejected' && e.label.startsWith('Application data')),
    },
    forgedCertificateRefused: {
      description: 'The browser refuses to connect to a man in the middle presenting a forged certificate',
      test: (state, events) =>
        state.mitmAttempts.some((a) => a.refused) &&
        events.some((e) => e.type === 'message' && e.from === ACTORS.attacker && e.to === ACTORS.client && e.outcome === 'rejected'),
    },
  },

  holdings(state) {
    const sessionKeys = state.connection === 'open' ? SESSION_KEY_LABELS.map(heldKeyPayload) : [];
    const attacker: Payload[] = state.attackerRead.map((r) => ({ kind: 'plaintext', label: `stolen ${r.field}`, preview: r.value }));
    if (state.attackerRecords > 0) attacker.push({ kind: 'ciphertext', label: `${state.attackerRecords} captured TLS record(s)` });
    if (state.mitmAttempts.length > 0) {
      attacker.push(heldKeyPayload('attacker\'s own private key'), { kind: 'certificate', label: `forged certificate for ${state.host}` });
    }
    return {
      client: [{ kind: 'public-key', label: `${state.caName} public key (trust store)` }, { kind: 'plaintext', label: 'password', preview: PASSWORD }, ...sessionKeys],
      server: [
        heldKeyPayload('certificate private key'),
        ...(state.certificate ? [{ kind: 'certificate' as const, label: `certificate for ${state.host}`, preview: state.certificate }] : []),
        ...sessionKeys,
        ...state.serverHolds.map((held): Payload => ({ kind: 'plaintext', label: held.label, preview: held.text })),
      ],
      ca: [
        heldKeyPayload(`${state.caName} private key`),
        { kind: 'certificate', label: `${state.caName} root certificate` },
      ],
      attacker,
    };
  },

  notSimulated: [
    'The real TLS 1.3 key schedule: here one HKDF step per key, salted with the hello hash and bound to the transcript, stands in for TLS 1.3\'s chain of early, handshake and master secrets and HKDF-Expand-Label.',
    'Handshake encryption: real TLS 1.3 encrypts the certificate and everything after ServerHello under handshake keys; here they cross the wire in the clear so you can see them.',
    'Version and cipher-suite negotiation, extensions other than the key share and the server name, HelloRetryRequest, session resumption (PSK) and 0-RTT data.',
    'The inner content type and optional padding of TLS 1.3 records: here a record is exactly header, ciphertext and tag.',
    'Real X.509 certificates (DER/ASN.1), extensions such as subjectAltName and wildcards, and certificate chains beyond the root and an optional intermediate.',
    'Revocation (OCSP, CRLs), Certificate Transparency logs, and how a CA validates that a requester controls a domain (ACME challenges).',
    'Encrypted Client Hello: the server name the browser dials travels in the clear, and the eavesdropper sees it.',
    'TCP, IP, DNS and HTTP/2 or HTTP/3: each message crosses the wire as one unit, with a delay drawn from the lesson\'s seed.',
  ],
});
