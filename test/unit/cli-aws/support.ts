/** A terminal with `aws` over a fresh simulated KMS seeded as kms:serve seeds it (alias/tutorial). */
import { createKms, type KmsCaller } from '../../../src/kms/index.ts';
import { seedWorld } from '../../../src/kms/node/seed-world.ts';
import { createShell } from '../../../src/cli/shell/index.ts';
import { createAwsCommand } from '../../../src/cli/aws/index.ts';

export async function awsTerminal(files: Record<string, string> = {}, caller?: () => KmsCaller) {
  const kms = createKms();
  const seeded = await seedWorld(kms, 'eu-west-2');
  const shell = createShell({ files, commands: [createAwsCommand({ kms, caller })] });
  return { kms, shell, ...seeded };
}
