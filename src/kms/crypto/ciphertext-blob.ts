import { type Bytes, bytesToUuid, concat, fromHex, toHex, uuidToBytes } from './bytes.ts';
import { GCM_IV_BYTES, GCM_TAG_BYTES } from './aes-gcm.ts';

/**
 * The symmetric ciphertext blob of KMS Lab. AWS's own format is opaque and undocumented (reference
 * §9); this one carries what a symmetric Decrypt needs without a KeyId, and nothing secret:
 *
 *   offset  size  field
 *   0       1     format version, 0x01
 *   1       1     blob type, 0x01 = symmetric (AES-256-GCM)
 *   2       16    KMS key id (the UUID's 16 bytes); account and Region are implied by where the blob is
 *                 decrypted, as in KMS, whose ciphertexts only decrypt in the Region of their key
 *   18      32    backing key id = KeyMaterialId (64 hex characters) of the key version that encrypted
 *   50      12    AES-GCM IV (random per message)
 *   62      n+16  AES-GCM ciphertext ‖ 128-bit tag
 *
 * The 62-byte header is authenticated: the AAD is header ‖ canonical encryption context
 * (encryption-context.ts). Flipping any bit of the header, IV, body or tag, or supplying another
 * context, fails authentication, and the engine answers InvalidCiphertextException. A blob is at
 * least 62 + 16 = 78 bytes; Encrypt of 4,096 bytes gives 4,174 bytes, inside KMS's 6,144 limit.
 */
export const BLOB_VERSION = 0x01;
export const BLOB_TYPE_SYMMETRIC = 0x01;
export const BLOB_HEADER_BYTES = 2 + 16 + 32 + GCM_IV_BYTES;

export interface BlobHeader {
  keyId: string;
  materialId: string;
  iv: Bytes;
}

export interface ParsedBlob {
  keyId: string;
  materialId: string;
  iv: Uint8Array;
  header: Uint8Array;
  sealed: Uint8Array;
}

export function encodeBlobHeader({ keyId, materialId, iv }: BlobHeader): Bytes {
  return concat(new Uint8Array([BLOB_VERSION, BLOB_TYPE_SYMMETRIC]), uuidToBytes(keyId), fromHex(materialId), iv);
}

export function assembleBlob(header: Uint8Array, sealed: Uint8Array): Bytes {
  return concat(header, sealed);
}

/** Parses the layout; undefined when the bytes cannot be one of our blobs. */
export function parseBlob(blob: Uint8Array): ParsedBlob | undefined {
  if (blob.length < BLOB_HEADER_BYTES + GCM_TAG_BYTES) return undefined;
  if (blob[0] !== BLOB_VERSION || blob[1] !== BLOB_TYPE_SYMMETRIC) return undefined;
  return {
    keyId: bytesToUuid(blob.subarray(2, 18)),
    materialId: toHex(blob.subarray(18, 50)),
    // Views, not copies: the parts are only read (WebCrypto copies what it is given).
    iv: blob.subarray(50, BLOB_HEADER_BYTES),
    header: blob.subarray(0, BLOB_HEADER_BYTES),
    sealed: blob.subarray(BLOB_HEADER_BYTES),
  };
}
