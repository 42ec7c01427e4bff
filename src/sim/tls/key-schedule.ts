/**
 * From the ECDHE shared secret to the keys of one connection, in the spirit of TLS 1.3's key
 * schedule but simplified (and documented as such):
 *
 *   shared        = ECDH(own ephemeral private key, peer's key share)       (stays inside WebCrypto)
 *   hello_hash    = SHA-256(ClientHello ‖ ServerHello)
 *   finished keys = HKDF-SHA256(shared, salt = hello_hash, info = label)    one per side, HMAC keys
 *   traffic keys  = HKDF-SHA256(shared, salt = hello_hash, info = label ‖ SHA-256(transcript up to
 *                   the server's Finished))                                 AES-256-GCM key + 12-byte IV per direction
 *
 * Real TLS 1.3 chains HKDF-Extract through early, handshake and master secrets, derives separate
 * handshake-traffic keys that encrypt the server's certificate, and uses HKDF-Expand-Label. The
 * idea kept here is the one that matters for the lesson: both sides compute the same keys from
 * their own private key and the other side's public share, and the keys are bound to everything
 * said in the handshake, so a changed handshake message gives different keys.
 */
import { concat, utf8, type Bytes } from './bytes';
import { deriveAesGcmKey, deriveBytes, deriveHmacKey } from './crypto';

const LABEL_PREFIX = 'kms-lab tls ';
export const IV_BYTES = 12;

/** One direction of application traffic: the AES-256-GCM key and the static IV nonces are built from. */
export interface TrafficKeys {
  key: CryptoKey;
  iv: Bytes;
}

export interface FinishedKeys {
  client: CryptoKey;
  server: CryptoKey;
}

export interface ApplicationKeys {
  /** Protects records the client writes (and the server reads). */
  clientWrite: TrafficKeys;
  /** Protects records the server writes (and the client reads). */
  serverWrite: TrafficKeys;
}

const input = (helloHash: Bytes, label: string, context: Bytes = new Uint8Array(0)) => ({
  salt: helloHash,
  info: concat(utf8(LABEL_PREFIX + label), context),
});

export async function deriveFinishedKeys(shared: CryptoKey, helloHash: Bytes): Promise<FinishedKeys> {
  return {
    client: await deriveHmacKey(shared, input(helloHash, 'c finished')),
    server: await deriveHmacKey(shared, input(helloHash, 's finished')),
  };
}

export async function deriveApplicationKeys(shared: CryptoKey, helloHash: Bytes, handshakeHash: Bytes): Promise<ApplicationKeys> {
  const direction = async (side: 'c' | 's'): Promise<TrafficKeys> => ({
    key: await deriveAesGcmKey(shared, input(helloHash, `${side} ap traffic key`, handshakeHash)),
    iv: await deriveBytes(shared, input(helloHash, `${side} ap traffic iv`, handshakeHash), IV_BYTES),
  });
  return { clientWrite: await direction('c'), serverWrite: await direction('s') };
}
