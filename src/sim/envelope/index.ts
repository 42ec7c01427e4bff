/**
 * Envelope encryption as a client does it (and as a service does it for you, see src/sim/storage):
 * a data key from KMS, local AES-256-GCM, the plaintext data key erased, the encrypted data key kept
 * beside the ciphertext with its encryption context.
 *
 *   envelope-client.ts      sealEnvelope / openEnvelope, over a KmsInvoker (directKms, or drawnKms for the diagram)
 *   envelope-record.ts      the stored bytes of one client envelope (a JSON header), and their layout part by part
 *   sealed-parts.ts         the byte layout every envelope shares (S3's object records too)
 *   encryption-context.ts   the context: canonical form (AES-GCM additional data), description, comparison
 *   data-key-cipher.ts      AES-256-GCM with a plaintext data key that is erased right after use
 *
 * ```ts
 * const asAlice = directKms(kms, { caller: alice, region: 'eu-west-2' });
 * const sealed = await sealEnvelope(asAlice, { keyId: 'alias/notes', encryptionContext: { purpose: 'notes' }, plaintext: utf8('hi') });
 * if (sealed.ok) await openEnvelope(asBob, decodeEnvelope(sealed.bytes));   // Bob needs kms:Decrypt on the key
 * ```
 */
export { sealEnvelope, openEnvelope, directKms, drawnKms, type KmsInvoker, type EnvelopeKmsOperation, type DrawnKmsOptions, type SealRequest, type SealResult, type OpenOptions, type OpenResult } from './envelope-client';
export { encodeEnvelope, decodeEnvelope, envelopeLayout, envelopeHeaderText, ENVELOPE_FORMAT, ENVELOPE_ALGORITHM, type Envelope, type EnvelopePart, type EnvelopeRegion } from './envelope-record';
export { encodeSealedParts, decodeSealedParts, sealedPartsLayout, type SealedParts, type SealedPart, type SealedRegion } from './sealed-parts';
export { canonicalContext, describeContext, sameContext, type EncryptionContext } from './encryption-context';
export { encryptWithDataKey, decryptWithDataKey, IV_BYTES, TAG_BYTES } from './data-key-cipher';
