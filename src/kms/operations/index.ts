import { createAlias, deleteAlias, listAliases, updateAlias } from './aliases.ts';
import { createKey } from './create-key.ts';
import { generateDataKey, generateDataKeyPair, generateDataKeyPairWithoutPlaintext, generateDataKeyWithoutPlaintext, generateRandom } from './data-keys.ts';
import { cancelKeyDeletion, scheduleKeyDeletion } from './deletion.ts';
import type { OperationDescription } from './description.ts';
import { decrypt, encrypt, reEncrypt } from './encrypt-decrypt.ts';
import { createGrant, listGrants, listRetirableGrants, retireGrant, revokeGrant } from './grants.ts';
import { deleteImportedKeyMaterial, getParametersForImport, importKeyMaterial } from './import-material.ts';
import { deriveSharedSecret } from './key-agreement.ts';
import { describeKey, disableKey, enableKey, listKeys, updateKeyDescription } from './key-admin.ts';
import { getKeyPolicy, listKeyPolicies, putKeyPolicy } from './policies.ts';
import { disableKeyRotation, enableKeyRotation, getKeyRotationStatus, listKeyRotations, rotateKeyOnDemand } from './rotation.ts';
import { generateMac, getPublicKey, sign, verify, verifyMac } from './signing.ts';
import { listResourceTags, tagResource, untagResource } from './tags.ts';

const all: OperationDescription[] = [
  // cryptographic
  encrypt, decrypt, reEncrypt, generateDataKey, generateDataKeyWithoutPlaintext, generateDataKeyPair,
  generateDataKeyPairWithoutPlaintext, generateRandom, sign, verify, generateMac, verifyMac, getPublicKey, deriveSharedSecret,
  // keys
  createKey, describeKey, listKeys, updateKeyDescription, enableKey, disableKey,
  enableKeyRotation, disableKeyRotation, getKeyRotationStatus, rotateKeyOnDemand, listKeyRotations,
  scheduleKeyDeletion, cancelKeyDeletion,
  // aliases, tags, policies, grants
  createAlias, updateAlias, deleteAlias, listAliases, tagResource, untagResource, listResourceTags,
  putKeyPolicy, getKeyPolicy, listKeyPolicies,
  createGrant, listGrants, listRetirableGrants, retireGrant, revokeGrant,
  // imported key material
  getParametersForImport, importKeyMaterial, deleteImportedKeyMaterial,
];

/**
 * THE registry: every simulated KMS operation by its AWS name. The engine, the wire protocol, the
 * CLI emulator and the audit all read it; nothing describes an operation twice.
 */
export const operations: Readonly<Record<string, OperationDescription>> = Object.freeze(
  Object.fromEntries(all.map((op) => [op.name, op])),
);

export type OperationName = keyof typeof operations;
