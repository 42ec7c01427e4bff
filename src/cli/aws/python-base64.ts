/**
 * Python's `base64.b64decode` without `validate=True`, which the CLI uses for blob parameters:
 * characters outside the alphabet are skipped, decoding stops once a quantum's padding is
 * complete, and a dangling quantum is an error (undefined here; the CLI says "Invalid base64").
 */
import type { Bytes } from '../vfs/encoding.ts';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUE = new Map([...ALPHABET].map((char, index) => [char, index]));

export function pythonBase64Decode(text: string): Bytes | undefined {
  const out: number[] = [];
  let quadPos = 0;
  let leftChar = 0;
  let pads = 0;
  for (const char of text) {
    if (char === '=') {
      // Padding counts only where a quantum can end (binascii's non-strict mode).
      if (quadPos >= 2 && quadPos + ++pads >= 4) return new Uint8Array(out);
      continue;
    }
    const value = VALUE.get(char);
    if (value === undefined) continue;
    pads = 0;
    switch (quadPos) {
      case 0:
        leftChar = value;
        quadPos = 1;
        break;
      case 1:
        out.push((leftChar << 2) | (value >> 4));
        leftChar = value & 0x0f;
        quadPos = 2;
        break;
      case 2:
        out.push((leftChar << 4) | (value >> 2));
        leftChar = value & 0x03;
        quadPos = 3;
        break;
      default:
        out.push((leftChar << 6) | value);
        quadPos = 0;
    }
  }
  return quadPos === 0 ? new Uint8Array(out) : undefined;
}
