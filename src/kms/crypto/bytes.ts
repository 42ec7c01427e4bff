/**
 * Byte utilities. Return types are `Uint8Array<ArrayBuffer>` so they are valid WebCrypto
 * BufferSources (stack.md G5).
 */
export type Bytes = Uint8Array<ArrayBuffer>;

export function bytes(length: number): Bytes {
  return new Uint8Array(new ArrayBuffer(length));
}

/** The same bytes typed for WebCrypto: no copy when they already sit on a plain ArrayBuffer (WebCrypto copies its inputs itself). */
export function bufferSource(input: Uint8Array): Bytes {
  return input.buffer instanceof ArrayBuffer ? (input as Bytes) : copy(input);
}

/** A copy that owns a plain ArrayBuffer (inputs may be views on shared or larger buffers). */
export function copy(input: Uint8Array): Bytes {
  const out = bytes(input.length);
  out.set(input);
  return out;
}

export function concat(...parts: Uint8Array[]): Bytes {
  const out = bytes(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export function utf8(text: string): Bytes {
  return copy(new TextEncoder().encode(text));
}

// Lookup tables: blob headers are hex-converted on every Encrypt and Decrypt.
const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
const NIBBLE = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) {
  NIBBLE['0123456789abcdef'.charCodeAt(i)] = i;
  NIBBLE['0123456789ABCDEF'.charCodeAt(i)] = i;
}

export function toHex(input: Uint8Array): string {
  let out = '';
  for (let i = 0; i < input.length; i++) out += HEX[input[i]];
  return out;
}

export function fromHex(hex: string): Bytes {
  if (hex.length % 2 !== 0) throw new RangeError('not a hex string');
  const out = bytes(hex.length / 2);
  for (let i = 0; i < out.length; i++) {
    const hi = NIBBLE[hex.charCodeAt(2 * i)] ?? -1;
    const lo = NIBBLE[hex.charCodeAt(2 * i + 1)] ?? -1;
    if (hi < 0 || lo < 0) throw new RangeError('not a hex string');
    out[i] = (hi << 4) | lo;
  }
  return out;
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}

export function u32be(value: number): Bytes {
  const out = bytes(4);
  new DataView(out.buffer).setUint32(0, value >>> 0);
  return out;
}

export function readU32be(input: Uint8Array, offset: number): number {
  return new DataView(input.buffer, input.byteOffset, input.byteLength).getUint32(offset);
}

/** `1234abcd-12ab-34cd-56ef-1234567890ab` → 16 bytes. */
export function uuidToBytes(uuid: string): Bytes {
  return fromHex(uuid.replace(/-/g, ''));
}

export function bytesToUuid(input: Uint8Array): string {
  const h = toHex(input);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Cryptographically random bytes (key material, IVs): WebCrypto, never the seeded Rng. */
export function randomBytes(length: number): Bytes {
  const out = bytes(length);
  // getRandomValues fills at most 65,536 bytes per call.
  for (let offset = 0; offset < length; offset += 65_536) {
    crypto.getRandomValues(out.subarray(offset, Math.min(length, offset + 65_536)));
  }
  return out;
}

export async function sha256(input: Uint8Array): Promise<Bytes> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', copy(input)));
}
