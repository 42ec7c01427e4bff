import { aesGcmDecrypt, aesGcmEncrypt, GCM_IV_BYTES } from '../crypto/aes-gcm.ts';
import { concat, randomBytes } from '../crypto/bytes.ts';
import { rsaOaepDecrypt, rsaOaepEncrypt } from '../crypto/rsa-oaep.ts';
import { assembleBlob, encodeBlobHeader, parseBlob } from '../crypto/ciphertext-blob.ts';
import { encodeEncryptionContext, type EncryptionContext } from '../crypto/encryption-context.ts';
import type { OperationContext } from '../engine-context.ts';
import { KmsError, messages } from '../errors.ts';
import { keyArn } from '../keys/identifiers.ts';
import { type EncryptionAlgorithm, OAEP_HASH, rsaOaepMaxPlaintext, SPECS } from '../keys/key-specs.ts';
import { assertKeyState } from '../keys/key-state-rules.ts';
import { type BackingKey, currentBacking, type KmsKey } from '../keys/kms-key.ts';
import { refuseContextForAsymmetric, requireUsage } from './shared-rules.ts';

/**
 * Encryption and decryption shared by Encrypt, Decrypt, ReEncrypt, GenerateDataKey* and
 * GenerateDataKeyPair*: one implementation, AWS's order of checks (state → usage/spec → payload).
 */
const invalidCiphertext = () => new KmsError('InvalidCiphertextException', '');

// The header bytes before the IV never change for a backing key: build them once.
const prefixes = new WeakMap<BackingKey, Uint8Array>();
function headerPrefix(key: KmsKey, backing: BackingKey): Uint8Array {
  let prefix = prefixes.get(backing);
  if (!prefix) {
    prefix = encodeBlobHeader({ keyId: key.id, materialId: backing.materialId, iv: new Uint8Array(0) });
    prefixes.set(backing, prefix);
  }
  return prefix;
}

/** Encrypts under the key's CURRENT backing key; the blob names that version (ciphertext-blob.ts). */
export async function sealSymmetric(key: KmsKey, plaintext: Uint8Array, context: EncryptionContext | undefined) {
  const backing = currentBacking(key);
  if (!backing) throw new KmsError('KMSInvalidStateException', messages.pendingImport(key.arn));
  const iv = randomBytes(GCM_IV_BYTES);
  const header = concat(headerPrefix(key, backing), iv);
  const { sealed } = await aesGcmEncrypt(backing.key, plaintext, concat(header, encodeEncryptionContext(context)), iv);
  return { blob: assembleBlob(header, sealed), materialId: backing.materialId };
}

/** Encrypt/ReEncrypt's destination half. */
export async function encryptWith(key: KmsKey, operation: string, plaintext: Uint8Array, algorithm: EncryptionAlgorithm, context: EncryptionContext | undefined) {
  assertKeyState(operation, key);
  requireUsage(key, 'ENCRYPT_DECRYPT', operation);
  const info = SPECS[key.spec];
  if (info.family === 'symmetric') {
    if (algorithm !== 'SYMMETRIC_DEFAULT') throw new KmsError('InvalidKeyUsageException', messages.algorithmIncompatible(algorithm, key.spec));
    const { blob, materialId } = await sealSymmetric(key, plaintext, context);
    return { blob, materialId };
  }
  const hash = OAEP_HASH[algorithm];
  if (!hash) throw new KmsError('InvalidKeyUsageException', messages.algorithmIncompatible(algorithm, key.spec));
  refuseContextForAsymmetric(context);
  const max = rsaOaepMaxPlaintext(info.rsaBits!, hash);
  if (plaintext.length > max) throw new KmsError('ValidationException', messages.tooLargeForRsa(algorithm, key.spec, max));
  const publicKey = key.asymmetric!.publicKeys.get(algorithm)!;
  const blob = await rsaOaepEncrypt(publicKey, plaintext);
  return { blob, materialId: undefined };
}

export interface Opened {
  key: KmsKey;
  plaintext: Uint8Array;
  materialId?: string;
}

/**
 * Decrypt's (and ReEncrypt's source) half. `requested` is the key named in the request, already
 * resolved and authorized by the engine; without it the key comes from the symmetric blob and is
 * authorized here with `action`.
 */
export async function decryptWith(
  ctx: OperationContext,
  operation: string,
  action: string,
  blob: Uint8Array,
  algorithm: EncryptionAlgorithm,
  context: EncryptionContext | undefined,
  requested: KmsKey | undefined,
): Promise<Opened> {
  if (requested) assertKeyState(operation, requested);
  if (algorithm !== 'SYMMETRIC_DEFAULT') {
    // RSA ciphertext is bare OAEP output: KMS needs the KeyId (recorded: InvalidCiphertextException without it).
    if (!requested) throw invalidCiphertext();
    requireUsage(requested, 'ENCRYPT_DECRYPT', operation);
    const privateKey = requested.asymmetric?.privateKeys.get(algorithm);
    if (!privateKey || !OAEP_HASH[algorithm]) {
      throw new KmsError('InvalidKeyUsageException', messages.algorithmIncompatible(algorithm, requested.spec));
    }
    refuseContextForAsymmetric(context);
    const plaintext = await rsaOaepDecrypt(privateKey, blob);
    if (!plaintext) throw invalidCiphertext();
    return { key: requested, plaintext };
  }
  if (requested && SPECS[requested.spec].family !== 'symmetric') {
    if (requested.usage !== 'ENCRYPT_DECRYPT') {
      throw new KmsError('InvalidKeyUsageException', messages.keyUsageInvalid(requested.arn, requested.usage, operation));
    }
    throw new KmsError('InvalidKeyUsageException', messages.algorithmIncompatible(algorithm, requested.spec));
  }
  const parsed = parseBlob(blob);
  if (!parsed) throw invalidCiphertext();
  const owner = ctx.world.store.byId(ctx.scope.region, parsed.keyId);
  if (!owner) {
    // A blob of a key that existed and was deleted: the key is gone for good.
    const arn = keyArn(ctx.scope.region, ctx.scope.accountId, parsed.keyId);
    if (ctx.world.store.wasDeleted(arn)) throw new KmsError('NotFoundException', messages.keyDoesNotExist(arn));
    throw invalidCiphertext();
  }
  if (requested && requested.arn !== owner.arn) throw new KmsError('IncorrectKeyException', messages.incorrectKey());
  if (!requested) {
    ctx.authorizeKey(owner, action, { encryptionContext: context });
    assertKeyState(operation, owner);
  }
  requireUsage(owner, 'ENCRYPT_DECRYPT', operation);
  const backing = owner.backing.find((b) => b.materialId === parsed.materialId);
  if (!backing) throw invalidCiphertext();
  const plaintext = await aesGcmDecrypt(backing.key, parsed.iv, parsed.sealed, concat(parsed.header, encodeEncryptionContext(context)));
  if (!plaintext) throw invalidCiphertext();
  return { key: owner, plaintext, materialId: backing.materialId };
}
