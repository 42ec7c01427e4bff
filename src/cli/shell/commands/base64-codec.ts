/**
 * GNU base64's encoder and decoder, byte for byte: the encoder wraps at 76 columns (or -w N) and
 * ends with a newline, or writes one line without a newline with -w 0; the decoder skips newlines, accepts padding between
 * 4-character groups, and on the first invalid character writes what it could decode so far and
 * reports "invalid input" — the exact partial output coreutils 9 produces.
 */
import { base64Bytes, base64Value, type Bytes } from '../../vfs/encoding.ts';

export function encodeBase64Wrapped(bytes: Uint8Array, wrap: number): Bytes {
  const encoded = base64Bytes(bytes);
  // With -w 0 GNU base64 writes one line and no newline after it.
  if (encoded.length === 0 || wrap <= 0) return encoded;
  const lines = Math.ceil(encoded.length / wrap);
  const out = new Uint8Array(encoded.length + lines);
  let o = 0;
  for (let i = 0; i < encoded.length; i += wrap) {
    const line = encoded.subarray(i, i + wrap);
    out.set(line, o);
    o += line.length;
    out[o++] = 10;
  }
  return out;
}

export interface DecodeResult {
  bytes: Bytes;
  valid: boolean;
}

const EQUALS = 61;
const NEWLINE = 10;

export function decodeBase64Gnu(input: Uint8Array, ignoreGarbage: boolean): DecodeResult {
  const out = new Uint8Array(Math.ceil(input.length / 4) * 3 + 3);
  let length = 0;
  const quantum: number[] = [];
  // Writes the bytes the characters of an unfinished group still determine.
  const flushPartial = () => {
    const [a, b, c] = quantum;
    if (quantum.length >= 2) out[length++] = ((a << 2) | (b >> 4)) & 255;
    if (quantum.length >= 3) out[length++] = ((b << 4) | (c >> 2)) & 255;
  };
  const result = (valid: boolean): DecodeResult => ({ bytes: out.slice(0, length), valid });
  for (let i = 0; i < input.length; i++) {
    const byte = input[i];
    if (byte === NEWLINE) continue;
    const value = base64Value(byte);
    if (value >= 0) {
      quantum.push(value);
      if (quantum.length === 4) {
        const [a, b, c, d] = quantum;
        out[length++] = ((a << 2) | (b >> 4)) & 255;
        out[length++] = ((b << 4) | (c >> 2)) & 255;
        out[length++] = ((c << 6) | d) & 255;
        quantum.length = 0;
      }
      continue;
    }
    if (byte === EQUALS && quantum.length >= 2) {
      // "xy==" or "xyz=": the group ends here (any more '=' must follow directly).
      const need = quantum.length === 2 ? 2 : 1;
      let seen = 0;
      let j = i;
      while (j < input.length && seen < need) {
        if (input[j] === EQUALS) seen++;
        else if (input[j] !== NEWLINE && !(ignoreGarbage && base64Value(input[j]) < 0)) break;
        j++;
      }
      flushPartial();
      quantum.length = 0;
      if (seen < need) return result(false);
      i = j - 1;
      continue;
    }
    if (ignoreGarbage) continue;
    flushPartial();
    return result(false);
  }
  if (quantum.length > 0) {
    flushPartial();
    return result(false);
  }
  return result(true);
}
