import { ENCRYPTION_ALGORITHMS, type EncryptionAlgorithm } from '../keys/key-specs.ts';
import type { EncryptionContext } from '../crypto/encryption-context.ts';
import { CiphertextType, enumOf, members, PlaintextType } from './common-shapes.ts';
import { decryptWith, encryptWith } from './cipher-core.ts';
import { assertKeyState } from '../keys/key-state-rules.ts';
import { requireUsage } from './shared-rules.ts';
import { type OperationDescription, quotaByKeyType } from './description.ts';

const EncryptionAlgorithmSpec = enumOf(ENCRYPTION_ALGORITHMS);
const DryRunModifiers = { type: 'list', member: enumOf(['IGNORE_CIPHERTEXT']) } as const;
const Recipient = {
  type: 'structure',
  members: {
    KeyEncryptionAlgorithm: { shape: enumOf(['RSAES_OAEP_SHA_256']), doc: 'Algorithm for the enclave public key.' },
    AttestationDocument: { shape: { type: 'blob', min: 1, max: 262144 }, doc: 'Nitro Enclave attestation document.' },
  },
} as const;

/**
 * DryRun with DryRunModifiers [IGNORE_CIPHERTEXT] tests permissions without a valid ciphertext. It
 * needs the key named in the request (KeyId / SourceKeyId): without one there is no key to check,
 * and the ciphertext is read as usual.
 */
function ignoresCiphertext(input: Record<string, unknown>): boolean {
  return input.DryRun === true && Array.isArray(input.DryRunModifiers) && input.DryRunModifiers.includes('IGNORE_CIPHERTEXT');
}

export const encrypt: OperationDescription = {
  name: 'Encrypt',
  doc: 'Encrypts up to 4,096 bytes of plaintext under a symmetric or RSA KMS key.',
  input: {
    type: 'structure',
    members: {
      KeyId: members.keyId(),
      Plaintext: { shape: PlaintextType, required: true, doc: 'Data to encrypt (1 to 4,096 bytes).' },
      EncryptionContext: members.encryptionContext(),
      GrantTokens: members.grantTokens(),
      EncryptionAlgorithm: { shape: EncryptionAlgorithmSpec, doc: 'SYMMETRIC_DEFAULT (default) or RSAES_OAEP_SHA_1/SHA_256 for RSA keys.' },
      DryRun: members.dryRun(),
    },
  },
  output: {
    type: 'structure',
    members: {
      CiphertextBlob: { shape: CiphertextType, doc: 'The encrypted data.' },
      KeyId: members.keyArnOut(),
      EncryptionAlgorithm: { shape: EncryptionAlgorithmSpec, doc: 'Algorithm used.' },
    },
  },
  action: 'kms:Encrypt',
  quota: (key) => quotaByKeyType(key),
  readOnly: true,
  cryptographic: true,
  managementEvent: true,
  key: { member: 'KeyId', aliases: true },
  dryRun: true,
  async handler(ctx, input) {
    const key = ctx.key!;
    const algorithm = (input.EncryptionAlgorithm as EncryptionAlgorithm | undefined) ?? 'SYMMETRIC_DEFAULT';
    const { blob } = await encryptWith(key, 'Encrypt', input.Plaintext as Uint8Array, algorithm, input.EncryptionContext as EncryptionContext);
    return { CiphertextBlob: blob, KeyId: key.arn, EncryptionAlgorithm: algorithm };
  },
};

export const decrypt: OperationDescription = {
  name: 'Decrypt',
  doc: 'Decrypts a ciphertext made by Encrypt, GenerateDataKey* or ReEncrypt. Symmetric ciphertext needs no KeyId.',
  input: {
    type: 'structure',
    members: {
      CiphertextBlob: { shape: CiphertextType, required: true, doc: 'Ciphertext to decrypt.' },
      EncryptionContext: members.encryptionContext('The encryption context used to encrypt, exactly.'),
      GrantTokens: members.grantTokens(),
      KeyId: { ...members.keyId('Required for asymmetric ciphertext; for symmetric ciphertext it must name the key that encrypted.'), required: false },
      EncryptionAlgorithm: { shape: EncryptionAlgorithmSpec, doc: 'Must match the algorithm used to encrypt.' },
      Recipient: { shape: Recipient, doc: 'Nitro Enclave recipient (not simulated in KMS Lab).' },
      DryRun: members.dryRun(),
      DryRunModifiers: { shape: DryRunModifiers, doc: 'IGNORE_CIPHERTEXT skips ciphertext checks in a dry run.' },
    },
  },
  output: {
    type: 'structure',
    members: {
      KeyId: members.keyArnOut('ARN of the KMS key that decrypted.'),
      Plaintext: { shape: PlaintextType, doc: 'The decrypted data.' },
      EncryptionAlgorithm: { shape: EncryptionAlgorithmSpec, doc: 'Algorithm used.' },
      CiphertextForRecipient: { shape: CiphertextType, doc: 'Nitro Enclave output (not simulated).' },
      KeyMaterialId: { shape: { type: 'string' }, doc: 'Key material that decrypted (symmetric keys).' },
    },
  },
  action: 'kms:Decrypt',
  quota: (key) => quotaByKeyType(key),
  readOnly: true,
  cryptographic: true,
  managementEvent: true,
  key: { member: 'KeyId', aliases: true, optional: true },
  authorizesInHandler: true,
  dryRun: true,
  async handler(ctx, input) {
    const algorithm = (input.EncryptionAlgorithm as EncryptionAlgorithm | undefined) ?? 'SYMMETRIC_DEFAULT';
    // CloudTrail always shows the algorithm (even when not sent) and the key the blob named (reference §10).
    ctx.note.requestParameters.encryptionAlgorithm = algorithm;
    if (ignoresCiphertext(input) && ctx.key) {
      // A permission check without a valid ciphertext: state and usage of the named key only.
      assertKeyState('Decrypt', ctx.key);
      requireUsage(ctx.key, 'ENCRYPT_DECRYPT', 'Decrypt');
      return {};
    }
    const opened = await decryptWith(
      ctx, 'Decrypt', 'kms:Decrypt', input.CiphertextBlob as Uint8Array, algorithm,
      input.EncryptionContext as EncryptionContext, ctx.key,
    );
    ctx.note.requestParameters.keyId = opened.key.arn;
    const out: Record<string, unknown> = { KeyId: opened.key.arn, Plaintext: opened.plaintext, EncryptionAlgorithm: algorithm };
    if (opened.materialId) out.KeyMaterialId = opened.materialId;
    return out;
  },
};

