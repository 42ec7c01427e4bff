/**
 * TLS on the simulated network: runs the handshake and carries records between two endpoints,
 * and narrates every step as SimEvents (messages with what they carry, notes with what each side
 * checked). The receiver always decides first and the event is emitted with its verdict, so a
 * refused message appears as `outcome: 'rejected'`, followed by the reason and the alert.
 */
import { bytesPayload, heldKeyPayload, metadataPayload, textPayload } from '../network/payloads';
import type { Network } from '../network/network';
import type { Payload } from '../core/events';
import { fromUtf8, ByteWriter, toHex, utf8, type Bytes } from './bytes';
import { describeCertificate, encodeCertificate, type Certificate } from './certificate';
import type { AlertDescription, Failure } from './alerts';
import type { TlsClient } from './client';
import type { Connection, Received } from './connection';
import { decodeCertificateMessage, decodeClientHello, decodeServerHello, type HandshakeName } from './messages';
import type { TlsServer } from './server';

/** How session keys are named on the diagram, in notes and in "who holds what". */
export const SESSION_KEY_LABELS = ['client-to-server key (AES-256-GCM)', 'server-to-client key (AES-256-GCM)'] as const;

export interface Endpoints {
  net: Network;
  client: { actor: string; tls: TlsClient };
  /** Whoever answers the client's connection: the real server, or an impostor in the middle. */
  server: { actor: string; tls: TlsServer };
  /** The host name the client dialled (and expects the certificate to name). */
  host: string;
}

export type HandshakeResult =
  | { ok: true }
  | { ok: false; failure: Failure; refusedBy: 'client' | 'server'; message: HandshakeName };

const ALERT_LEVEL_FATAL = 2;
const ALERT_CODES: Record<AlertDescription, number> = {
  unexpected_message: 10,
  bad_record_mac: 20,
  bad_certificate: 42,
  certificate_expired: 45,
  certificate_unknown: 46,
  unknown_ca: 48,
  decode_error: 50,
  decrypt_error: 51,
};

/** Sends a fatal alert: the last message of a failed connection, readable by anyone on the wire. */
function sendAlert(net: Network, from: string, to: string, alert: AlertDescription): void {
  net.send({
    from,
    to,
    label: 'Alert',
    carries: [metadataPayload('fatal alert', alert)],
    wire: new ByteWriter().u8(0x15).u16(0x0303).u16(2).u8(ALERT_LEVEL_FATAL).u8(ALERT_CODES[alert]).bytes(),
  });
}

/** A certificate as the diagram shows it: its size on the wire, previewed as the line a learner reads. */
export function certificatePayload(certificate: Certificate): Payload {
  return { kind: 'certificate', label: `certificate for ${certificate.subject}`, preview: describeCertificate(certificate), bytes: encodeCertificate(certificate).length };
}

function flightPayloads(name: HandshakeName, bytes: Bytes): Payload[] {
  switch (name) {
    case 'ServerHello': {
      const hello = decodeServerHello(bytes);
      return [metadataPayload('server random', toHex(hello.random).slice(0, 16) + '…'), bytesPayload('public-key', 'server key share (ECDHE P-256)', hello.keyShare)];
    }
    case 'Certificate': {
      const [leaf] = decodeCertificateMessage(bytes).chain;
      return [certificatePayload(leaf), bytesPayload('signature', `signature by ${leaf.issuer}`, leaf.signature)];
    }
    case 'CertificateVerify':
      return [bytesPayload('signature', 'signature over the handshake transcript', bytes.subarray(5))];
    case 'Finished':
      return [bytesPayload('signature', 'Finished MAC (HMAC-SHA256 of the transcript)', bytes.subarray(5))];
    default:
      return [bytesPayload('metadata', name, bytes)];
  }
}

