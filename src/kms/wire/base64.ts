/**
 * Standard base64 (RFC 4648 §4, with padding) as KMS's JSON 1.1 endpoint reads and writes it.
 * Written out here rather than taken from `atob`/`Buffer` because decoding must be strict in the
 * way the service is: `atob` quietly accepts whitespace and missing padding, and the service
 * instead answers SerializationException with a reason (see `Base64Problem`).
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

const VALUE_OF = (() => {
  const table = new Int16Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
  return table;
})();

export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63] + ALPHABET[n & 63];
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i] << 16;
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + '==';
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63] + '=';
  }
  return out;
}

/** Why a string is not canonical base64, in the words of the service's deserializer. */
export type Base64Problem =
  | { kind: 'length'; length: number }
  | { kind: 'character'; character: string }
  | { kind: 'last-character' };

export type Base64Result = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; problem: Base64Problem };

/**
 * Strict decoding: the length must be a multiple of 4, only the 64 alphabet characters plus at
 * most two trailing `=` are allowed, and the bits that padding leaves unused must be zero (so each
 * byte string has exactly one accepted encoding).
 */
export function decodeBase64(text: string): Base64Result {
  if (text.length % 4 !== 0) return { ok: false, problem: { kind: 'length', length: text.length } };
  let padding = 0;
  if (text.endsWith('==')) padding = 2;
  else if (text.endsWith('=')) padding = 1;
  const body = text.length - padding;
  for (let i = 0; i < body; i++) {
    const code = text.charCodeAt(i);
    if (code >= 128 || VALUE_OF[code] < 0) return { ok: false, problem: { kind: 'character', character: text[i] } };
  }
  const bytes = new Uint8Array((body * 3) >> 2);
  let out = 0;
  let i = 0;
  for (; i + 4 <= body; i += 4) {
    const n =
      (VALUE_OF[text.charCodeAt(i)] << 18) |
      (VALUE_OF[text.charCodeAt(i + 1)] << 12) |
      (VALUE_OF[text.charCodeAt(i + 2)] << 6) |
      VALUE_OF[text.charCodeAt(i + 3)];
    bytes[out++] = n >> 16;
    bytes[out++] = (n >> 8) & 255;
    bytes[out++] = n & 255;
  }
  const tail = body - i;
  if (tail === 2) {
    const a = VALUE_OF[text.charCodeAt(i)];
    const b = VALUE_OF[text.charCodeAt(i + 1)];
    if ((b & 15) !== 0) return { ok: false, problem: { kind: 'last-character' } };
    bytes[out++] = (a << 2) | (b >> 4);
  } else if (tail === 3) {
    const a = VALUE_OF[text.charCodeAt(i)];
    const b = VALUE_OF[text.charCodeAt(i + 1)];
    const c = VALUE_OF[text.charCodeAt(i + 2)];
    if ((c & 3) !== 0) return { ok: false, problem: { kind: 'last-character' } };
    bytes[out++] = (a << 2) | (b >> 4);
    bytes[out++] = ((b & 15) << 4) | (c >> 2);
  }
  // tail === 1 cannot happen: with length % 4 === 0 and at most two '=', the body length mod 4 is 0, 2 or 3.
  return { ok: true, bytes };
}
