import { copy } from '../crypto/bytes.ts';
import { verifyDigest } from '../crypto/digest-verify.ts';
import { signMessage, verifyMessage } from '../crypto/signatures.ts';
import type { OperationContext } from '../engine-context.ts';
import { KmsError, messages } from '../errors.ts';
import { algorithmsFor, HASH_BYTES, MAC_ALGORITHMS, MAC_HASH, type MacAlgorithm, SIGNING_ALGORITHMS, SIGNING_SCHEMES, type SigningAlgorithm } from '../keys/key-specs.ts';
import { assertKeyState } from '../keys/key-state-rules.ts';
import type { KmsKey } from '../keys/kms-key.ts';
import { enumOf, members } from './common-shapes.ts';
import { type Input, type OperationDescription, quotaByKeyType } from './description.ts';
import { requireUsage } from './shared-rules.ts';

const MessageBlob = { type: 'blob', min: 1, max: 4096, sensitive: true } as const;
const SignatureBlob = { type: 'blob', min: 1, max: 6144 } as const;
const MessageTypeShape = enumOf(['RAW', 'DIGEST', 'EXTERNAL_MU']);
const SigningAlgorithmShape = enumOf(SIGNING_ALGORITHMS);
const MacAlgorithmShape = enumOf(MAC_ALGORITHMS);

/**
 * Checks shared by Sign and Verify, in AWS's order: state → usage → algorithm for the key spec →
 * message type and digest length.
 */
function prepareSignature(key: KmsKey, operation: 'Sign' | 'Verify', input: Input) {
  assertKeyState(operation, key);
  requireUsage(key, 'SIGN_VERIFY', operation);
  const algorithm = input.SigningAlgorithm as SigningAlgorithm;
  const allowed = algorithmsFor(key.spec, key.usage).SigningAlgorithms ?? [];
  const scheme = SIGNING_SCHEMES[algorithm];
  if (!allowed.includes(algorithm) || !scheme) {
    // AWS's exact answer for a mismatched algorithm is not recorded (reference §5 Sign: "uncertain").
    throw new KmsError('InvalidKeyUsageException', messages.algorithmIncompatible(algorithm, key.spec));
  }
  const messageType = (input.MessageType as string | undefined) ?? 'RAW';
  const message = input.Message as Uint8Array;
  if (messageType === 'EXTERNAL_MU') {
    throw new KmsError('ValidationException', 'MessageType EXTERNAL_MU is only valid with ML-DSA keys.');
  }
  if (messageType === 'DIGEST') {
    if (message.length !== HASH_BYTES[scheme.hash]) throw new KmsError('ValidationException', messages.digestLength(algorithm));
    if (operation === 'Sign') {
      // WebCrypto always hashes the message itself, and the private key never leaves its
      // non-extractable CryptoKey, so a pre-computed digest cannot be signed. (Verify can: it only
      // needs the public key — see crypto/digest-verify.ts.)
      throw new KmsError('UnsupportedOperationException', messages.notSimulated('Sign with MessageType DIGEST (WebCrypto always hashes the message itself)'));
    }
  }
  return { algorithm, scheme, message, digest: messageType === 'DIGEST' };
}

const signVerifyInput = (verify: boolean) => ({
  type: 'structure' as const,
  members: {
    KeyId: members.keyId('Asymmetric KMS key with KeyUsage SIGN_VERIFY.'),
    Message: { shape: MessageBlob, required: true, doc: 'Message (RAW, up to 4,096 bytes) or its digest (DIGEST).' },
    MessageType: { shape: MessageTypeShape, doc: 'RAW (default): KMS hashes the message; DIGEST: the message is the hash.' },
    ...(verify ? { Signature: { shape: SignatureBlob, required: true, doc: 'The signature to check.' } } : {}),
    SigningAlgorithm: { shape: SigningAlgorithmShape, required: true, doc: 'Signing algorithm; must suit the key spec.' },
    GrantTokens: members.grantTokens(),
    DryRun: members.dryRun(),
  },
});

