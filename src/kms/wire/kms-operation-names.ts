/**
 * Every operation of the KMS API (botocore model kms-2014-11-01, as shipped with
 * @aws-sdk/client-kms 3.1164.0). A target named here that the engine does not describe is a real
 * KMS operation that KMS Lab does not simulate: it answers UnsupportedOperationException saying so,
 * never UnknownOperationException, which would claim that AWS has no such operation.
 */
export const KMS_OPERATION_NAMES: ReadonlySet<string> = new Set([
  'CancelKeyDeletion', 'ConnectCustomKeyStore', 'CreateAlias', 'CreateCustomKeyStore', 'CreateGrant', 'CreateKey',
  'Decapsulate', 'Decrypt', 'DeleteAlias', 'DeleteCustomKeyStore', 'DeleteImportedKeyMaterial', 'DeriveSharedSecret',
  'DescribeCustomKeyStores', 'DescribeKey', 'DisableKey', 'DisableKeyRotation', 'DisconnectCustomKeyStore',
  'EnableKey', 'EnableKeyRotation', 'Encapsulate', 'Encrypt', 'GenerateDataKey', 'GenerateDataKeyPair',
  'GenerateDataKeyPairWithoutPlaintext', 'GenerateDataKeyWithoutPlaintext', 'GenerateMac', 'GenerateRandom',
  'GetKeyLastUsage', 'GetKeyPolicy', 'GetKeyRotationStatus', 'GetParametersForImport', 'GetPublicKey',
  'ImportKeyMaterial', 'ListAliases', 'ListGrants', 'ListKeyPolicies', 'ListKeyRotations', 'ListKeys',
  'ListResourceTags', 'ListRetirableGrants', 'PutKeyPolicy', 'ReEncrypt', 'ReplicateKey', 'RetireGrant',
  'RevokeGrant', 'RotateKeyOnDemand', 'ScheduleKeyDeletion', 'Sign', 'TagResource', 'UntagResource', 'UpdateAlias',
  'UpdateCustomKeyStore', 'UpdateKeyDescription', 'UpdatePrimaryRegion', 'Verify', 'VerifyMac',
]);

/** The JSON 1.1 target prefix of KMS (botocore metadata `targetPrefix`). */
export const TARGET_PREFIX = 'TrentService';
export const CONTENT_TYPE = 'application/x-amz-json-1.1';
