/**
 * Byte/text conversions shared by the file system's saved form and the shell's commands. They use
 * only what both Node and browsers have (no Buffer), and base64 is the standard alphabet (RFC 4648).
 */
export type Bytes = Uint8Array<ArrayBuffer>;

const encoder = new TextEncoder();

export function utf8(text: string): Bytes {
  return encoder.encode(text) as Bytes;
}

/** Decodes UTF-8 the way a terminal shows it: invalid sequences become U+FFFD. */
export function fromUtf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
}

export function concatBytes(chunks: readonly Uint8Array[]): Bytes {
  let size = 0;
  for (const chunk of chunks) size += chunk.length;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE_TABLE: Int8Array = (() => {
  const table = new Int8Array(256).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
  return table;
})();

/** The value (0–63) of a base64 alphabet byte, or -1. */
export function base64Value(byte: number): number {
  return DECODE_TABLE[byte] ?? -1;
}

const ALPHABET_BYTES = utf8(ALPHABET);
const PAD = 61; // '='

/** Standard padded base64 as ASCII bytes (fast for large inputs: no string building). */
export function base64Bytes(bytes: Uint8Array): Bytes {
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  let o = 0;
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out[o++] = ALPHABET_BYTES[n >> 18];
    out[o++] = ALPHABET_BYTES[(n >> 12) & 63];
    out[o++] = ALPHABET_BYTES[(n >> 6) & 63];
    out[o++] = ALPHABET_BYTES[n & 63];
  }
  const rest = bytes.length - i;
  if (rest > 0) {
    const n = (bytes[i] << 16) | (rest === 2 ? bytes[i + 1] << 8 : 0);
    out[o++] = ALPHABET_BYTES[n >> 18];
    out[o++] = ALPHABET_BYTES[(n >> 12) & 63];
    out[o++] = rest === 2 ? ALPHABET_BYTES[(n >> 6) & 63] : PAD;
    out[o++] = PAD;
  }
  return out;
}

/** Standard padded base64 of some bytes, unwrapped. */
export function toBase64(bytes: Uint8Array): string {
  return fromUtf8(base64Bytes(bytes));
}

/** Strict decoding of canonical padded base64 (no whitespace); undefined when it is not that. */
export function fromBase64Strict(text: string): Bytes | undefined {
  if (text.length % 4 !== 0) return undefined;
  const out = new Uint8Array((text.length / 4) * 3);
  let length = 0;
  for (let i = 0; i < text.length; i += 4) {
    const a = base64Value(text.charCodeAt(i));
    const b = base64Value(text.charCodeAt(i + 1));
    const cPad = text[i + 2] === '=';
    const dPad = text[i + 3] === '=';
    const c = cPad ? 0 : base64Value(text.charCodeAt(i + 2));
    const d = dPad ? 0 : base64Value(text.charCodeAt(i + 3));
    const last = i + 4 === text.length;
    if (a < 0 || b < 0 || c < 0 || d < 0 || (cPad && !dPad) || ((cPad || dPad) && !last)) return undefined;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    out[length++] = n >> 16;
    if (!cPad) out[length++] = (n >> 8) & 255;
    if (!dPad) out[length++] = n & 255;
  }
  return out.slice(0, length);
}
