/**
 * What an attacker on the network can try, built from the same engine as the honest parties:
 *
 * - tamper: intercept a record and flip one bit before passing it on;
 * - replay: send a captured record a second time;
 * - impersonate: answer the client's handshake itself, with a forged or copied certificate.
 *
 * Each attack really runs; whether it fails is decided by the receiver's real checks.
 */
import type { Rng } from '../core/rng';
import type { Network } from '../network/network';
import { metadataPayload } from '../network/payloads';
import { utf8, type Bytes } from './bytes';
import { certificateFields, signCertificate, type Certificate } from './certificate';
import type { Connection, Received } from './connection';
import { generateSigningKeyPair } from './crypto';
import { RECORD_HEADER_BYTES, recordRegion, TAG_BYTES } from './record';
import { deliverRecord, recordPayload, sealText, sendText } from './session';

interface Path {
  net: Network;
  from: string;
  to: string;
  attacker: string;
  /** The sending and receiving ends of one established connection. */
  sender: Connection;
  receiver: Connection;
  text: string;
  contents?: string;
}

/** Size of the record that will carry `text`: header, ciphertext (same length as the text), tag. */
export const recordLength = (text: string): number => RECORD_HEADER_BYTES + utf8(text).length + TAG_BYTES;

export interface TamperResult {
  record: Bytes;
  tampered: Bytes;
  byte: number;
  region: ReturnType<typeof recordRegion>;
  before: number;
  after: number;
  received: Received;
}

/** The attacker intercepts the next record and flips the lowest bit of byte `byte` before forwarding it. */
export async function tamperInFlight(path: Path & { byte: number }): Promise<TamperResult> {
  const { net, from, to, attacker, byte } = path;
  const length = recordLength(path.text);
  if (!Number.isInteger(byte) || byte < 0 || byte >= length) {
    throw new RangeError(`byte ${byte} is outside the record: choose 0 to ${length - 1}`);
  }
  const record = await sealText(net, from, path.sender, path.text, path.contents);
  net.send({ from, to: attacker, label: 'Application data', carries: [recordPayload(`encrypted record (${record.length} bytes)`, record)], wire: record });
  const tampered = new Uint8Array(record);
  tampered[byte] ^= 0x01;
  const region = recordRegion(record, byte);
  const hex = (value: number) => `0x${value.toString(16).padStart(2, '0')}`;
  // The byte values go in a payload, not the text: they depend on the session key, and event texts replay identically.
  net.note(attacker, `intercepts the record, flips the lowest bit of byte ${byte} (${region}) and forwards it`, {
    tone: 'warning',
    carries: [metadataPayload(`byte ${byte}`, `${hex(record[byte])} → ${hex(tampered[byte])}`)],
  });
  const received = await deliverRecord({ ...path, from: attacker, alertTo: from, record: tampered, label: 'Application data (modified)' });
  if (!received.ok) path.sender.close('the peer sent a fatal alert');
  return { record, tampered, byte, region, before: record[byte], after: tampered[byte], received };
}

/** The record is delivered once, then the attacker sends its captured copy again. */
export async function replayInFlight(path: Path): Promise<{ record: Bytes; first: Received; replay: Received }> {
  const { net, from, to, attacker } = path;
  const { record, received: first } = await sendText({ ...path });
  net.note(attacker, 'sends the server a second copy of the record it captured, byte for byte', { tone: 'warning' });
  const replay = await deliverRecord({ ...path, from: attacker, to, alertTo: from, record, label: 'Application data (replayed)' });
  if (!replay.ok) path.sender.close('the peer sent a fatal alert');
  return { record, first, replay };
}

export type Forgery = 'claims-trusted-ca' | 'self-signed' | 'copied-certificate';

export const FORGERIES: Record<Forgery, string> = {
  'claims-trusted-ca': 'a certificate for the server\'s name that claims the trusted CA as issuer, signed with the attacker\'s own key',
  'self-signed': 'a self-signed certificate for the server\'s name',
  'copied-certificate': 'the server\'s real certificate, copied from the wire (without its private key)',
};

export interface Impostor {
  chain: Certificate[];
  /** The key the impostor signs CertificateVerify with: always the attacker's own. */
  signingKey: CryptoKey;
  /** Shown to learners: what the attacker presents. */
  description: string;
}

/**
 * Builds what an impostor presents for `host`. The attacker has its own key pair and can write any
 * certificate fields it likes; what it cannot do is sign with the CA's private key, or sign
 * CertificateVerify with the real server's.
 */
export async function forgeIdentity(
  forgery: Forgery,
  options: { host: string; trustedCa: string; realChain: Certificate[]; rng: Rng; notBefore: number; validityMs: number },
): Promise<Impostor> {
  const keys = await generateSigningKeyPair();
  const description = FORGERIES[forgery];
  if (forgery === 'copied-certificate') return { chain: options.realChain, signingKey: keys.privateKey, description };
  const issuer = forgery === 'claims-trusted-ca' ? options.trustedCa : options.host;
  const fields = await certificateFields({
    serial: options.rng.hex(16),
    subject: options.host,
    issuer,
    publicKey: keys.publicKey,
    notBefore: options.notBefore,
    validityMs: options.validityMs,
  });
  return { chain: [await signCertificate(fields, keys.privateKey)], signingKey: keys.privateKey, description };
}
