/**
 * Byte helpers for the TLS simulation: a length-prefixed writer and reader (the canonical wire
 * encoding of handshake messages and certificates), UTF-8, concatenation and comparison.
 *
 * Everything returns `Uint8Array<ArrayBuffer>` so the results can be handed to WebCrypto as a
 * BufferSource (since TypeScript 5.7 a bare `Uint8Array` may be backed by a SharedArrayBuffer).
 */
export type Bytes = Uint8Array<ArrayBuffer>;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: false });

export function utf8(text: string): Bytes {
  return new Uint8Array(encoder.encode(text));
}

export function fromUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

export function concat(...parts: readonly Uint8Array[]): Bytes {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export function copyBytes(bytes: Uint8Array): Bytes {
  return new Uint8Array(bytes);
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}

/** Whether `needle` occurs anywhere in `haystack` (what an eavesdropper's byte search does). */
export function containsBytes(haystack: Uint8Array, needle: Uint8Array): boolean {
  if (needle.length === 0) return true;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function fromHex(hex: string): Bytes {
  if (hex.length % 2 !== 0 || /[^0-9a-f]/i.test(hex)) throw new Error(`not a hex string: "${hex}"`);
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** Big-endian, fixed-width, length-prefixed fields: the encoding TLS itself uses. */
export class ByteWriter {
  private readonly parts: Uint8Array[] = [];

  u8(value: number): this {
    return this.uint(value, 1);
  }
  u16(value: number): this {
    return this.uint(value, 2);
  }
  u24(value: number): this {
    return this.uint(value, 3);
  }
  /** A 64-bit unsigned integer (model-time milliseconds fit easily within 2^53). */
  u64(value: number): this {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`not a u64: ${value}`);
    return this.uint(Math.floor(value / 2 ** 32), 4).uint(value % 2 ** 32, 4);
  }
  raw(bytes: Uint8Array): this {
    this.parts.push(bytes);
    return this;
  }
  /** Bytes with a length prefix of `prefix` bytes (TLS's `opaque x<0..2^16-1>`). */
  vector(bytes: Uint8Array, prefix: 1 | 2 | 3 = 2): this {
    return this.uint(bytes.length, prefix).raw(bytes);
  }
  text(value: string, prefix: 1 | 2 | 3 = 2): this {
    return this.vector(utf8(value), prefix);
  }
  bytes(): Bytes {
    return concat(...this.parts);
  }

  private uint(value: number, width: number): this {
    if (!Number.isInteger(value) || value < 0 || value >= 2 ** (8 * width)) {
      throw new RangeError(`${value} does not fit in ${width} byte(s)`);
    }
    const out = new Uint8Array(width);
    for (let i = width - 1, v = value; i >= 0; i--, v = Math.floor(v / 256)) out[i] = v % 256;
    this.parts.push(out);
    return this;
  }
}

/** Reads what ByteWriter wrote; throws a DecodeError on truncated or trailing input. */
export class ByteReader {
  private at = 0;
  constructor(private readonly input: Uint8Array) {}

  u8(): number {
    return this.uint(1);
  }
  u16(): number {
    return this.uint(2);
  }
  u24(): number {
    return this.uint(3);
  }
  u64(): number {
    return this.uint(4) * 2 ** 32 + this.uint(4);
  }
  raw(length: number): Bytes {
    if (this.at + length > this.input.length) throw new DecodeError(`truncated: wanted ${length} more byte(s)`);
    const out = copyBytes(this.input.subarray(this.at, this.at + length));
    this.at += length;
    return out;
  }
  vector(prefix: 1 | 2 | 3 = 2): Bytes {
    return this.raw(this.uint(prefix));
  }
  text(prefix: 1 | 2 | 3 = 2): string {
    return fromUtf8(this.vector(prefix));
  }
  get remaining(): number {
    return this.input.length - this.at;
  }
  /** Call after the last field: leftover bytes mean the input was not what it claimed to be. */
  end(): void {
    if (this.remaining !== 0) throw new DecodeError(`${this.remaining} unexpected trailing byte(s)`);
  }

  private uint(width: number): number {
    if (this.at + width > this.input.length) throw new DecodeError(`truncated: wanted ${width} more byte(s)`);
    let value = 0;
    for (let i = 0; i < width; i++) value = value * 256 + this.input[this.at + i];
    this.at += width;
    return value;
  }
}

export class DecodeError extends Error {
  override name = 'DecodeError';
}

/** Bytes from the seeded Rng: for values a learner sees (hello randoms, serials), never for keys. */
export function seededBytes(hex: (length: number) => string, length: number): Bytes {
  return fromHex(hex(length * 2));
}
