/**
 * The byte layout every envelope in the simulation shares, whoever builds it (a client's envelope,
 * an object record on S3's disk): what a reader needs, in the order it needs it.
 *
 *   bytes   part                 readable by whoever holds the bytes?
 *   2 + n   header (UTF-8 text)  yes: who encrypted what, under which key, with which context
 *   2 + m   encrypted data key   no: KMS's CiphertextBlob (or a key wrapped by a service's own key)
 *   12      IV                   not secret
 *   3 + c   ciphertext + tag     no: AES-256-GCM; the last 16 bytes are the authentication tag
 *
 * Lengths are big-endian prefixes (the ByteWriter encoding the TLS simulation uses too).
 */
import { ByteReader, ByteWriter, type Bytes } from '../tls/bytes';
import { IV_BYTES, TAG_BYTES } from './data-key-cipher';

export interface SealedParts {
  header: string;
  encryptedDataKey: Bytes;
  iv: Bytes;
  /** AES-256-GCM ciphertext with its 16-byte tag at the end. */
  ciphertext: Bytes;
}

export function encodeSealedParts({ header, encryptedDataKey, iv, ciphertext }: SealedParts): Bytes {
  if (iv.length !== IV_BYTES) throw new RangeError(`an AES-GCM IV here is ${IV_BYTES} bytes, got ${iv.length}`);
  return new ByteWriter().text(header).vector(encryptedDataKey).raw(iv).vector(ciphertext, 3).bytes();
}

/** Reads the parts back; throws a DecodeError on bytes that do not have this layout. */
export function decodeSealedParts(bytes: Uint8Array): SealedParts {
  const reader = new ByteReader(bytes);
  const header = reader.text();
  const encryptedDataKey = reader.vector();
  const iv = reader.raw(IV_BYTES);
  const ciphertext = reader.vector(3);
  reader.end();
  return { header, encryptedDataKey, iv, ciphertext };
}

export type SealedPart = 'header' | 'encrypted data key' | 'IV' | 'ciphertext' | 'authentication tag';

export interface SealedRegion<Part extends string = SealedPart> {
  part: Part;
  /** Byte offsets in the encoded bytes, `to` exclusive (length prefixes belong to the part they announce). */
  from: number;
  to: number;
  /** Whether someone holding only these bytes can read the part's meaning. */
  readable: boolean;
}

/** The encoded parts with their byte ranges: what "show the stored layout byte by byte" draws. */
export function sealedPartsLayout(parts: SealedParts): SealedRegion[] {
  const headerEnd = 2 + new TextEncoder().encode(parts.header).length;
  const keyEnd = headerEnd + 2 + parts.encryptedDataKey.length;
  const ivEnd = keyEnd + IV_BYTES;
  const end = ivEnd + 3 + parts.ciphertext.length;
  return [
    { part: 'header', from: 0, to: headerEnd, readable: true },
    { part: 'encrypted data key', from: headerEnd, to: keyEnd, readable: false },
    { part: 'IV', from: keyEnd, to: ivEnd, readable: true },
    { part: 'ciphertext', from: ivEnd, to: end - TAG_BYTES, readable: false },
    { part: 'authentication tag', from: end - TAG_BYTES, to: end, readable: true },
  ];
}