export const sign: OperationDescription = {
  name: 'Sign',
  doc: 'Creates a digital signature with the private key of an asymmetric KMS key (ECDSA signatures are DER).',
  input: signVerifyInput(false),
  output: {
    type: 'structure',
    members: {
      KeyId: members.keyArnOut(),
      Signature: { shape: SignatureBlob, doc: 'The signature.' },
      SigningAlgorithm: { shape: SigningAlgorithmShape, doc: 'Algorithm used.' },
    },
  },
  action: 'kms:Sign',
  quota: (key) => quotaByKeyType(key),
  readOnly: true,
  cryptographic: true,
  managementEvent: true,
  key: { member: 'KeyId', aliases: true },
  dryRun: true,
  async handler(ctx, input) {
    const key = ctx.key!;
    const { algorithm, scheme, message } = prepareSignature(key, 'Sign', input);
    const signature = await signMessage(scheme, key.asymmetric!.privateKeys.get(algorithm)!, message);
    return { KeyId: key.arn, Signature: signature, SigningAlgorithm: algorithm };
  },
};

export const verify: OperationDescription = {
  name: 'Verify',
  doc: 'Verifies a signature made by Sign (or offline with the public key). A bad signature is KMSInvalidSignatureException.',
  input: signVerifyInput(true),
  output: {
    type: 'structure',
    members: {
      KeyId: members.keyArnOut(),
      SignatureValid: { shape: { type: 'boolean' }, doc: 'Always true: an invalid signature throws instead.' },
      SigningAlgorithm: { shape: SigningAlgorithmShape, doc: 'Algorithm used.' },
    },
  },
  action: 'kms:Verify',
  quota: (key) => quotaByKeyType(key),
  readOnly: true,
  cryptographic: true,
  managementEvent: true,
  key: { member: 'KeyId', aliases: true },
  dryRun: true,
  async handler(ctx, input) {
    const key = ctx.key!;
    const { algorithm, scheme, message, digest } = prepareSignature(key, 'Verify', input);
    const publicKey = key.asymmetric!.publicKeys.get(algorithm)!;
    const signature = input.Signature as Uint8Array;
    // RAW and DIGEST interoperate: a RAW signature verifies against its message's digest and vice versa.
    const ok = digest ? await verifyDigest(scheme, publicKey, message, signature) : await verifyMessage(scheme, publicKey, message, signature);
    if (!ok) throw new KmsError('KMSInvalidSignatureException', '');
    return { KeyId: key.arn, SignatureValid: true, SigningAlgorithm: algorithm };
  },
};

// --- HMAC ------------------------------------------------------------------------------------------

function prepareMac(ctx: OperationContext, operation: 'GenerateMac' | 'VerifyMac', input: Input) {
  const key = ctx.key!;
  assertKeyState(operation, key);
  requireUsage(key, 'GENERATE_VERIFY_MAC', operation);
  const algorithm = input.MacAlgorithm as MacAlgorithm;
  if (`HMAC_${key.spec.slice('HMAC_'.length)}` !== algorithm.replace('HMAC_SHA_', 'HMAC_') || !MAC_HASH[algorithm]) {
    throw new KmsError('InvalidKeyUsageException', messages.algorithmIncompatible(algorithm, key.spec));
  }
  return { key, algorithm, message: copy(input.Message as Uint8Array) };
}

const macInput = (verify: boolean) => ({
  type: 'structure' as const,
  members: {
    Message: { shape: MessageBlob, required: true, doc: 'The message (up to 4,096 bytes).' },
    KeyId: members.keyId('HMAC KMS key.'),
    MacAlgorithm: { shape: MacAlgorithmShape, required: true, doc: 'HMAC algorithm matching the key spec.' },
    ...(verify ? { Mac: { shape: { type: 'blob', min: 1, max: 6144 } as const, required: true, doc: 'The MAC to check.' } } : {}),
    GrantTokens: members.grantTokens(),
    DryRun: members.dryRun(),
  },
});

