import { type Bytes, bytes, concat } from './bytes.ts';

/**
 * ECDSA signature encodings. KMS returns DER (SEQUENCE { INTEGER r, INTEGER s }); WebCrypto speaks
 * IEEE P1363 (r ‖ s, each left-padded to the curve size). The DER parser is strict, following the
 * rules that pass every Wycheproof vector (README "Pitfalls found"): a lenient parser turns dozens of
 * invalid encodings into valid signatures.
 */
export const CURVE_SCALAR_BYTES = { 'P-256': 32, 'P-384': 48, 'P-521': 66 } as const;

function encodeInteger(value: Uint8Array): Bytes {
  let start = 0;
  while (start < value.length - 1 && value[start] === 0) start++;
  const body = value.subarray(start);
  const content = body[0] & 0x80 ? concat(new Uint8Array([0]), body) : body;
  return concat(new Uint8Array([0x02, content.length]), content);
}

export function p1363ToDer(signature: Uint8Array): Bytes {
  const n = signature.length / 2;
  const body = concat(encodeInteger(signature.subarray(0, n)), encodeInteger(signature.subarray(n)));
  const length = body.length < 0x80 ? new Uint8Array([body.length]) : new Uint8Array([0x81, body.length]);
  return concat(new Uint8Array([0x30]), length, body);
}

/** Strict DER → P1363 with `n`-byte halves; undefined for anything that is not minimal DER. */
export function derToP1363(der: Uint8Array, n: number): Bytes | undefined {
  if (der.length < 2 || der[0] !== 0x30) return undefined;
  let offset = 1;
  let seqLength = der[offset++];
  if (seqLength === 0x81) {
    if (offset >= der.length) return undefined;
    seqLength = der[offset++];
    if (seqLength < 0x80) return undefined;
  } else if (seqLength > 0x80 || seqLength === 0x80) {
    return undefined;
  }
  if (offset + seqLength !== der.length) return undefined;

  const out = bytes(2 * n);
  for (let part = 0; part < 2; part++) {
    if (offset + 2 > der.length || der[offset] !== 0x02) return undefined;
    const length = der[offset + 1];
    if (length < 1 || length >= 0x80) return undefined;
    offset += 2;
    if (offset + length > der.length) return undefined;
    let value = der.subarray(offset, offset + length);
    offset += length;
    if (value[0] & 0x80) return undefined; // negative
    if (value.length > 1 && value[0] === 0 && !(value[1] & 0x80)) return undefined; // non-minimal
    if (value[0] === 0 && value.length > 1) value = value.subarray(1);
    if (value.length > n) return undefined;
    out.set(value, part * n + (n - value.length));
  }
  return offset === der.length ? out : undefined;
}
