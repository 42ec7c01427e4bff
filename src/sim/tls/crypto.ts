/**
 * The WebCrypto calls the TLS simulation makes, in one place. Private keys are always created
 * non-extractable: no code path can read their bytes. Public keys are exported (SPKI for
 * certificates, the raw uncompressed point for ECDHE key shares) because they travel on the wire.
 *
 * Works on globalThis.crypto.subtle, so the same code runs in Node 20 and in the page.
 */
import type { Bytes } from './bytes';

const subtle = (): SubtleCrypto => globalThis.crypto.subtle;

const P256_ECDSA = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const P256_ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;
const ECDSA_SHA256 = { name: 'ECDSA', hash: 'SHA-256' } as const;

/** An ECDSA P-256 key pair for a CA or a certificate holder; the private half never leaves WebCrypto. */
export async function generateSigningKeyPair(): Promise<CryptoKeyPair> {
  return subtle().generateKey(P256_ECDSA, false, ['sign', 'verify']);
}

/** An ephemeral ECDH P-256 key pair for one handshake (the "E" in ECDHE: thrown away afterwards). */
export async function generateKeyShare(): Promise<CryptoKeyPair> {
  return subtle().generateKey(P256_ECDH, false, ['deriveKey', 'deriveBits']);
}

export async function exportSpki(publicKey: CryptoKey): Promise<Bytes> {
  return new Uint8Array(await subtle().exportKey('spki', publicKey));
}

export async function importVerifyKey(spki: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return subtle().importKey('spki', spki, P256_ECDSA, true, ['verify']);
}

/** The 65-byte uncompressed point (0x04 ‖ x ‖ y), as TLS puts a P-256 key share on the wire. */
export async function exportKeyShare(publicKey: CryptoKey): Promise<Bytes> {
  return new Uint8Array(await subtle().exportKey('raw', publicKey));
}

export async function importKeyShare(point: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return subtle().importKey('raw', point, P256_ECDH, true, []);
}

/** ECDSA P-256 / SHA-256; the signature is the raw 64-byte r ‖ s (WebCrypto's form, not DER). */
export async function sign(privateKey: CryptoKey, data: Uint8Array<ArrayBuffer>): Promise<Bytes> {
  return new Uint8Array(await subtle().sign(ECDSA_SHA256, privateKey, data));
}

export async function verify(publicKey: CryptoKey, signature: Uint8Array<ArrayBuffer>, data: Uint8Array<ArrayBuffer>): Promise<boolean> {
  return subtle().verify(ECDSA_SHA256, publicKey, signature, data);
}

export async function sha256(data: Uint8Array<ArrayBuffer>): Promise<Bytes> {
  return new Uint8Array(await subtle().digest('SHA-256', data));
}

/**
 * ECDH straight into an HKDF base key: the shared secret itself stays inside WebCrypto
 * (a non-extractable key), and every session key is derived from it without ever being bytes in JS.
 */
export async function agreeSharedSecret(ownPrivate: CryptoKey, peerPublic: CryptoKey): Promise<CryptoKey> {
  return subtle().deriveKey({ name: 'ECDH', public: peerPublic }, ownPrivate, { name: 'HKDF' }, false, ['deriveKey', 'deriveBits']);
}

interface HkdfInput {
  salt: Uint8Array<ArrayBuffer>;
  info: Uint8Array<ArrayBuffer>;
}

const hkdf = ({ salt, info }: HkdfInput): HkdfParams => ({ name: 'HKDF', hash: 'SHA-256', salt, info });

export async function deriveAesGcmKey(secret: CryptoKey, input: HkdfInput): Promise<CryptoKey> {
  return subtle().deriveKey(hkdf(input), secret, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

export async function deriveHmacKey(secret: CryptoKey, input: HkdfInput): Promise<CryptoKey> {
  return subtle().deriveKey(hkdf(input), secret, { name: 'HMAC', hash: 'SHA-256', length: 256 }, false, ['sign', 'verify']);
}

/** Non-secret derived bytes (the per-direction static IV, as TLS 1.3 derives `iv`). */
export async function deriveBytes(secret: CryptoKey, input: HkdfInput, length: number): Promise<Bytes> {
  return new Uint8Array(await subtle().deriveBits(hkdf(input), secret, length * 8));
}

export async function hmac(key: CryptoKey, data: Uint8Array<ArrayBuffer>): Promise<Bytes> {
  return new Uint8Array(await subtle().sign('HMAC', key, data));
}

export async function hmacVerify(key: CryptoKey, mac: Uint8Array<ArrayBuffer>, data: Uint8Array<ArrayBuffer>): Promise<boolean> {
  return subtle().verify('HMAC', key, mac, data);
}

export async function aesGcmSeal(key: CryptoKey, iv: Uint8Array<ArrayBuffer>, aad: Uint8Array<ArrayBuffer>, plaintext: Uint8Array<ArrayBuffer>): Promise<Bytes> {
  return new Uint8Array(await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: aad, tagLength: 128 }, key, plaintext));
}

/** Returns undefined when the tag does not verify (any change to ciphertext, tag, AAD or nonce). */
export async function aesGcmOpen(key: CryptoKey, iv: Uint8Array<ArrayBuffer>, aad: Uint8Array<ArrayBuffer>, sealed: Uint8Array<ArrayBuffer>): Promise<Bytes | undefined> {
  try {
    return new Uint8Array(await subtle().decrypt({ name: 'AES-GCM', iv, additionalData: aad, tagLength: 128 }, key, sealed));
  } catch {
    return undefined;
  }
}