export const generateMac: OperationDescription = {
  name: 'GenerateMac',
  doc: 'Computes an HMAC of a message with an HMAC KMS key.',
  input: macInput(false),
  output: {
    type: 'structure',
    members: {
      Mac: { shape: { type: 'blob', min: 1, max: 6144 }, doc: 'The HMAC.' },
      MacAlgorithm: { shape: MacAlgorithmShape, doc: 'Algorithm used.' },
      KeyId: members.keyArnOut(),
    },
  },
  action: 'kms:GenerateMac',
  quota: 'symmetric-crypto',
  readOnly: true,
  cryptographic: true,
  managementEvent: true,
  key: { member: 'KeyId', aliases: true },
  dryRun: true,
  async handler(ctx, input) {
    const { key, algorithm, message } = prepareMac(ctx, 'GenerateMac', input);
    const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key.hmacKey!, message));
    return { Mac: mac, MacAlgorithm: algorithm, KeyId: key.arn };
  },
};

export const verifyMac: OperationDescription = {
  name: 'VerifyMac',
  doc: 'Checks an HMAC. A wrong MAC is KMSInvalidMacException.',
  input: macInput(true),
  output: {
    type: 'structure',
    members: {
      KeyId: members.keyArnOut(),
      MacValid: { shape: { type: 'boolean' }, doc: 'Always true: an invalid MAC throws instead.' },
      MacAlgorithm: { shape: MacAlgorithmShape, doc: 'Algorithm used.' },
    },
  },
  action: 'kms:VerifyMac',
  quota: 'symmetric-crypto',
  readOnly: true,
  cryptographic: true,
  managementEvent: true,
  key: { member: 'KeyId', aliases: true },
  dryRun: true,
  async handler(ctx, input) {
    const { key, algorithm, message } = prepareMac(ctx, 'VerifyMac', input);
    // WebCrypto's HMAC verify compares in constant time.
    const ok = await crypto.subtle.verify('HMAC', key.hmacKey!, copy(input.Mac as Uint8Array), message);
    if (!ok) throw new KmsError('KMSInvalidMacException', '');
    return { KeyId: key.arn, MacValid: true, MacAlgorithm: algorithm };
  },
};

// --- GetPublicKey ----------------------------------------------------------------------------------

export const getPublicKey: OperationDescription = {
  name: 'GetPublicKey',
  doc: 'Returns the public key of an asymmetric KMS key as DER SubjectPublicKeyInfo.',
  input: {
    type: 'structure',
    members: { KeyId: members.keyId('Asymmetric KMS key.'), GrantTokens: members.grantTokens() },
  },
  output: {
    type: 'structure',
    members: {
      KeyId: members.keyArnOut(),
      PublicKey: { shape: { type: 'blob', min: 1, max: 8192 }, doc: 'DER-encoded SubjectPublicKeyInfo.' },
      CustomerMasterKeySpec: { shape: { type: 'string' }, doc: 'Deprecated twin of KeySpec.' },
      KeySpec: { shape: { type: 'string' }, doc: 'Type of the key.' },
      KeyUsage: { shape: { type: 'string' }, doc: 'ENCRYPT_DECRYPT or SIGN_VERIFY.' },
      EncryptionAlgorithms: { shape: { type: 'list', member: { type: 'string' } }, doc: 'For ENCRYPT_DECRYPT keys.' },
      SigningAlgorithms: { shape: { type: 'list', member: { type: 'string' } }, doc: 'For SIGN_VERIFY keys.' },
      KeyAgreementAlgorithms: { shape: { type: 'list', member: { type: 'string' } }, doc: 'For KEY_AGREEMENT keys.' },
    },
  },
  action: 'kms:GetPublicKey',
  quota: { operation: 'GetPublicKey' },
  readOnly: true,
  cryptographic: true,
  managementEvent: true,
  key: { member: 'KeyId', aliases: true },
  async handler(ctx) {
    const key = ctx.key!;
    assertKeyState('GetPublicKey', key);
    if (!key.asymmetric) {
      // AWS's message is not recorded; the exception is the modelled one.
      throw new KmsError('UnsupportedOperationException', `${key.arn} key spec ${key.spec} has no public key.`);
    }
    return {
      KeyId: key.arn,
      PublicKey: copy(key.asymmetric.publicKeySpki),
      CustomerMasterKeySpec: key.spec,
      KeySpec: key.spec,
      KeyUsage: key.usage,
      ...algorithmsFor(key.spec, key.usage),
    };
  },
};
