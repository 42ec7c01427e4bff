import { type Bytes, randomBytes } from '../crypto/bytes.ts';
import { generateDataKeyPair as generatePair } from '../crypto/asymmetric-keys.ts';
import type { EncryptionContext } from '../crypto/encryption-context.ts';
import { KmsError, messages } from '../errors.ts';
import { DATA_KEY_PAIR_SPECS, type DataKeyPairSpec, SPECS } from '../keys/key-specs.ts';
import { assertKeyState } from '../keys/key-state-rules.ts';
import { CiphertextType, enumOf, members, NumberOfBytesType } from './common-shapes.ts';
import { sealSymmetric } from './cipher-core.ts';
import type { Input, OperationDescription } from './description.ts';
import type { OperationContext } from '../engine-context.ts';
import { requireSymmetricEncryptionKey } from './shared-rules.ts';
import type { StructureShape } from './shape.ts';

const DataKeySpec = enumOf(['AES_256', 'AES_128']);
const PublicKeyType = { type: 'blob', min: 1, max: 8192 } as const;
const Recipient = {
  type: 'structure',
  members: {
    KeyEncryptionAlgorithm: { shape: enumOf(['RSAES_OAEP_SHA_256']), doc: 'Algorithm for the enclave public key.' },
    AttestationDocument: { shape: { type: 'blob', min: 1, max: 262144 }, doc: 'Nitro Enclave attestation document.' },
  },
} as const;

function refuseRecipient(input: Input): void {
  if (input.Recipient !== undefined) {
    throw new KmsError('UnsupportedOperationException', messages.notSimulated('Recipient (Nitro Enclaves attestation)'));
  }
}

// --- GenerateDataKey / GenerateDataKeyWithoutPlaintext ------------------------------------------

const dataKeyInput = (withRecipient: boolean): StructureShape => ({
  type: 'structure',
  members: {
    KeyId: members.keyId('Symmetric encryption KMS key that encrypts the data key.'),
    EncryptionContext: members.encryptionContext(),
    NumberOfBytes: { shape: NumberOfBytesType, doc: 'Length of the data key in bytes (1–1,024); or use KeySpec.' },
    KeySpec: { shape: DataKeySpec, doc: 'AES_256 (32 bytes) or AES_128 (16 bytes); or use NumberOfBytes.' },
    GrantTokens: members.grantTokens(),
    ...(withRecipient ? { Recipient: { shape: Recipient, doc: 'Nitro Enclave recipient (not simulated).' } } : {}),
    DryRun: members.dryRun(),
  },
});

async function makeDataKey(ctx: OperationContext, input: Input, operation: string) {
  const key = ctx.key!;
  assertKeyState(operation, key);
  requireSymmetricEncryptionKey(key, operation);
  refuseRecipient(input);
  const hasSpec = input.KeySpec !== undefined;
  const hasBytes = input.NumberOfBytes !== undefined;
  if (hasSpec === hasBytes) {
    // AWS's exact text is not recorded; this is moto's wording (reference §5 GenerateDataKey).
    throw new KmsError('ValidationException', 'Please specify either number of bytes or key spec.');
  }
  const length = hasSpec ? (input.KeySpec === 'AES_128' ? 16 : 32) : (input.NumberOfBytes as number);
  const plaintext: Bytes = randomBytes(length);
  const { blob, materialId } = await sealSymmetric(key, plaintext, input.EncryptionContext as EncryptionContext);
  return { plaintext, blob, materialId, key };
}

