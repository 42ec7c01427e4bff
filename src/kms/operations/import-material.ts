import { MS_PER_DAY } from '../../sim/core/clock.ts';
import { aesKeyFingerprint } from '../crypto/aes-gcm.ts';
import { copy, toHex, utf8 } from '../crypto/bytes.ts';
import type { OperationContext } from '../engine-context.ts';
import { KmsError, messages } from '../errors.ts';
import { assertKeyState } from '../keys/key-state-rules.ts';
import type { ExpirationModel, KmsKey } from '../keys/kms-key.ts';
import { moveKey } from '../keys/lifecycle.ts';
import { enumOf, members } from './common-shapes.ts';
import type { OperationDescription } from './description.ts';

const HOUR = 3_600_000;
const WRAPPING_HASH: Record<string, 'SHA-1' | 'SHA-256' | undefined> = { RSAES_OAEP_SHA_1: 'SHA-1', RSAES_OAEP_SHA_256: 'SHA-256' };
const WRAPPING_BITS: Record<string, number | undefined> = { RSA_2048: 2048, RSA_3072: 3072, RSA_4096: 4096 };

function requireExternal(key: KmsKey): void {
  if (key.origin !== 'EXTERNAL') throw new KmsError('UnsupportedOperationException', messages.originInvalid(key.arn, key.origin));
}

export const getParametersForImport: OperationDescription = {
  name: 'GetParametersForImport',
  doc: 'Returns an RSA wrapping public key and an import token (valid 24 hours) for importing key material.',
  input: {
    type: 'structure',
    members: {
      KeyId: members.managementKeyId(),
      WrappingAlgorithm: {
        shape: enumOf(['RSAES_PKCS1_V1_5', 'RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256', 'RSA_AES_KEY_WRAP_SHA_1', 'RSA_AES_KEY_WRAP_SHA_256', 'SM2PKE']),
        required: true,
        doc: 'How you will wrap the material (RSAES_OAEP_SHA_1 or RSAES_OAEP_SHA_256 in KMS Lab).',
      },
      WrappingKeySpec: { shape: enumOf(['RSA_2048', 'RSA_3072', 'RSA_4096', 'SM2']), required: true, doc: 'Type of the wrapping key.' },
    },
  },
  output: {
    type: 'structure',
    members: {
      KeyId: members.keyArnOut(),
      ImportToken: { shape: { type: 'blob', min: 1, max: 6144 }, doc: 'Send it back with ImportKeyMaterial.' },
      PublicKey: { shape: { type: 'blob', min: 1, max: 8192, sensitive: true }, doc: 'Wrapping public key, DER SubjectPublicKeyInfo.' },
      ParametersValidTo: { shape: { type: 'timestamp' }, doc: 'When the token and public key expire.' },
    },
  },
  action: 'kms:GetParametersForImport',
  quota: { operation: 'GetParametersForImport' },
  readOnly: true,
  cryptographic: false,
  managementEvent: true,
  key: { member: 'KeyId', aliases: false },
  async handler(ctx, input) {
    const key = ctx.key!;
    assertKeyState('GetParametersForImport', key);
    requireExternal(key);
    const algorithm = input.WrappingAlgorithm as string;
    const hash = WRAPPING_HASH[algorithm];
    if (!hash) throw new KmsError('UnsupportedOperationException', messages.notSimulated(`WrappingAlgorithm ${algorithm} (WebCrypto has RSA-OAEP only)`));
    const bits = WRAPPING_BITS[input.WrappingKeySpec as string];
    if (!bits) throw new KmsError('UnsupportedOperationException', messages.notSimulated(`WrappingKeySpec ${String(input.WrappingKeySpec)}`));
    // The wrapping pair: the private half is non-extractable and can only unwrap.
    const pair = await crypto.subtle.generateKey(
      { name: 'RSA-OAEP', modulusLength: bits, publicExponent: new Uint8Array([1, 0, 1]), hash },
      false,
      ['wrapKey', 'unwrapKey'],
    );
    const publicKey = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
    const token = `kms-lab-import-token:${ctx.world.rng.hex(96)}`;
    const validTo = ctx.now() + 24 * HOUR;
    key.importParameters = { token, wrappingAlgorithm: algorithm, wrappingKeySpec: input.WrappingKeySpec as string, unwrappingKey: pair.privateKey, validTo };
    return { KeyId: key.arn, ImportToken: utf8(token), PublicKey: publicKey, ParametersValidTo: new Date(validTo) };
  },
};

