/**
 * Someone outside AWS: a partner or a customer with no AWS account and no KMS client, holding only
 * a public key that was downloaded (GetPublicKey) and handed over as PEM. Everything it does is
 * plain WebCrypto on that public key, as any library outside AWS would do it:
 *
 *   encrypt(plaintext, algorithm)           RSAES-OAEP, same hash for OAEP and MGF1, empty label: what KMS Decrypt expects
 *   verify(message, signature, algorithm)   ECDSA (DER signatures, as KMS returns them) or RSASSA-PSS / PKCS#1 v1.5
 *
 * The class has no reference to a KMS and cannot get one: what it can do without KMS is exactly what
 * an asymmetric KMS key offers to people who cannot call KMS.
 */
import type { Bytes } from '../../kms/crypto/bytes';
import { rsaOaepEncrypt } from '../../kms/crypto/rsa-oaep';
import { verifyMessage } from '../../kms/crypto/signatures';
import { OAEP_HASH, rsaOaepMaxPlaintext, SIGNING_SCHEMES, type EncryptionAlgorithm, type SigningAlgorithm } from '../../kms/keys/key-specs';
import { pemToSpki } from './pem';

/** The plaintext is longer than RSA-OAEP can take with this key and hash; nothing was encrypted. */
export class PlaintextTooLargeError extends Error {
  constructor(
    readonly bytes: number,
    readonly maxBytes: number,
    readonly algorithm: string,
  ) {
    super(`${algorithm} under this key encrypts at most ${maxBytes} bytes; the plaintext has ${bytes}`);
    this.name = 'PlaintextTooLargeError';
  }
}

export class OutsideParty {
  readonly #spki: Bytes;

  /** `pem`: the public key as it was handed over. Throws when it is not a PEM public key. */
  constructor(
    readonly name: string,
    readonly pem: string,
  ) {
    this.#spki = pemToSpki(pem);
  }

  /** Largest plaintext RSA-OAEP with `algorithm` takes under this public key: modulus bytes − 2·hash bytes − 2. */
  async maxPlaintext(algorithm: EncryptionAlgorithm): Promise<number> {
    const hash = oaepHash(algorithm);
    const key = await crypto.subtle.importKey('spki', this.#spki, { name: 'RSA-OAEP', hash }, true, ['encrypt']);
    return rsaOaepMaxPlaintext((key.algorithm as RsaHashedKeyAlgorithm).modulusLength, hash);
  }

  /** RSAES-OAEP under the public key; KMS Decrypt with the same EncryptionAlgorithm opens it. */
  async encrypt(plaintext: Uint8Array, algorithm: EncryptionAlgorithm): Promise<Bytes> {
    const hash = oaepHash(algorithm);
    const key = await crypto.subtle.importKey('spki', this.#spki, { name: 'RSA-OAEP', hash }, false, ['encrypt']);
    const max = rsaOaepMaxPlaintext((key.algorithm as RsaHashedKeyAlgorithm).modulusLength, hash);
    // WebCrypto would refuse too, with a bare OperationError; saying the limit is the point.
    if (plaintext.length > max) throw new PlaintextTooLargeError(plaintext.length, max, algorithm);
    return rsaOaepEncrypt(key, plaintext);
  }

  /** Whether `signature` (as KMS Sign returned it) is valid for `message` under the public key. */
  async verify(message: Uint8Array, signature: Uint8Array, algorithm: SigningAlgorithm): Promise<boolean> {
    const scheme = SIGNING_SCHEMES[algorithm];
    if (!scheme) throw new Error(`${algorithm} is not simulated in KMS Lab`);
    const params = scheme.webCrypto === 'ECDSA' ? { name: 'ECDSA', namedCurve: curveOf(algorithm) } : { name: scheme.webCrypto, hash: scheme.hash };
    const key = await crypto.subtle.importKey('spki', this.#spki, params, false, ['verify']);
    return verifyMessage(scheme, key, message, signature);
  }
}

function oaepHash(algorithm: EncryptionAlgorithm) {
  const hash = OAEP_HASH[algorithm];
  if (!hash) throw new Error(`${algorithm} is not RSA-OAEP: a public key cannot encrypt with it outside KMS`);
  return hash;
}

/** KMS ties each ECDSA algorithm to one curve (reference §3). */
const CURVE_OF: Partial<Record<SigningAlgorithm, string>> = { ECDSA_SHA_256: 'P-256', ECDSA_SHA_384: 'P-384', ECDSA_SHA_512: 'P-521' };
function curveOf(algorithm: SigningAlgorithm): string {
  const curve = CURVE_OF[algorithm];
  if (!curve) throw new Error(`${algorithm} is not an ECDSA algorithm`);
  return curve;
}