export const generateDataKey: OperationDescription = {
  name: 'GenerateDataKey',
  doc: 'Returns a unique data key: in plaintext, and encrypted under a symmetric KMS key (envelope encryption).',
  input: dataKeyInput(true),
  output: {
    type: 'structure',
    members: {
      CiphertextBlob: { shape: CiphertextType, doc: 'The data key, encrypted. Store it beside the data.' },
      Plaintext: { shape: { type: 'blob', min: 1, max: 4096, sensitive: true }, doc: 'The data key. Use it, then erase it.' },
      KeyId: members.keyArnOut(),
      CiphertextForRecipient: { shape: CiphertextType, doc: 'Nitro Enclave output (not simulated).' },
      KeyMaterialId: { shape: { type: 'string' }, doc: 'Key material that encrypted the data key.' },
    },
  },
  action: 'kms:GenerateDataKey',
  quota: 'symmetric-crypto',
  readOnly: true,
  cryptographic: true,
  managementEvent: true,
  key: { member: 'KeyId', aliases: true },
  dryRun: true,
  async handler(ctx, input) {
    const made = await makeDataKey(ctx, input, 'GenerateDataKey');
    return { CiphertextBlob: made.blob, Plaintext: made.plaintext, KeyId: made.key.arn, KeyMaterialId: made.materialId };
  },
};

export const generateDataKeyWithoutPlaintext: OperationDescription = {
  name: 'GenerateDataKeyWithoutPlaintext',
  doc: 'Returns a data key encrypted under a symmetric KMS key, without its plaintext (decrypt it when needed).',
  input: dataKeyInput(false),
  output: {
    type: 'structure',
    members: {
      CiphertextBlob: { shape: CiphertextType, doc: 'The data key, encrypted.' },
      KeyId: members.keyArnOut(),
      KeyMaterialId: { shape: { type: 'string' }, doc: 'Key material that encrypted the data key.' },
    },
  },
  action: 'kms:GenerateDataKeyWithoutPlaintext',
  quota: 'symmetric-crypto',
  readOnly: true,
  cryptographic: true,
  managementEvent: true,
  key: { member: 'KeyId', aliases: true },
  dryRun: true,
  async handler(ctx, input) {
    const made = await makeDataKey(ctx, input, 'GenerateDataKeyWithoutPlaintext');
    made.plaintext.fill(0);
    return { CiphertextBlob: made.blob, KeyId: made.key.arn, KeyMaterialId: made.materialId };
  },
};

// --- GenerateDataKeyPair / GenerateDataKeyPairWithoutPlaintext ----------------------------------

const pairInput = (withRecipient: boolean): StructureShape => ({
  type: 'structure',
  members: {
    EncryptionContext: members.encryptionContext(),
    KeyId: members.keyId('Symmetric encryption KMS key that encrypts the private key.'),
    KeyPairSpec: { shape: enumOf(DATA_KEY_PAIR_SPECS), required: true, doc: 'Type of the data key pair.' },
    GrantTokens: members.grantTokens(),
    ...(withRecipient ? { Recipient: { shape: Recipient, doc: 'Nitro Enclave recipient (not simulated).' } } : {}),
    DryRun: members.dryRun(),
  },
});

async function makeDataKeyPair(ctx: OperationContext, input: Input, operation: string) {
  const key = ctx.key!;
  assertKeyState(operation, key);
  requireSymmetricEncryptionKey(key, operation);
  refuseRecipient(input);
  const spec = input.KeyPairSpec as DataKeyPairSpec;
  const info = SPECS[spec as keyof typeof SPECS];
  if (!info || info.notSimulated) {
    throw new KmsError('UnsupportedOperationException', messages.notSimulated(`KeyPairSpec ${spec}${info?.notSimulated ? ` (${info.notSimulated})` : ''}`));
  }
  // The private key of a data key pair is returned by definition: it is data-key material, not KMS key material.
  const pair = await generatePair({ rsaBits: info.rsaBits, curve: info.curve });
  const { blob, materialId } = await sealSymmetric(key, pair.privateKey, input.EncryptionContext as EncryptionContext);
  return { pair, blob, materialId, key, spec };
}

const pairOutput = (withPlaintext: boolean): StructureShape => ({
  type: 'structure',
  members: {
    PrivateKeyCiphertextBlob: { shape: CiphertextType, doc: 'The private key (PKCS#8 DER), encrypted.' },
    ...(withPlaintext
      ? { PrivateKeyPlaintext: { shape: { type: 'blob', min: 1, max: 4096, sensitive: true }, doc: 'The private key, PKCS#8 DER.' } }
      : {}),
    PublicKey: { shape: PublicKeyType, doc: 'The public key, DER SubjectPublicKeyInfo.' },
    KeyId: members.keyArnOut(),
    KeyPairSpec: { shape: enumOf(DATA_KEY_PAIR_SPECS), doc: 'Type of the data key pair.' },
    ...(withPlaintext ? { CiphertextForRecipient: { shape: CiphertextType, doc: 'Nitro Enclave output (not simulated).' } } : {}),
    KeyMaterialId: { shape: { type: 'string' }, doc: 'Key material that encrypted the private key.' },
  },
});

