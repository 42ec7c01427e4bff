/**
 * The world `kms:serve` starts with, so that the tutorial's commands work out of the box:
 *   alias/tutorial → a symmetric encryption key (SYMMETRIC_DEFAULT, ENCRYPT_DECRYPT, Enabled),
 * owned by account 111122223333 in the served region, with the default key policy.
 * Created through the engine's own CreateKey/CreateAlias, so it is audited like any other call.
 */
import type { Kms, KmsCaller } from '../index';

export const TUTORIAL_ALIAS = 'alias/tutorial';

export async function seedWorld(kms: Kms, region: string): Promise<{ keyId: string; keyArn: string }> {
  const caller: KmsCaller = { arn: `arn:aws:iam::${kms.accountId}:root`, accountId: kms.accountId };
  const context = { caller, region, userAgent: 'kms-lab/seed' };
  const created = await kms.call('CreateKey', { Description: 'KMS Lab tutorial key (seeded by kms:serve)' }, context);
  const metadata = created.KeyMetadata as { KeyId: string; Arn: string };
  await kms.call('CreateAlias', { AliasName: TUTORIAL_ALIAS, TargetKeyId: metadata.KeyId }, context);
  return { keyId: metadata.KeyId, keyArn: metadata.Arn };
}