async function unwrapMaterial(ctx: OperationContext, key: KmsKey, token: Uint8Array, wrapped: Uint8Array): Promise<CryptoKey> {
  const params = key.importParameters;
  if (!params || new TextDecoder().decode(token) !== params.token) throw new KmsError('InvalidImportTokenException', '');
  if (ctx.now() > params.validTo) throw new KmsError('ExpiredImportTokenException', '');
  let material: CryptoKey;
  try {
    // Unwrapped straight into a NON-extractable AES-GCM key: the material never exists as JS bytes.
    material = await crypto.subtle.unwrapKey('raw', copy(wrapped), params.unwrappingKey, { name: 'RSA-OAEP' }, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
  } catch {
    throw new KmsError('InvalidCiphertextException', '');
  }
  // A symmetric KMS key takes exactly 256 bits of material.
  if ((material.algorithm as AesKeyAlgorithm).length !== 256) throw new KmsError('IncorrectKeyMaterialException', '');
  return material;
}

export const importKeyMaterial: OperationDescription = {
  name: 'ImportKeyMaterial',
  doc: 'Imports 256-bit key material, wrapped with the public key from GetParametersForImport, into an EXTERNAL key.',
  input: {
    type: 'structure',
    members: {
      KeyId: members.managementKeyId(),
      ImportToken: { shape: { type: 'blob', min: 1, max: 6144 }, required: true, doc: 'Token from GetParametersForImport.' },
      EncryptedKeyMaterial: { shape: { type: 'blob', min: 1, max: 6144 }, required: true, doc: 'The wrapped key material.' },
      ValidTo: { shape: { type: 'timestamp' }, doc: 'When the material expires (required with KEY_MATERIAL_EXPIRES).' },
      ExpirationModel: { shape: enumOf(['KEY_MATERIAL_EXPIRES', 'KEY_MATERIAL_DOES_NOT_EXPIRE']), doc: 'Default KEY_MATERIAL_EXPIRES.' },
      ImportType: { shape: enumOf(['NEW_KEY_MATERIAL', 'EXISTING_KEY_MATERIAL']), doc: 'New material (pending rotation) or re-import of earlier material.' },
      KeyMaterialDescription: { shape: { type: 'string', min: 0, max: 256 }, doc: 'Description of the material.' },
      KeyMaterialId: { shape: { type: 'string', min: 64, max: 64 }, doc: 'Material being re-imported.' },
    },
  },
  output: {
    type: 'structure',
    members: { KeyId: members.keyArnOut(), KeyMaterialId: { shape: { type: 'string' }, doc: 'ID of the imported material.' } },
  },
  action: 'kms:ImportKeyMaterial',
  quota: { operation: 'ImportKeyMaterial' },
  readOnly: false,
  cryptographic: false,
  managementEvent: true,
  key: { member: 'KeyId', aliases: false },
  async handler(ctx, input) {
    const key = ctx.key!;
    assertKeyState('ImportKeyMaterial', key);
    requireExternal(key);
    const expirationModel = (input.ExpirationModel as ExpirationModel | undefined) ?? 'KEY_MATERIAL_EXPIRES';
    const validTo = input.ValidTo as Date | undefined;
    if (expirationModel === 'KEY_MATERIAL_EXPIRES') {
      if (!validTo) throw new KmsError('ValidationException', messages.validToRequired());
      // AWS's texts for these two are not recorded.
      if (validTo.getTime() <= ctx.now()) throw new KmsError('ValidationException', 'ValidTo must be in the future.');
      if (validTo.getTime() > ctx.now() + 365 * MS_PER_DAY) throw new KmsError('ValidationException', 'ValidTo must be at most 365 days in the future.');
    } else if (validTo) {
      throw new KmsError('ValidationException', 'A validTo date must not be set if the ExpirationModel is KEY_MATERIAL_DOES_NOT_EXPIRE');
    }
    const material = await unwrapMaterial(ctx, key, input.ImportToken as Uint8Array, input.EncryptedKeyMaterial as Uint8Array);
    const materialId = toHex(await aesKeyFingerprint(material));
    const imported = { expirationModel, validTo: validTo?.getTime(), description: input.KeyMaterialDescription as string | undefined };
    const known = key.importedMaterialIds.has(materialId);
    const importType = (input.ImportType as string | undefined) ?? (key.importedMaterialIds.size === 0 ? 'NEW_KEY_MATERIAL' : 'EXISTING_KEY_MATERIAL');
    const now = ctx.now();
    const existing = key.backing.find((b) => b.materialId === materialId);
    if (existing) {
      existing.imported = imported; // re-import of present material: new expiry
    } else if (known || (importType === 'NEW_KEY_MATERIAL' && key.currentMaterialId === undefined)) {
      // First import, or re-import of material that expired or was deleted.
      key.backing.push({ materialId, key: material, createdAt: now, rotatedAt: now, imported });
      if (key.currentMaterialId === undefined) key.currentMaterialId = materialId;
    } else if (importType === 'NEW_KEY_MATERIAL') {
      const pending = key.backing.find((b) => b.rotatedAt === undefined);
      if (pending) {
        throw new KmsError(
          'KMSInvalidStateException',
          `New key material (id: ${materialId}) cannot be imported into KMS key ${key.arn}, because another key material (id: ${pending.materialId}) is pending rotation.`,
        );
      }
      key.backing.push({ materialId, key: material, createdAt: now, imported }); // pending until RotateKeyOnDemand
    } else {
      throw new KmsError('IncorrectKeyMaterialException', '');
    }
    key.importedMaterialIds.add(materialId);
    if (key.state === 'PendingImport') moveKey(ctx.world, key, { type: 'IMPORT_MATERIAL' });
    return { KeyId: key.arn, KeyMaterialId: materialId };
  },
};

export const deleteImportedKeyMaterial: OperationDescription = {
  name: 'DeleteImportedKeyMaterial',
  doc: 'Deletes imported key material: the key becomes PendingImport until the same material is imported again.',
  input: {
    type: 'structure',
    members: {
      KeyId: members.managementKeyId(),
      KeyMaterialId: { shape: { type: 'string', min: 64, max: 64 }, doc: 'Material to delete (default: all).' },
    },
  },
  output: {
    type: 'structure',
    members: { KeyId: members.keyArnOut(), KeyMaterialId: { shape: { type: 'string' }, doc: 'ID of the deleted material.' } },
  },
  action: 'kms:DeleteImportedKeyMaterial',
  quota: { operation: 'DeleteImportedKeyMaterial' },
  readOnly: false,
  cryptographic: false,
  managementEvent: true,
  key: { member: 'KeyId', aliases: false },
  async handler(ctx, input) {
    const key = ctx.key!;
    assertKeyState('DeleteImportedKeyMaterial', key);
    requireExternal(key);
    const target = input.KeyMaterialId as string | undefined;
    const deleted = target ?? key.currentMaterialId;
    if (target && target !== key.currentMaterialId) {
      key.backing = key.backing.filter((b) => b.materialId !== target);
    } else {
      key.backing = [];
      key.currentMaterialId = undefined;
      if (key.state === 'Enabled' || key.state === 'Disabled') moveKey(ctx.world, key, { type: 'MATERIAL_REMOVED' });
    }
    const out: Record<string, unknown> = { KeyId: key.arn };
    if (deleted) out.KeyMaterialId = deleted;
    return out;
  },
};
