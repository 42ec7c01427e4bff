/**
 * Payload builders: how a message's contents are described to the views. One place decides how
 * previews look, so every lesson shows plaintext, ciphertext and keys the same way.
 */
import { hexPreview, type Payload, type PayloadKind } from '../core/events';

/** Long enough for a whole small HTTP request, so a password at the end of a form stays visible. */
const TEXT_PREVIEW_CHARS = 200;
const encoder = new TextEncoder();

/** Readable text: the preview is the text itself (truncated), which is the point of showing it. */
export function textPayload(label: string, text: string, kind: PayloadKind = 'plaintext'): Payload {
  const preview = text.length > TEXT_PREVIEW_CHARS ? `${text.slice(0, TEXT_PREVIEW_CHARS)}…` : text;
  return { kind, label, preview, bytes: encoder.encode(text).length };
}

/** Opaque bytes (ciphertext, signatures, public keys, certificates): a truncated hex preview. */
export function bytesPayload(kind: PayloadKind, label: string, bytes: Uint8Array, previewBytes = 16): Payload {
  return { kind, label, preview: hexPreview(bytes, previewBytes), bytes: bytes.length };
}

/**
 * A key held inside WebCrypto as a non-extractable CryptoKey: there are no bytes to preview,
 * and saying so is part of the lesson.
 */
export function heldKeyPayload(label: string): Payload {
  return { kind: 'key', label, preview: 'non-extractable CryptoKey' };
}

export function metadataPayload(label: string, preview?: string): Payload {
  return preview === undefined ? { kind: 'metadata', label } : { kind: 'metadata', label, preview };
}