export const generateDataKeyPair: OperationDescription = {
  name: 'GenerateDataKeyPair',
  doc: 'Returns an asymmetric data key pair: public key, private key in plaintext and encrypted under a symmetric KMS key.',
  input: pairInput(true),
  output: pairOutput(true),
  action: 'kms:GenerateDataKeyPair',
  quota: (_key, input) => `data-key-pair:${String(input.KeyPairSpec)}`,
  readOnly: true,
  cryptographic: true,
  managementEvent: true,
  key: { member: 'KeyId', aliases: true },
  dryRun: true,
  async handler(ctx, input) {
    const made = await makeDataKeyPair(ctx, input, 'GenerateDataKeyPair');
    return {
      PrivateKeyCiphertextBlob: made.blob,
      PrivateKeyPlaintext: made.pair.privateKey,
      PublicKey: made.pair.publicKey,
      KeyId: made.key.arn,
      KeyPairSpec: made.spec,
      KeyMaterialId: made.materialId,
    };
  },
};

export const generateDataKeyPairWithoutPlaintext: OperationDescription = {
  name: 'GenerateDataKeyPairWithoutPlaintext',
  doc: 'Returns an asymmetric data key pair with the private key only in encrypted form.',
  input: pairInput(false),
  output: pairOutput(false),
  action: 'kms:GenerateDataKeyPairWithoutPlaintext',
  quota: (_key, input) => `data-key-pair:${String(input.KeyPairSpec)}`,
  readOnly: true,
  cryptographic: true,
  managementEvent: true,
  key: { member: 'KeyId', aliases: true },
  dryRun: true,
  async handler(ctx, input) {
    const made = await makeDataKeyPair(ctx, input, 'GenerateDataKeyPairWithoutPlaintext');
    made.pair.privateKey.fill(0);
    return { PrivateKeyCiphertextBlob: made.blob, PublicKey: made.pair.publicKey, KeyId: made.key.arn, KeyPairSpec: made.spec, KeyMaterialId: made.materialId };
  },
};

// --- GenerateRandom -------------------------------------------------------------------------------

export const generateRandom: OperationDescription = {
  name: 'GenerateRandom',
  doc: 'Returns cryptographically secure random bytes (1–1,024). Not tied to a key.',
  input: {
    type: 'structure',
    members: {
      NumberOfBytes: { shape: NumberOfBytesType, doc: 'How many bytes (1–1,024).' },
      CustomKeyStoreId: { shape: { type: 'string', min: 1, max: 64 }, doc: 'Generate in a CloudHSM key store (not simulated).' },
      Recipient: { shape: Recipient, doc: 'Nitro Enclave recipient (not simulated).' },
    },
  },
  output: {
    type: 'structure',
    members: {
      Plaintext: { shape: { type: 'blob', min: 1, max: 4096, sensitive: true }, doc: 'The random bytes.' },
      CiphertextForRecipient: { shape: CiphertextType, doc: 'Nitro Enclave output (not simulated).' },
    },
  },
  action: 'kms:GenerateRandom',
  quota: 'symmetric-crypto',
  readOnly: true,
  cryptographic: true,
  managementEvent: true,
  async handler(_ctx, input) {
    // The model marks NumberOfBytes optional; the service requires it (recorded message).
    if (input.NumberOfBytes === undefined) throw new KmsError('ValidationException', 'NumberOfBytes is required.');
    if (input.CustomKeyStoreId !== undefined) throw new KmsError('UnsupportedOperationException', messages.notSimulated('CustomKeyStoreId (custom key stores)'));
    refuseRecipient(input);
    return { Plaintext: randomBytes(input.NumberOfBytes as number) };
  },
};
