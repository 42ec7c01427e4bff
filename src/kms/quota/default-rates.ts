import type { QuotaFamily } from '../operations/shape.ts';

/**
 * AWS's default request quotas, requests per second per account per Region (reference §12.1).
 * Where the reference lists an older and a current value, the CURRENT one is used:
 * symmetric 10,000 (was 5,500), 20,000 in six Regions (was 10,000); RSA 1,000 (was 500);
 * ECC 1,000 (was 300).
 */
const SYMMETRIC_DEFAULT = 10_000;
const SYMMETRIC_BY_REGION: Record<string, number> = {
  'us-east-2': 20_000, 'ap-southeast-1': 20_000, 'ap-southeast-2': 20_000, 'ap-northeast-1': 20_000,
  'eu-central-1': 20_000, 'eu-west-2': 20_000,
  // The top tier's current value is not captured in the reference ("expected ≥ 50,000"); 50,000 is
  // the last recorded value for these three Regions.
  'us-east-1': 50_000, 'us-west-2': 50_000, 'eu-west-1': 50_000,
};

/** GenerateDataKeyPair(+WithoutPlaintext) have their own quota per key pair spec. */
export const DATA_KEY_PAIR_RATES: Record<string, number> = {
  RSA_2048: 1, RSA_3072: 0.5, RSA_4096: 0.1, ECC_NIST_P256: 25, ECC_NIST_P384: 10, ECC_NIST_P521: 5, ECC_SECG_P256K1: 25, SM2: 25,
};

/** Per-operation management quotas (reference §12.1 table). */
export const OPERATION_RATES: Record<string, number> = {
  CancelKeyDeletion: 5, CreateAlias: 5, CreateGrant: 50, CreateKey: 5, DeleteAlias: 15, DeleteImportedKeyMaterial: 5,
  DescribeKey: 2000, DisableKey: 5, DisableKeyRotation: 5, EnableKey: 5, EnableKeyRotation: 15, GetKeyPolicy: 1000,
  GetKeyRotationStatus: 1000, GetParametersForImport: 0.25, GetPublicKey: 2000, ImportKeyMaterial: 5, ListAliases: 500,
  ListGrants: 100, ListKeyPolicies: 100, ListKeys: 500, ListResourceTags: 2000, ListRetirableGrants: 100, PutKeyPolicy: 15,
  RetireGrant: 30, RevokeGrant: 30, ScheduleKeyDeletion: 15, TagResource: 10, UntagResource: 5, UpdateAlias: 5,
  UpdateKeyDescription: 5,
  // Not in the reference's table; KMS Lab gives them the 5/s of the other key-management writes…
  RotateKeyOnDemand: 5,
  // …and the 100/s of the other List* operations.
  ListKeyRotations: 100,
};

/** The bucket name for a quota family: 'symmetric-crypto', 'operation:CreateKey', 'data-key-pair:RSA_2048'. */
export function bucketName(family: QuotaFamily | string): string {
  return typeof family === 'string' ? family : `operation:${family.operation}`;
}

export function defaultRate(bucket: string, region: string): number {
  if (bucket === 'symmetric-crypto') return SYMMETRIC_BY_REGION[region] ?? SYMMETRIC_DEFAULT;
  if (bucket === 'rsa-crypto' || bucket === 'ecc-crypto') return 1_000;
  if (bucket.startsWith('data-key-pair:')) return DATA_KEY_PAIR_RATES[bucket.slice('data-key-pair:'.length)] ?? 1;
  if (bucket.startsWith('operation:')) return OPERATION_RATES[bucket.slice('operation:'.length)] ?? 5;
  return SYMMETRIC_DEFAULT;
}
