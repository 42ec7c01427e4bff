import { type Bytes, copy } from './bytes.ts';
import { CURVE_SCALAR_BYTES, derToP1363, p1363ToDer } from './ecdsa-der.ts';
import { HASH_BYTES, type SigningScheme } from '../keys/key-specs.ts';

/**
 * Sign and verify as KMS does: RSASSA-PSS with salt length = hash length (reference §3, Wycheproof
 * README pitfall 6), PKCS#1 v1.5, and ECDSA with DER signatures (WebCrypto's r‖s converted).
 */
function params(scheme: SigningScheme, key: CryptoKey): AlgorithmIdentifier | RsaPssParams | EcdsaParams {
  if (scheme.webCrypto === 'RSA-PSS') return { name: 'RSA-PSS', saltLength: HASH_BYTES[scheme.hash] };
  if (scheme.webCrypto === 'ECDSA') return { name: 'ECDSA', hash: scheme.hash };
  return { name: key.algorithm.name };
}

function scalarBytes(key: CryptoKey): number {
  return CURVE_SCALAR_BYTES[(key.algorithm as EcKeyAlgorithm).namedCurve as keyof typeof CURVE_SCALAR_BYTES];
}

export async function signMessage(scheme: SigningScheme, privateKey: CryptoKey, message: Uint8Array): Promise<Bytes> {
  const raw = new Uint8Array(await crypto.subtle.sign(params(scheme, privateKey), privateKey, copy(message)));
  return scheme.webCrypto === 'ECDSA' ? p1363ToDer(raw) : raw;
}

export async function verifyMessage(scheme: SigningScheme, publicKey: CryptoKey, message: Uint8Array, signature: Uint8Array): Promise<boolean> {
  let sig: Uint8Array | undefined = signature;
  if (scheme.webCrypto === 'ECDSA') sig = derToP1363(signature, scalarBytes(publicKey));
  if (!sig) return false;
  try {
    return await crypto.subtle.verify(params(scheme, publicKey), publicKey, copy(sig), copy(message));
  } catch {
    return false;
  }
}
