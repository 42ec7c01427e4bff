import { describe, expect, it } from 'vitest';
import { KEY_STATE_TABLE } from '../../../src/kms/index.ts';
import { assembleBlob, encodeBlobHeader } from '../../../src/kms/crypto/ciphertext-blob.ts';
import { defaultKeyPolicy } from '../../../src/kms/keys/default-policy.ts';
import { ACCOUNT, type Call, failure, newKey, testKms, text } from './fixtures.ts';

/**
 * The reference's key-state table (§7), operation by operation: in Disabled, PendingDeletion and
 * PendingImport, each operation either fails with the table's exception and message, or gets past
 * the state check (it may still fail later for another reason, never for the key's state).
 */
type State = 'Disabled' | 'PendingDeletion' | 'PendingImport';
type KeyKind = 'symmetric' | 'ecc' | 'hmac' | 'ecdh';

const KIND: Record<string, KeyKind> = { Sign: 'ecc', Verify: 'ecc', GetPublicKey: 'ecc', GenerateMac: 'hmac', VerifyMac: 'hmac', DeriveSharedSecret: 'ecdh' };

async function keyIn(call: Call, state: State, kind: KeyKind) {
  const create = kind === 'ecc' ? { KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' }
    : kind === 'hmac' ? { KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' }
    : kind === 'ecdh' ? { KeySpec: 'ECC_NIST_P256', KeyUsage: 'KEY_AGREEMENT' }
    : state === 'PendingImport' ? { Origin: 'EXTERNAL' } : {};
  const key = await newKey(call, create);
  // A blob naming this key, made before the state change (or built by hand for a key without material).
  const blob = kind === 'symmetric' && state !== 'PendingImport'
    ? (await call('Encrypt', { KeyId: key.KeyId, Plaintext: text('x') })).CiphertextBlob as Uint8Array
    : assembleBlob(encodeBlobHeader({ keyId: key.KeyId, materialId: 'ab'.repeat(32), iv: new Uint8Array(12) }), new Uint8Array(20));
  const other = await newKey(call);
  await call('CreateAlias', { AliasName: `alias/to-${key.KeyId}`, TargetKeyId: key.KeyId });
  await call('CreateAlias', { AliasName: `alias/other-${key.KeyId}`, TargetKeyId: other.KeyId });
  // CreateGrant itself is refused in PendingImport: such a key has no grant to retire or revoke.
  const grant = state === 'PendingImport'
    ? { GrantId: '0'.repeat(64) }
    : await call('CreateGrant', { KeyId: key.KeyId, GranteePrincipal: `arn:aws:iam::${ACCOUNT}:role/r`, Operations: ['DescribeKey'] });
  if (state === 'Disabled') await call('DisableKey', { KeyId: key.KeyId });
  if (state === 'PendingDeletion') await call('ScheduleKeyDeletion', { KeyId: key.KeyId });
  return { key, blob, other, grantId: grant.GrantId as string };
}

function inputFor(op: string, k: Awaited<ReturnType<typeof keyIn>>): Record<string, unknown> {
  const KeyId = k.key.KeyId;
  switch (op) {
    case 'Encrypt': return { KeyId, Plaintext: text('x') };
    case 'Decrypt': return { CiphertextBlob: k.blob };
    case 'ReEncrypt': return { CiphertextBlob: k.blob, DestinationKeyId: k.other.KeyId };
    case 'GenerateDataKey': case 'GenerateDataKeyWithoutPlaintext': return { KeyId, KeySpec: 'AES_256' };
    case 'GenerateDataKeyPair': case 'GenerateDataKeyPairWithoutPlaintext': return { KeyId, KeyPairSpec: 'ECC_NIST_P256' };
    case 'Sign': return { KeyId, Message: text('m'), SigningAlgorithm: 'ECDSA_SHA_256' };
    case 'Verify': return { KeyId, Message: text('m'), Signature: new Uint8Array(70), SigningAlgorithm: 'ECDSA_SHA_256' };
    case 'GenerateMac': return { KeyId, Message: text('m'), MacAlgorithm: 'HMAC_SHA_256' };
    case 'DeriveSharedSecret': return { KeyId, KeyAgreementAlgorithm: 'ECDH', PublicKey: new Uint8Array(91) };
    case 'VerifyMac': return { KeyId, Message: text('m'), Mac: new Uint8Array(32), MacAlgorithm: 'HMAC_SHA_256' };
    case 'CreateGrant': return { KeyId, GranteePrincipal: `arn:aws:iam::${ACCOUNT}:role/x`, Operations: ['DescribeKey'] };
    case 'CreateAlias': return { AliasName: `alias/new-${KeyId}`, TargetKeyId: KeyId };
    case 'UpdateAlias': return { AliasName: `alias/other-${KeyId}`, TargetKeyId: KeyId };
    case 'DeleteAlias': return { AliasName: `alias/to-${KeyId}` };
    case 'ListAliases': return { KeyId };
    case 'PutKeyPolicy': return { KeyId, Policy: defaultKeyPolicy(ACCOUNT) };
    case 'RetireGrant': case 'RevokeGrant': return { KeyId, GrantId: k.grantId };
    case 'GetParametersForImport': return { KeyId, WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_2048' };
    case 'ImportKeyMaterial': return { KeyId, ImportToken: text('t'), EncryptedKeyMaterial: new Uint8Array(256), ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' };
    case 'ScheduleKeyDeletion': return { KeyId, PendingWindowInDays: 7 };
    case 'TagResource': return { KeyId, Tags: [{ TagKey: 'k', TagValue: 'v' }] };
    case 'UntagResource': return { KeyId, TagKeys: ['k'] };
    case 'UpdateKeyDescription': return { KeyId, Description: 'd' };
    default: return { KeyId };
  }
}

const STATE_WORDS = / is (disabled|pending deletion|pending import|not pending deletion)\.$/;
const cases = Object.keys(KEY_STATE_TABLE).flatMap((op) =>
  (['Disabled', 'PendingDeletion', 'PendingImport'] as const)
    // Asymmetric and HMAC keys are never PendingImport in KMS Lab (the table's "n/a").
    .filter((state) => !(state === 'PendingImport' && KIND[op]))
    .map((state) => [op, state] as const),
);

describe('key-state table, every operation in every state', () => {
  it.each(cases)('%s in %s', async (op, state) => {
    const { call } = testKms();
    const k = await keyIn(call, state, KIND[op] ?? 'symmetric');
    const refusal = KEY_STATE_TABLE[op][state];
    const attempt = call(op, inputFor(op, k));
    if (refusal) {
      const error = await failure(attempt);
      const expected = refusal({ arn: k.key.Arn, origin: k.key.Origin } as never);
      expect([error.code, error.message]).toEqual([expected.code, expected.message]);
    } else {
      try {
        await attempt;
      } catch (error) {
        expect((error as Error).message).not.toMatch(STATE_WORDS);
      }
    }
  });

  it('covers every operation that names a key', () => {
    expect(cases.length).toBeGreaterThan(100);
  });
});
