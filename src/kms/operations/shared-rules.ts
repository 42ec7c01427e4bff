import { KmsError, messages } from '../errors.ts';
import type { KmsKey } from '../keys/kms-key.ts';
import { SPECS } from '../keys/key-specs.ts';
import type { Output } from './description.ts';

/** Wrong KeyUsage for the operation (reference §15 InvalidKeyUsageException). */
export function requireUsage(key: KmsKey, usage: KmsKey['usage'], operation: string): void {
  if (key.usage !== usage) throw new KmsError('InvalidKeyUsageException', messages.keyUsageInvalid(key.arn, key.usage, operation));
}

/**
 * Operations that need a symmetric encryption key (GenerateDataKey*, …). An RSA ENCRYPT_DECRYPT key
 * answers like Encrypt without EncryptionAlgorithm does (recorded: "Algorithm SYMMETRIC_DEFAULT is
 * incompatible with key spec RSA_4096.").
 */
export function requireSymmetricEncryptionKey(key: KmsKey, operation: string): void {
  requireUsage(key, 'ENCRYPT_DECRYPT', operation);
  if (SPECS[key.spec].family !== 'symmetric') {
    throw new KmsError('InvalidKeyUsageException', messages.algorithmIncompatible('SYMMETRIC_DEFAULT', key.spec));
  }
}

/** EncryptionContext is for symmetric keys only (reference §8). The exact AWS text is not recorded. */
export function refuseContextForAsymmetric(context: unknown): void {
  if (context && Object.keys(context).length > 0) {
    throw new KmsError('ValidationException', 'EncryptionContext is only supported with symmetric encryption KMS keys.');
  }
}

const MARKER_PREFIX = 'kms-lab-page:';

/**
 * Limit/Marker/Truncated paging as KMS does it: `NextMarker` only while `Truncated` is true. The
 * marker is opaque to callers; a marker KMS did not hand out is InvalidMarkerException.
 */
export function page<T>(items: T[], limit: number | undefined, marker: string | undefined, defaultLimit: number) {
  let start = 0;
  if (marker !== undefined) {
    const offset = marker.startsWith(MARKER_PREFIX) ? Number(marker.slice(MARKER_PREFIX.length)) : NaN;
    if (!Number.isInteger(offset) || offset < 0 || offset > items.length) throw new KmsError('InvalidMarkerException', '');
    start = offset;
  }
  const end = start + (limit ?? defaultLimit);
  const truncated = end < items.length;
  const extra: Output = truncated ? { NextMarker: `${MARKER_PREFIX}${end}`, Truncated: true } : { Truncated: false };
  return { items: items.slice(start, end), extra };
}

/** Tag rules shared by CreateKey and TagResource (reference §5 TagResource, recorded messages). */
export function checkTags(tags: { TagKey: string; TagValue: string }[], existing: Map<string, string>, max: number): void {
  const keys = tags.map((t) => t.TagKey);
  if (new Set(keys).size !== keys.length) throw new KmsError('TagException', 'Duplicate tag keys');
  if (keys.some((k) => k.toLowerCase().startsWith('aws:'))) throw new KmsError('TagException', 'Tags beginning with aws: are reserved');
  const total = new Set([...existing.keys(), ...keys]).size;
  if (total > max) throw new KmsError('TagException', 'Too many tags');
}
