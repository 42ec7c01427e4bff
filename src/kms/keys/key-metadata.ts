import { algorithmsFor } from './key-specs.ts';
import type { KmsKey } from './kms-key.ts';

/**
 * KeyMetadata exactly as CreateKey/DescribeKey return it (reference §4): members in botocore's order,
 * conditional members only when AWS sends them. Dates are JS Dates (the wire layer writes epoch seconds).
 */
export function keyMetadata(key: KmsKey): Record<string, unknown> {
  const current = key.backing.find((b) => b.materialId === key.currentMaterialId);
  const meta: Record<string, unknown> = {
    AWSAccountId: key.accountId,
    KeyId: key.id,
    Arn: key.arn,
    CreationDate: new Date(key.createdAt),
    Enabled: key.state === 'Enabled',
    Description: key.description,
    KeyUsage: key.usage,
    KeyState: key.state,
  };
  if (key.state === 'PendingDeletion' && key.deletionDate !== undefined) meta.DeletionDate = new Date(key.deletionDate);
  if (current?.imported?.validTo !== undefined && current.imported.expirationModel === 'KEY_MATERIAL_EXPIRES') {
    meta.ValidTo = new Date(current.imported.validTo);
  }
  meta.Origin = key.origin;
  if (key.origin === 'EXTERNAL' && current?.imported) meta.ExpirationModel = current.imported.expirationModel;
  meta.KeyManager = key.manager;
  meta.CustomerMasterKeySpec = key.spec; // deprecated twin, still returned with the same value
  meta.KeySpec = key.spec;
  const { MacAlgorithms, ...otherAlgorithms } = algorithmsFor(key.spec, key.usage);
  Object.assign(meta, otherAlgorithms);
  meta.MultiRegion = false;
  if (MacAlgorithms) meta.MacAlgorithms = MacAlgorithms;
  if (key.spec === 'SYMMETRIC_DEFAULT' && key.usage === 'ENCRYPT_DECRYPT' && current) meta.CurrentKeyMaterialId = current.materialId;
  return meta;
}
