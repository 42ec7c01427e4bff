/**
 * The operations KMS performs on a key of another account (reference §2): the cryptographic
 * operations, CreateGrant, DescribeKey, GetKeyRotationStatus, GetPublicKey, ListGrants,
 * RetireGrant and RevokeGrant. Any other action on a foreign key fails even when both the key
 * policy and the caller's IAM policy allow it — a key is administered only from its own account.
 */
const CROSS_ACCOUNT_ACTIONS = new Set(
  [
    'Encrypt', 'Decrypt', 'ReEncryptFrom', 'ReEncryptTo', 'GenerateDataKey', 'GenerateDataKeyWithoutPlaintext',
    'GenerateDataKeyPair', 'GenerateDataKeyPairWithoutPlaintext', 'Sign', 'Verify', 'GenerateMac', 'VerifyMac',
    'DeriveSharedSecret', 'CreateGrant', 'DescribeKey', 'GetKeyRotationStatus', 'GetPublicKey', 'ListGrants',
    'RetireGrant', 'RevokeGrant',
  ].map((a) => `kms:${a}`.toLowerCase()),
);

/** Whether `action` (e.g. `kms:Decrypt`, any case) may be performed on another account's key. */
export function worksAcrossAccounts(action: string): boolean {
  return CROSS_ACCOUNT_ACTIONS.has(action.toLowerCase());
}
