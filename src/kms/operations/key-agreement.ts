import { copy } from '../crypto/bytes.ts';
import { KmsError, messages } from '../errors.ts';
import { assertKeyState } from '../keys/key-state-rules.ts';
import { enumOf, members } from './common-shapes.ts';
import { type OperationDescription, quotaByKeyType } from './description.ts';
import { requireUsage } from './shared-rules.ts';

/**
 * DeriveSharedSecret (reference §5, "beyond learner scope, recorded anyway"): ECDH between the KMS
 * key's private key and a peer's public key. WebCrypto's ECDH deriveBits returns the raw
 * x-coordinate, which is what KMS returns (recorded: equals OpenSSL's ECDH output).
 */
export const deriveSharedSecret: OperationDescription = {
  name: 'DeriveSharedSecret',
  doc: 'Derives a shared secret (ECDH) from a KEY_AGREEMENT KMS key and a peer public key.',
  input: {
    type: 'structure',
    members: {
      KeyId: members.keyId('NIST-curve KMS key with KeyUsage KEY_AGREEMENT.'),
      KeyAgreementAlgorithm: { shape: enumOf(['ECDH']), required: true, doc: 'Always ECDH.' },
      PublicKey: { shape: { type: 'blob', min: 1, max: 8192 }, required: true, doc: "Peer's public key, DER SubjectPublicKeyInfo." },
      GrantTokens: members.grantTokens(),
      DryRun: members.dryRun(),
      Recipient: {
        shape: { type: 'structure', members: { AttestationDocument: { shape: { type: 'blob', min: 1, max: 262144 }, doc: 'Nitro Enclave attestation document.' } } },
        doc: 'Nitro Enclave recipient (not simulated).',
      },
    },
  },
  output: {
    type: 'structure',
    members: {
      KeyId: members.keyArnOut(),
      SharedSecret: { shape: { type: 'blob', min: 1, max: 4096, sensitive: true }, doc: 'The raw shared secret (x-coordinate).' },
      CiphertextForRecipient: { shape: { type: 'blob', min: 1, max: 6144 }, doc: 'Nitro Enclave output (not simulated).' },
      KeyAgreementAlgorithm: { shape: enumOf(['ECDH']), doc: 'ECDH.' },
      KeyOrigin: { shape: { type: 'string' }, doc: 'Origin of the KMS key.' },
    },
  },
  action: 'kms:DeriveSharedSecret',
  quota: (key) => quotaByKeyType(key),
  readOnly: true,
  cryptographic: true,
  managementEvent: true,
  key: { member: 'KeyId', aliases: true },
  dryRun: true,
  async handler(ctx, input) {
    const key = ctx.key!;
    assertKeyState('DeriveSharedSecret', key);
    requireUsage(key, 'KEY_AGREEMENT', 'DeriveSharedSecret');
    if (input.Recipient !== undefined) throw new KmsError('UnsupportedOperationException', messages.notSimulated('Recipient (Nitro Enclaves attestation)'));
    const privateKey = key.asymmetric!.privateKeys.get('ECDH')!;
    const curve = (privateKey.algorithm as EcKeyAlgorithm).namedCurve;
    let peer: CryptoKey;
    try {
      peer = await crypto.subtle.importKey('spki', copy(input.PublicKey as Uint8Array), { name: 'ECDH', namedCurve: curve }, false, []);
    } catch {
      // Recorded: a garbage public key is a ValidationException with an empty message.
      throw new KmsError('ValidationException', '');
    }
    const secret = new Uint8Array(await crypto.subtle.deriveBits({ name: 'ECDH', public: peer }, privateKey, null));
    return { KeyId: key.arn, SharedSecret: secret, KeyAgreementAlgorithm: 'ECDH', KeyOrigin: key.origin };
  },
};
