import { base64UrlToBigInt, bigIntToBytes, bytesToBigInt, mod, modInverse, modPow } from './bigint-math.ts';
import { type Bytes, concat, copy, equalBytes, u32be } from './bytes.ts';
import { CURVE_SCALAR_BYTES, derToP1363 } from './ecdsa-der.ts';
import { HASH_BYTES, type SigningScheme } from '../keys/key-specs.ts';

/**
 * Verify with MessageType DIGEST: the caller sends the hash, not the message. WebCrypto always hashes
 * the message itself, so these checks are done here from the PUBLIC key only (exported as JWK —
 * public keys are always exportable): RSASSA-PKCS1-v1_5 and RSASSA-PSS per RFC 8017 §8, ECDSA per
 * SEC 1 §4.1.4. Signing a digest would need the private key outside its non-extractable CryptoKey,
 * so Sign with DIGEST stays not simulated.
 */
const DIGEST_INFO_PREFIX: Record<string, number[]> = {
  'SHA-256': [0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20],
  'SHA-384': [0x30, 0x41, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x02, 0x05, 0x00, 0x04, 0x30],
  'SHA-512': [0x30, 0x51, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x03, 0x05, 0x00, 0x04, 0x40],
};

async function rsaOpen(publicKey: CryptoKey, signature: Uint8Array) {
  const jwk = await crypto.subtle.exportKey('jwk', publicKey);
  const n = base64UrlToBigInt(jwk.n!);
  const e = base64UrlToBigInt(jwk.e!);
  const modBits = n.toString(2).length;
  const k = Math.ceil(modBits / 8);
  if (signature.length !== k) return undefined;
  const s = bytesToBigInt(signature);
  if (s >= n) return undefined;
  return { m: modPow(s, e, n), k, modBits };
}

async function pkcs1Verify(hash: string, publicKey: CryptoKey, digest: Uint8Array, signature: Uint8Array): Promise<boolean> {
  const opened = await rsaOpen(publicKey, signature);
  if (!opened) return false;
  const em = bigIntToBytes(opened.m, opened.k);
  const t = concat(new Uint8Array(DIGEST_INFO_PREFIX[hash]), digest);
  if (!em || opened.k < t.length + 11) return false;
  const expected = concat(new Uint8Array([0, 1]), new Uint8Array(opened.k - t.length - 3).fill(0xff), new Uint8Array([0]), t);
  return equalBytes(em, expected);
}

async function mgf1(hash: string, seed: Uint8Array, length: number): Promise<Bytes> {
  const blocks: Uint8Array[] = [];
  for (let counter = 0; blocks.length * HASH_BYTES[hash as keyof typeof HASH_BYTES] < length; counter++) {
    blocks.push(new Uint8Array(await crypto.subtle.digest(hash, concat(seed, u32be(counter)))));
  }
  return concat(...blocks).slice(0, length);
}

async function pssVerify(hash: string, publicKey: CryptoKey, digest: Uint8Array, signature: Uint8Array): Promise<boolean> {
  const opened = await rsaOpen(publicKey, signature);
  if (!opened) return false;
  const hLen = HASH_BYTES[hash as keyof typeof HASH_BYTES];
  const sLen = hLen; // KMS: salt length = hash length
  const emBits = opened.modBits - 1;
  const emLen = Math.ceil(emBits / 8);
  const em = bigIntToBytes(opened.m, emLen);
  if (!em || emLen < hLen + sLen + 2 || em[emLen - 1] !== 0xbc) return false;
  const maskedDb = em.subarray(0, emLen - hLen - 1);
  const h = em.subarray(emLen - hLen - 1, emLen - 1);
  const topBits = 8 * emLen - emBits;
  const topMask = (0xff << (8 - topBits)) & 0xff;
  if (maskedDb[0] & topMask) return false;
  const dbMask = await mgf1(hash, h, maskedDb.length);
  const db = maskedDb.map((b, i) => b ^ dbMask[i]);
  db[0] &= ~topMask & 0xff;
  const psLen = emLen - hLen - sLen - 2;
  for (let i = 0; i < psLen; i++) if (db[i] !== 0) return false;
  if (db[psLen] !== 0x01) return false;
  const salt = db.subarray(db.length - sLen);
  const mPrime = concat(new Uint8Array(8), digest, salt);
  return equalBytes(new Uint8Array(await crypto.subtle.digest(hash, mPrime)), h);
}

/** Short Weierstrass curves with a = −3 (FIPS 186-4 D.1.2). */
const CURVES = {
  'P-256': {
    p: 2n ** 256n - 2n ** 224n + 2n ** 192n + 2n ** 96n - 1n,
    n: 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n,
    gx: 0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n,
    gy: 0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n,
  },
  'P-384': {
    p: 2n ** 384n - 2n ** 128n - 2n ** 96n + 2n ** 32n - 1n,
    n: 0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973n,
    gx: 0xaa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7n,
    gy: 0x3617de4a96262c6f5d9e98bf9292dc29f8f41dbd289a147ce9da3113b5f0b8c00a60b1ce1d7e819d7a431d7c90ea0e5fn,
  },
  'P-521': {
    p: 2n ** 521n - 1n,
    n: 0x01fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409n,
    gx: 0x00c6858e06b70404e9cd9e3ecb662395b4429c648139053fb521f828af606b4d3dbaa14b5e77efe75928fe1dc127a2ffa8de3348b3c1856a429bf97e7e31c2e5bd66n,
    gy: 0x011839296a789a3bc0045c8a5fb42c7d1bd998f54449579b446817afbd17273e662c97ee72995ef42640c550b9013fad0761353c7086a272c24088be94769fd16650n,
  },
} as const;

