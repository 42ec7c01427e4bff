/**
 * What a fresh sandbox starts with, so the tutorial's commands work at once (as with
 * `npm run kms:serve`): `alias/tutorial` on a symmetric encryption key of Example Corp, created by
 * the account's root user through CreateKey and CreateAlias (so the audit log shows it), and a small
 * file in the home directory to encrypt:
 *
 *   aws kms encrypt --key-id alias/tutorial --plaintext fileb://secret.txt --output text \
 *       --query CiphertextBlob | base64 --decode > secret.enc
 *   aws kms decrypt --ciphertext-blob fileb://secret.enc --output text --query Plaintext | base64 --decode
 */
import type { Kms } from '../../kms/index.ts';
import { rootArn, type World } from '../../sim/world/index.ts';

export const TUTORIAL_ALIAS = 'alias/tutorial';

export const SEED_FILES: Readonly<Record<string, string>> = {
  'secret.txt': 'The database password is correct-horse-battery-staple.\n',
};

export async function seedKms(kms: Kms, world: World, region: string): Promise<void> {
  const context = { caller: world.caller(rootArn(kms.accountId)), region, userAgent: 'kms-lab/sandbox-seed' };
  const created = await kms.call('CreateKey', { Description: 'KMS Lab tutorial key (seeded by the sandbox)' }, context);
  const { KeyId } = created.KeyMetadata as { KeyId: string };
  await kms.call('CreateAlias', { AliasName: TUTORIAL_ALIAS, TargetKeyId: KeyId }, context);
}
