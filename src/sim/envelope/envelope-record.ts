/**
 * The bytes a client stores for one envelope-encrypted message: everything a reader needs to ask
 * KMS for the data key and decrypt, laid out as every envelope here is (sealed-parts.ts), with a
 * JSON header naming the format, the algorithm, the KMS key ARN and the encryption context. The
 * AWS Encryption SDK and the Amazon S3 Encryption Client each have their own (different) formats;
 * this one is chosen for teaching and holds the same parts.
 */
import type { Bytes } from '../tls/bytes';
import type { EncryptionContext } from './encryption-context';
import { decodeSealedParts, encodeSealedParts, sealedPartsLayout, type SealedPart, type SealedRegion } from './sealed-parts';

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

/** The header as anyone holding the bytes reads it (plain UTF-8 JSON). */
export const envelopeHeaderText = (envelope: Envelope): string =>
  JSON.stringify({ format: ENVELOPE_FORMAT, algorithm: ENVELOPE_ALGORITHM, kmsKeyArn: envelope.kmsKeyArn, encryptionContext: envelope.encryptionContext } satisfies Header);

const partsOf = (envelope: Envelope) => ({ header: envelopeHeaderText(envelope), encryptedDataKey: envelope.encryptedDataKey, iv: envelope.iv, ciphertext: envelope.ciphertext });

export function encodeEnvelope(envelope: Envelope): Bytes {
  return encodeSealedParts(partsOf(envelope));
}

/** Reads an envelope back; throws (DecodeError or SyntaxError) on bytes that are not one. */
export function decodeEnvelope(bytes: Uint8Array): Envelope {
  const { header: text, encryptedDataKey, iv, ciphertext } = decodeSealedParts(bytes);
  const header = JSON.parse(text) as Partial<Header>;
  if (header.format !== ENVELOPE_FORMAT || typeof header.kmsKeyArn !== 'string' || typeof header.encryptionContext !== 'object' || header.encryptionContext === null) {
    throw new SyntaxError(`not a ${ENVELOPE_FORMAT} envelope`);
  }
  return { kmsKeyArn: header.kmsKeyArn, encryptionContext: header.encryptionContext, encryptedDataKey, iv, ciphertext };
}

export type EnvelopePart = SealedPart;
export type EnvelopeRegion = SealedRegion;

/** The encoded envelope's parts with their byte ranges. */
export function envelopeLayout(envelope: Envelope): EnvelopeRegion[] {
  return sealedPartsLayout(partsOf(envelope));
}