/** Jacobian coordinates (X/Z², Y/Z³): no inversion per step. Z = 0 is the point at infinity. */
interface Jacobian {
  x: bigint;
  y: bigint;
  z: bigint;
}
const INFINITY: Jacobian = { x: 1n, y: 1n, z: 0n };

/** Doubling for a = −3 (dbl-2001-b, Explicit-Formulas Database). */
function double(a: Jacobian, p: bigint): Jacobian {
  if (a.z === 0n || a.y === 0n) return INFINITY;
  const delta = mod(a.z * a.z, p);
  const gamma = mod(a.y * a.y, p);
  const beta = mod(a.x * gamma, p);
  const alpha = mod(3n * (a.x - delta) * (a.x + delta), p);
  const x = mod(alpha * alpha - 8n * beta, p);
  const z = mod((a.y + a.z) ** 2n - gamma - delta, p);
  const y = mod(alpha * (4n * beta - x) - 8n * gamma * gamma, p);
  return { x, y, z };
}

/** General addition (add-2007-bl). */
function add(a: Jacobian, b: Jacobian, p: bigint): Jacobian {
  if (a.z === 0n) return b;
  if (b.z === 0n) return a;
  const z1z1 = mod(a.z * a.z, p);
  const z2z2 = mod(b.z * b.z, p);
  const u1 = mod(a.x * z2z2, p);
  const u2 = mod(b.x * z1z1, p);
  const s1 = mod(a.y * b.z * z2z2, p);
  const s2 = mod(b.y * a.z * z1z1, p);
  const h = mod(u2 - u1, p);
  const r = mod(2n * (s2 - s1), p);
  if (h === 0n) return r === 0n ? double(a, p) : INFINITY;
  const i = mod(4n * h * h, p);
  const j = mod(h * i, p);
  const v = mod(u1 * i, p);
  const x = mod(r * r - j - 2n * v, p);
  const y = mod(r * (v - x) - 2n * s1 * j, p);
  const z = mod(((a.z + b.z) ** 2n - z1z1 - z2z2) * h, p);
  return { x, y, z };
}

/** u1·G + u2·Q by Shamir's trick (one pass over the bits). */
function doubleScalar(u1: bigint, g: Jacobian, u2: bigint, q: Jacobian, p: bigint): Jacobian {
  const gq = add(g, q, p);
  let r = INFINITY;
  for (let bit = BigInt(Math.max(u1.toString(2).length, u2.toString(2).length)) - 1n; bit >= 0n; bit--) {
    r = double(r, p);
    const b1 = (u1 >> bit) & 1n;
    const b2 = (u2 >> bit) & 1n;
    if (b1 && b2) r = add(r, gq, p);
    else if (b1) r = add(r, g, p);
    else if (b2) r = add(r, q, p);
  }
  return r;
}

async function ecdsaVerify(publicKey: CryptoKey, digest: Uint8Array, signature: Uint8Array): Promise<boolean> {
  const curveName = (publicKey.algorithm as EcKeyAlgorithm).namedCurve as keyof typeof CURVES;
  const curve = CURVES[curveName];
  const size = CURVE_SCALAR_BYTES[curveName];
  const raw = derToP1363(signature, size);
  if (!curve || !raw) return false;
  const r = bytesToBigInt(raw.subarray(0, size));
  const s = bytesToBigInt(raw.subarray(size));
  if (r < 1n || r >= curve.n || s < 1n || s >= curve.n) return false;
  const jwk = await crypto.subtle.exportKey('jwk', publicKey);
  const q = { x: base64UrlToBigInt(jwk.x!), y: base64UrlToBigInt(jwk.y!), z: 1n };
  // The digest length equals the curve's hash length here, never longer than n, so no truncation.
  const e = bytesToBigInt(digest);
  const w = modInverse(s, curve.n);
  const point = doubleScalar(mod(e * w, curve.n), { x: curve.gx, y: curve.gy, z: 1n }, mod(r * w, curve.n), q, curve.p);
  if (point.z === 0n) return false;
  const zInv = modInverse(point.z, curve.p);
  return mod(mod(point.x * zInv * zInv, curve.p), curve.n) === r;
}

/** Checks `signature` over a pre-computed `digest` with the public key of `scheme`. */
export async function verifyDigest(scheme: SigningScheme, publicKey: CryptoKey, digest: Uint8Array, signature: Uint8Array): Promise<boolean> {
  const d = copy(digest);
  if (scheme.webCrypto === 'ECDSA') return ecdsaVerify(publicKey, d, signature);
  if (scheme.webCrypto === 'RSA-PSS') return pssVerify(scheme.hash, publicKey, d, signature);
  return pkcs1Verify(scheme.hash, publicKey, d, signature);
}
