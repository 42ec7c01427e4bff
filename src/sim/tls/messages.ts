/**
 * Handshake messages and their wire encoding. Framing follows TLS (a one-byte message type, a
 * three-byte length, the body); the bodies keep only the fields this simulation uses:
 *
 *   ClientHello        random(32) ‖ key_share(P-256 point) ‖ server_name
 *   ServerHello        random(32) ‖ key_share(P-256 point)
 *   Certificate        certificate chain, server's certificate first
 *   CertificateVerify  ECDSA signature over the transcript hash
 *   Finished           HMAC-SHA256 over the transcript hash
 *
 * Not simulated: version and cipher-suite negotiation, extensions other than the key share and
 * the server name, HelloRetryRequest, EncryptedExtensions and client certificates.
 */
import { ByteReader, ByteWriter, DecodeError, type Bytes } from './bytes';
import { decodeCertificate, encodeCertificate, type Certificate } from './certificate';

export const HandshakeType = {
  ClientHello: 1,
  ServerHello: 2,
  Certificate: 11,
  CertificateVerify: 15,
  Finished: 20,
} as const;
export type HandshakeName = keyof typeof HandshakeType;

export interface ClientHello {
  random: Bytes;
  keyShare: Bytes;
  serverName: string;
}
export interface ServerHello {
  random: Bytes;
  keyShare: Bytes;
}
export interface CertificateMessage {
  chain: Certificate[];
}
export interface CertificateVerify {
  signature: Bytes;
}
export interface Finished {
  mac: Bytes;
}

function frame(type: HandshakeName, body: Bytes): Bytes {
  return new ByteWriter().u8(HandshakeType[type]).vector(body, 3).bytes();
}

/** The body of a framed message, after checking it is the message expected next. */
export function unframe(message: Uint8Array, expected: HandshakeName): ByteReader {
  const reader = new ByteReader(message);
  const type = reader.u8();
  if (type !== HandshakeType[expected]) {
    const got = Object.entries(HandshakeType).find(([, code]) => code === type)?.[0] ?? `type ${type}`;
    throw new DecodeError(`expected ${expected}, received ${got}`);
  }
  const body = reader.vector(3);
  reader.end();
  return new ByteReader(body);
}

export const encodeClientHello = (hello: ClientHello): Bytes =>
  frame('ClientHello', new ByteWriter().raw(hello.random).vector(hello.keyShare, 1).text(hello.serverName).bytes());

export function decodeClientHello(message: Uint8Array): ClientHello {
  const body = unframe(message, 'ClientHello');
  const hello = { random: body.raw(32), keyShare: body.vector(1), serverName: body.text() };
  body.end();
  return hello;
}

export const encodeServerHello = (hello: ServerHello): Bytes =>
  frame('ServerHello', new ByteWriter().raw(hello.random).vector(hello.keyShare, 1).bytes());

export function decodeServerHello(message: Uint8Array): ServerHello {
  const body = unframe(message, 'ServerHello');
  const hello = { random: body.raw(32), keyShare: body.vector(1) };
  body.end();
  return hello;
}

export function encodeCertificateMessage(message: CertificateMessage): Bytes {
  const body = new ByteWriter().u8(message.chain.length);
  for (const certificate of message.chain) body.vector(encodeCertificate(certificate), 3);
  return frame('Certificate', body.bytes());
}

export function decodeCertificateMessage(message: Uint8Array): CertificateMessage {
  const body = unframe(message, 'Certificate');
  const count = body.u8();
  const chain = Array.from({ length: count }, () => decodeCertificate(body.vector(3)));
  body.end();
  return { chain };
}

export const encodeCertificateVerify = (message: CertificateVerify): Bytes =>
  frame('CertificateVerify', new ByteWriter().vector(message.signature, 1).bytes());

export function decodeCertificateVerify(message: Uint8Array): CertificateVerify {
  const body = unframe(message, 'CertificateVerify');
  const decoded = { signature: body.vector(1) };
  body.end();
  return decoded;
}

export const encodeFinished = (message: Finished): Bytes => frame('Finished', new ByteWriter().vector(message.mac, 1).bytes());

export function decodeFinished(message: Uint8Array): Finished {
  const body = unframe(message, 'Finished');
  const decoded = { mac: body.vector(1) };
  body.end();
  return decoded;
}