export async function runHandshake({ net, client, server, host }: Endpoints): Promise<HandshakeResult> {
  net.note(client.actor, `dials ${host} and starts a TLS handshake with a fresh ECDH key pair, used for this connection only`, {
    carries: [heldKeyPayload('client ECDHE private key')],
  });
  const clientHello = await client.tls.hello(host);
  const hello = decodeClientHello(clientHello);
  const response = await server.tls.respond(clientHello);
  net.send({
    from: client.actor,
    to: server.actor,
    label: 'ClientHello',
    carries: [
      metadataPayload('server name', host),
      metadataPayload('client random', toHex(hello.random).slice(0, 16) + '…'),
      bytesPayload('public-key', 'client key share (ECDHE P-256)', hello.keyShare),
    ],
    wire: clientHello,
    outcome: response.ok ? 'delivered' : 'rejected',
  });
  if (!response.ok) {
    net.note(server.actor, `refuses the ClientHello: ${response.reason}`, { tone: 'danger' });
    sendAlert(net, server.actor, client.actor, response.alert);
    return { ok: false, failure: response, refusedBy: 'server', message: 'ClientHello' };
  }
  net.note(server.actor, 'answers with its own ECDH key share, a certificate, a signature over the handshake so far, and a Finished MAC', {
    carries: [heldKeyPayload('ECDHE private key (this connection only)'), heldKeyPayload('private key that signs CertificateVerify')],
  });

  let reply: Bytes | undefined;
  for (let i = 0; i < response.flight.length; i++) {
    const { name, bytes } = response.flight[i];
    const step = await client.tls.receive(bytes);
    net.send({ from: server.actor, to: client.actor, label: name, carries: flightPayloads(name, bytes), wire: bytes, outcome: step.ok ? 'delivered' : 'rejected' });
    if (!step.ok) {
      // The client stops reading at the first failure: the rest of the flight is never processed.
      for (const unread of response.flight.slice(i + 1)) {
        net.send({ from: server.actor, to: client.actor, label: unread.name, carries: flightPayloads(unread.name, unread.bytes), wire: unread.bytes, outcome: 'dropped' });
      }
      net.note(client.actor, `refuses to connect: ${step.reason}`, { tone: 'danger' });
      sendAlert(net, client.actor, server.actor, step.alert);
      return { ok: false, failure: step, refusedBy: 'client', message: name };
    }
    net.note(client.actor, step.detail, { tone: name === 'ServerHello' ? 'info' : 'success' });
    reply = step.reply;
  }

  const finished = await server.tls.receiveFinished(reply!);
  net.send({
    from: client.actor,
    to: server.actor,
    label: 'Finished',
    carries: [bytesPayload('signature', 'Finished MAC (HMAC-SHA256 of the transcript)', reply!.subarray(5))],
    wire: reply!,
    outcome: finished.ok ? 'delivered' : 'rejected',
  });
  if (!finished.ok) {
    net.note(server.actor, `refuses the connection: ${finished.reason}`, { tone: 'danger' });
    sendAlert(net, server.actor, client.actor, finished.alert);
    return { ok: false, failure: finished, refusedBy: 'server', message: 'Finished' };
  }
  const sessionKeys = SESSION_KEY_LABELS.map(heldKeyPayload);
  net.note(client.actor, 'holds the session keys, derived with HKDF-SHA256 from the ECDH shared secret: never sent over the wire', { tone: 'success', carries: sessionKeys });
  net.note(server.actor, `${finished.detail}: the connection is encrypted from here on`, { tone: 'success', carries: sessionKeys });
  return { ok: true };
}

export interface RecordDelivery {
  net: Network;
  from: string;
  to: string;
  /** The connection of the endpoint that receives (and must authenticate) the record. */
  receiver: Connection;
  /** The endpoint a rejection alert goes back to (the sender, or whoever injected the record). */
  alertTo?: string;
  record: Bytes;
  /** Diagram label; "Application data" unless the record was altered on the way. */
  label?: string;
  /** What the receiver calls what it decrypted, e.g. "login request". */
  contents?: string;
}

/** A short hex view of a whole record, so learners can see which byte moved. */
export const recordPayload = (label: string, record: Uint8Array): Payload => bytesPayload('ciphertext', label, record, 24);

/** Delivers one record: the receiver opens it (or rejects it) and the event says which. */
export async function deliverRecord({ net, from, to, receiver, alertTo = from, record, label = 'Application data', contents = 'record' }: RecordDelivery): Promise<Received> {
  const sequence = receiver.expectedReadSequence;
  const received = await receiver.receive(record);
  net.send({ from, to, label, carries: [recordPayload(`encrypted record (${record.length} bytes)`, record)], wire: record, outcome: received.ok ? 'delivered' : 'rejected' });
  if (received.ok) {
    net.note(to, `decrypts record #${sequence} with the session key and checks its tag: it is intact`, {
      tone: 'success',
      carries: [textPayload(contents, fromUtf8(received.plaintext))],
    });
  } else {
    net.note(to, `rejects the record: ${received.reason}`, { tone: 'danger' });
    if (received.code === 'bad-record') sendAlert(net, to, alertTo, received.alert);
  }
  return received;
}

/** Seals text on `sender` and delivers it: the common case of one side sending to the other. */
export async function sendText(delivery: Omit<RecordDelivery, 'record'> & { sender: Connection; text: string }): Promise<{ record: Bytes; received: Received }> {
  const record = await sealText(delivery.net, delivery.from, delivery.sender, delivery.text, delivery.contents);
  return { record, received: await deliverRecord({ ...delivery, record }) };
}

/** The sender encrypts: it holds the plaintext, and the note says which record number it becomes. */
export async function sealText(net: Network, actor: string, sender: Connection, text: string, contents = 'record'): Promise<Bytes> {
  const sequence = sender.nextWriteSequence;
  const record = await sender.protect(utf8(text));
  net.note(actor, `encrypts record #${sequence} (${contents}) with its session key (AES-256-GCM)`, { carries: [textPayload(contents, text)] });
  return record;
}
