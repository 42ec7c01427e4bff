/**
 * The bytes a client stores for one envelope-encrypted message: everything a reader needs to ask
 * KMS for the data key and decrypt, in the order it needs it. The AWS Encryption SDK and the
 * Amazon S3 Encryption Client each have their own (different) formats; this one is chosen for
 * teaching and holds the same parts:
 *
 *   bytes   part                 readable by whoever holds the bytes?
 *   2 + n   header (JSON)        yes: format, algorithm, the KMS key ARN, the encryption context
 *   2 + m   encrypted data key   no: KMS's CiphertextBlob of the data key
 *   12      IV                   not secret
 *   3 + c   ciphertext + tag     no: AES-256-GCM; the last 16 bytes are the authentication tag
 *
 * Lengths are big-endian prefixes (the ByteWriter encoding the TLS simulation uses too).
 */
import { ByteReader, ByteWriter, type Bytes } from '../tls/bytes';
import { IV_BYTES, TAG_BYTES } from './data-key-cipher';
import type { EncryptionContext } from './encryption-context';

export const ENVELOPE_FORMAT = 'kms-lab-envelope/1';
export const ENVELOPE_ALGORITHM = 'AES-256-GCM';

export interface Envelope {
  /** ARN of the KMS key that encrypted the data key (Decrypt finds the key from the blob itself; this tells people). */
  kmsKeyArn: string;
  encryptionContext: EncryptionContext;
  /** KMS's CiphertextBlob of the data key. */
  encryptedDataKey: Bytes;
  iv: Bytes;
  /** AES-256-GCM ciphertext with its 16-byte tag at the end. */
  ciphertext: Bytes;
}

interface Header {
  format: typeof ENVELOPE_FORMAT;
  algorithm: typeof ENVELOPE_ALGORITHM;
  kmsKeyArn: string;
  encryptionContext: EncryptionContext;
}

const headerOf = (envelope: Envelope): Header => ({ format: ENVELOPE_FORMAT, algorithm: ENVELOPE_ALGORITHM, kmsKeyArn: envelope.kmsKeyArn, encryptionContext: envelope.encryptionContext });

export function encodeEnvelope(envelope: Envelope): Bytes {
  if (envelope.iv.length !== IV_BYTES) throw new RangeError(`an AES-GCM IV here is ${IV_BYTES} bytes, got ${envelope.iv.length}`);
  return new ByteWriter().text(JSON.stringify(headerOf(envelope))).vector(envelope.encryptedDataKey).raw(envelope.iv).vector(envelope.ciphertext, 3).bytes();
}

/** Reads an envelope back; throws (DecodeError or SyntaxError) on bytes that are not one. */
export function decodeEnvelope(bytes: Uint8Array): Envelope {
  const reader = new ByteReader(bytes);
  const header = JSON.parse(reader.text()) as Partial<Header>;
  if (header.format !== ENVELOPE_FORMAT || typeof header.kmsKeyArn !== 'string' || typeof header.encryptionContext !== 'object' || header.encryptionContext === null) {
    throw new SyntaxError(`not a ${ENVELOPE_FORMAT} envelope`);
  }
  const encryptedDataKey = reader.vector();
  const iv = reader.raw(IV_BYTES);
  const ciphertext = reader.vector(3);
  reader.end();
  return { kmsKeyArn: header.kmsKeyArn, encryptionContext: header.encryptionContext, encryptedDataKey, iv, ciphertext };
}

export type EnvelopePart = 'header' | 'encrypted data key' | 'IV' | 'ciphertext' | 'authentication tag';

export interface EnvelopeRegion {
  part: EnvelopePart;
  /** Byte offsets in the encoded envelope, `to` exclusive (length prefixes belong to the part they announce). */
  from: number;
  to: number;
  /** Whether someone holding only these bytes can read the part's meaning. */
  readable: boolean;
}

/** The encoded envelope's parts with their byte ranges. */
export function envelopeLayout(envelope: Envelope): EnvelopeRegion[] {
  const headerEnd = 2 + new TextEncoder().encode(JSON.stringify(headerOf(envelope))).length;
  const keyEnd = headerEnd + 2 + envelope.encryptedDataKey.length;
  const ivEnd = keyEnd + IV_BYTES;
  const end = ivEnd + 3 + envelope.ciphertext.length;
  return [
    { part: 'header', from: 0, to: headerEnd, readable: true },
    { part: 'encrypted data key', from: headerEnd, to: keyEnd, readable: false },
    { part: 'IV', from: keyEnd, to: ivEnd, readable: true },
    { part: 'ciphertext', from: ivEnd, to: end - TAG_BYTES, readable: false },
    { part: 'authentication tag', from: end - TAG_BYTES, to: end, readable: true },
  ];
}

/** The header as anyone holding the bytes reads it (plain UTF-8 JSON). */
export const envelopeHeaderText = (envelope: Envelope): string => JSON.stringify(headerOf(envelope));
