import type { KmsKey } from '../keys/kms-key.ts';
import type { ContextValue } from './policy/types.ts';

/**
 * The condition keys a KMS request carries about its key and its parameters (reference §11.3):
 * what the key is (kms:KeySpec, kms:KeyUsage, kms:KeyOrigin, kms:MultiRegion, kms:ResourceAliases,
 * aws:ResourceTag/…), how it was named (kms:RequestAlias), and the request's own choices
 * (kms:EncryptionAlgorithm, kms:SigningAlgorithm, kms:GrantOperations, aws:RequestTag/… …) with
 * AWS's defaults where the request leaves a member out. Keys a request does not carry stay absent.
 * Not simulated: kms:ReEncryptOnSameKey (a condition on it sees the key as absent).
 */
export interface ConditionKeySource {
  /** e.g. `kms:Encrypt`. */
  action: string;
  /** The request members by their AWS names. */
  input: Readonly<Record<string, unknown>>;
  key?: KmsKey;
  /** The key reference as the request wrote it: an alias name or alias ARN becomes kms:RequestAlias. */
  keyRef?: string;
  /** Alias names of the key (`alias/…`). */
  aliases?: readonly string[];
}

type Tag = { TagKey: string; TagValue: string };

const SYMMETRIC_DEFAULT = 'SYMMETRIC_DEFAULT';

/** `alias/x` or `arn:aws:kms:…:alias/x` → `alias/x`. */
function requestAlias(ref: string | undefined): string | undefined {
  if (!ref) return undefined;
  if (ref.startsWith('alias/')) return ref;
  const arn = /^arn:aws[a-z-]*:kms:[^:]*:\d{12}:(alias\/.+)$/.exec(ref);
  return arn?.[1];
}

function requestTags(out: Record<string, ContextValue>, tags: unknown): void {
  if (!Array.isArray(tags)) return;
  for (const tag of tags as Tag[]) out[`aws:RequestTag/${tag.TagKey}`] = tag.TagValue;
  out['aws:TagKeys'] = (tags as Tag[]).map((t) => t.TagKey);
}

function aboutTheKey(out: Record<string, ContextValue>, { key, keyRef, aliases }: ConditionKeySource): void {
  if (!key) return;
  out['kms:KeySpec'] = key.spec;
  out['kms:KeyUsage'] = key.usage;
  out['kms:KeyOrigin'] = key.origin;
  // Multi-Region keys are not simulated: every key of KMS Lab is single-Region.
  out['kms:MultiRegion'] = false;
  if (aliases?.length) out['kms:ResourceAliases'] = [...aliases];
  for (const [tagKey, value] of key.tags) out[`aws:ResourceTag/${tagKey}`] = value;
  const alias = requestAlias(keyRef);
  if (alias) out['kms:RequestAlias'] = alias;
}

export function requestConditionKeys(source: ConditionKeySource): Record<string, ContextValue> {
  const out: Record<string, ContextValue> = {};
  aboutTheKey(out, source);
  const input = source.input;
  const set = (name: string, value: unknown) => {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out[name] = value;
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) out[name] = value as string[];
  };
  switch (source.action.replace(/^kms:/, '')) {
    case 'CreateKey':
      set('kms:KeySpec', input.KeySpec ?? input.CustomerMasterKeySpec ?? SYMMETRIC_DEFAULT);
      set('kms:KeyUsage', input.KeyUsage ?? 'ENCRYPT_DECRYPT');
      set('kms:KeyOrigin', input.Origin ?? 'AWS_KMS');
      set('kms:MultiRegion', input.MultiRegion ?? false);
      set('kms:BypassPolicyLockoutSafetyCheck', input.BypassPolicyLockoutSafetyCheck ?? false);
      requestTags(out, input.Tags);
      break;
    case 'PutKeyPolicy':
      set('kms:BypassPolicyLockoutSafetyCheck', input.BypassPolicyLockoutSafetyCheck ?? false);
      break;
    case 'Encrypt':
    case 'Decrypt':
      set('kms:EncryptionAlgorithm', input.EncryptionAlgorithm ?? SYMMETRIC_DEFAULT);
      break;
    case 'ReEncryptFrom':
      set('kms:EncryptionAlgorithm', input.SourceEncryptionAlgorithm ?? SYMMETRIC_DEFAULT);
      break;
    case 'ReEncryptTo':
      set('kms:EncryptionAlgorithm', input.DestinationEncryptionAlgorithm ?? SYMMETRIC_DEFAULT);
      break;
    case 'GenerateDataKey':
    case 'GenerateDataKeyWithoutPlaintext':
      set('kms:EncryptionAlgorithm', SYMMETRIC_DEFAULT);
      break;
    case 'GenerateDataKeyPair':
    case 'GenerateDataKeyPairWithoutPlaintext':
      set('kms:EncryptionAlgorithm', SYMMETRIC_DEFAULT);
      set('kms:DataKeyPairSpec', input.KeyPairSpec);
      break;
    case 'Sign':
    case 'Verify':
      set('kms:SigningAlgorithm', input.SigningAlgorithm);
      set('kms:MessageType', input.MessageType ?? 'RAW');
      break;
    case 'GenerateMac':
    case 'VerifyMac':
      set('kms:MacAlgorithm', input.MacAlgorithm);
      break;
    case 'CreateGrant': {
      set('kms:GrantOperations', input.Operations);
      set('kms:GranteePrincipal', input.GranteePrincipal);
      set('kms:RetiringPrincipal', input.RetiringPrincipal);
      const constraints = input.Constraints as Record<string, unknown> | undefined;
      const types = Object.keys(constraints ?? {}).filter((t) => t === 'EncryptionContextEquals' || t === 'EncryptionContextSubset');
      if (types.length) out['kms:GrantConstraintType'] = types.length === 1 ? types[0] : types;
      break;
    }
    case 'ScheduleKeyDeletion':
      set('kms:ScheduleKeyDeletionPendingWindowInDays', input.PendingWindowInDays ?? 30);
      break;
    case 'EnableKeyRotation':
      set('kms:RotationPeriodInDays', input.RotationPeriodInDays ?? 365);
      break;
    case 'GetParametersForImport':
      set('kms:WrappingAlgorithm', input.WrappingAlgorithm);
      set('kms:WrappingKeySpec', input.WrappingKeySpec);
      break;
    case 'ImportKeyMaterial':
      set('kms:ExpirationModel', input.ExpirationModel ?? 'KEY_MATERIAL_EXPIRES');
      if (input.ValidTo instanceof Date) out['kms:ValidTo'] = Math.floor(input.ValidTo.getTime() / 1000);
      break;
    case 'TagResource':
      requestTags(out, input.Tags);
      break;
    case 'UntagResource':
      set('aws:TagKeys', input.TagKeys);
      break;
  }
  return out;
}