export const reEncrypt: OperationDescription = {
  name: 'ReEncrypt',
  doc: 'Decrypts a ciphertext and encrypts it again under another key or context, without exposing the plaintext.',
  input: {
    type: 'structure',
    members: {
      CiphertextBlob: { shape: CiphertextType, required: true, doc: 'Ciphertext to re-encrypt.' },
      SourceEncryptionContext: members.encryptionContext('Encryption context used to encrypt the ciphertext.'),
      SourceKeyId: { ...members.keyId('Key that decrypts; required for asymmetric ciphertext.'), required: false },
      DestinationKeyId: members.keyId('Key that encrypts the result.'),
      DestinationEncryptionContext: members.encryptionContext('Encryption context for the new ciphertext.'),
      SourceEncryptionAlgorithm: { shape: EncryptionAlgorithmSpec, doc: 'Algorithm of the source ciphertext.' },
      DestinationEncryptionAlgorithm: { shape: EncryptionAlgorithmSpec, doc: 'Algorithm for the new ciphertext.' },
      GrantTokens: members.grantTokens(),
      DryRun: members.dryRun(),
      DryRunModifiers: { shape: DryRunModifiers, doc: 'IGNORE_CIPHERTEXT skips ciphertext checks in a dry run.' },
    },
  },
  output: {
    type: 'structure',
    members: {
      CiphertextBlob: { shape: CiphertextType, doc: 'The re-encrypted data.' },
      SourceKeyId: members.keyArnOut('ARN of the key that decrypted.'),
      KeyId: members.keyArnOut('ARN of the key that encrypted.'),
      SourceEncryptionAlgorithm: { shape: EncryptionAlgorithmSpec, doc: 'Source algorithm.' },
      DestinationEncryptionAlgorithm: { shape: EncryptionAlgorithmSpec, doc: 'Destination algorithm.' },
      SourceKeyMaterialId: { shape: { type: 'string' }, doc: 'Key material that decrypted.' },
      DestinationKeyMaterialId: { shape: { type: 'string' }, doc: 'Key material that encrypted.' },
    },
  },
  action: 'kms:ReEncrypt*',
  quota: (key) => quotaByKeyType(key),
  readOnly: true,
  cryptographic: true,
  managementEvent: true,
  authorizesInHandler: true,
  dryRun: true,
  async handler(ctx, input) {
    const sourceAlgorithm = (input.SourceEncryptionAlgorithm as EncryptionAlgorithm | undefined) ?? 'SYMMETRIC_DEFAULT';
    const destinationAlgorithm = (input.DestinationEncryptionAlgorithm as EncryptionAlgorithm | undefined) ?? 'SYMMETRIC_DEFAULT';
    const destinationContext = input.DestinationEncryptionContext as EncryptionContext | undefined;
    const destination = ctx.useKey(input.DestinationKeyId as string, true, 'kms:ReEncryptTo', { encryptionContext: destinationContext });
    const source = input.SourceKeyId !== undefined
      ? ctx.useKey(input.SourceKeyId as string, true, 'kms:ReEncryptFrom')
      : undefined;
    if (ignoresCiphertext(input) && source) {
      assertKeyState('ReEncrypt', source);
      requireUsage(source, 'ENCRYPT_DECRYPT', 'ReEncrypt');
      assertKeyState('ReEncrypt', destination);
      requireUsage(destination, 'ENCRYPT_DECRYPT', 'ReEncrypt');
      return {};
    }
    const opened = await decryptWith(
      ctx, 'ReEncrypt', 'kms:ReEncryptFrom', input.CiphertextBlob as Uint8Array, sourceAlgorithm,
      input.SourceEncryptionContext as EncryptionContext, source,
    );
    const sealed = await encryptWith(destination, 'ReEncrypt', opened.plaintext, destinationAlgorithm, destinationContext);
    opened.plaintext.fill(0);
    const out: Record<string, unknown> = {
      CiphertextBlob: sealed.blob,
      SourceKeyId: opened.key.arn,
      KeyId: destination.arn,
      SourceEncryptionAlgorithm: sourceAlgorithm,
      DestinationEncryptionAlgorithm: destinationAlgorithm,
    };
    if (opened.materialId) out.SourceKeyMaterialId = opened.materialId;
    if (sealed.materialId) out.DestinationKeyMaterialId = sealed.materialId;
    return out;
  },
};
