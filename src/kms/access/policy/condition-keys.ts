/**
 * The condition keys the engine knows (reference §11.3 and the global keys learners meet).
 * A key outside this list is evaluated only when the request context supplies it; otherwise it is
 * reported "not evaluated" rather than guessed missing.
 */
const KMS_KEYS = [
  'BypassPolicyLockoutSafetyCheck', 'CallerAccount', 'CustomerMasterKeySpec', 'CustomerMasterKeyUsage',
  'DataKeyPairSpec', 'EncryptionAlgorithm', 'EncryptionContextKeys', 'ExpirationModel', 'GrantConstraintType',
  'GrantIsForAWSResource', 'GrantOperations', 'GranteePrincipal', 'KeyOrigin', 'KeySpec', 'KeyUsage', 'MacAlgorithm',
  'MessageType', 'MultiRegion', 'MultiRegionKeyType', 'PrimaryRegion', 'ReEncryptOnSameKey', 'RequestAlias',
  'ResourceAliases', 'ReplicaRegion', 'RetiringPrincipal', 'SigningAlgorithm', 'ValidTo', 'ViaService',
  'WrappingAlgorithm', 'WrappingKeySpec', 'RotationPeriodInDays', 'ScheduleKeyDeletionPendingWindowInDays',
].map((k) => `kms:${k}`.toLowerCase());

const GLOBAL_KEYS = [
  'PrincipalArn', 'PrincipalAccount', 'PrincipalOrgID', 'PrincipalType', 'PrincipalIsAWSService', 'PrincipalServiceName',
  'SourceIp', 'SourceVpc', 'SourceVpce', 'SourceAccount', 'SourceArn', 'username', 'userid', 'CurrentTime', 'EpochTime',
  'SecureTransport', 'TagKeys', 'ViaAWSService', 'CalledVia', 'MultiFactorAuthPresent', 'RequestedRegion',
].map((k) => `aws:${k}`.toLowerCase());

const KNOWN = new Set([...KMS_KEYS, ...GLOBAL_KEYS]);
const KNOWN_PREFIXES = ['kms:encryptioncontext:', 'aws:principaltag/', 'aws:requesttag/', 'aws:resourcetag/'];

/**
 * Keys every real request carries. The pure evaluator has no clock or transport, so when the
 * context omits them a condition on them is "not evaluated" — absent would be a false answer.
 */
const ALWAYS_PRESENT = new Set(['aws:currenttime', 'aws:epochtime', 'aws:securetransport']);

export function isKnownConditionKey(key: string): boolean {
  const lower = key.toLowerCase();
  return KNOWN.has(lower) || KNOWN_PREFIXES.some((p) => lower.startsWith(p) && lower.length > p.length);
}

export function isAlwaysPresentKey(key: string): boolean {
  return ALWAYS_PRESENT.has(key.toLowerCase());
}
