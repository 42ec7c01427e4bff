/**
 * The public entry point: `createShell({ kms, files })` from the CLI barrel has the real
 * `aws` command over that KMS, acting as the account's root unless a `caller` says otherwise.
 */
import { describe, expect, test } from 'vitest';
import { createKms } from '../../../src/kms/index.ts';
import { seedWorld } from '../../../src/kms/node/seed-world.ts';
import { createShell, type ShellCommand } from '../../../src/cli/index.ts';

const SECRET = 'the launch code is 0000\n';
const ENCRYPT = 'aws kms encrypt --key-id alias/tutorial --plaintext fileb://secret.txt --output text --query CiphertextBlob | base64 --decode > secret.enc';
const DECRYPT = 'aws kms decrypt --ciphertext-blob fileb://secret.enc --output text --query Plaintext | base64 --decode';

async function seededKms() {
  const kms = createKms();
  await seedWorld(kms, 'eu-west-2');
  return kms;
}

describe('createShell({ kms })', () => {
  test("runs the seed's encrypt and decrypt lines and gives the original file back", async () => {
    const kms = await seededKms();
    const shell = createShell({ kms, files: { 'secret.txt': SECRET } });
    expect(await shell.run(ENCRYPT)).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(shell.fs.readFile('/home/learner/secret.enc').length).toBeGreaterThan(SECRET.length);
    expect(await shell.run(DECRYPT)).toEqual({ stdout: SECRET, stderr: '', exitCode: 0 });
    expect(kms.audit.events.at(-1)!.userIdentity).toMatchObject({ arn: `arn:aws:iam::${kms.accountId}:root` });
  });

  test('acts as the caller it is given, asked again on every call', async () => {
    const kms = await seededKms();
    let arn = `arn:aws:iam::${kms.accountId}:user/alice`;
    const shell = createShell({ kms, caller: () => ({ arn }) });
    await shell.run('aws kms list-keys');
    expect(kms.audit.events.at(-1)!.userIdentity).toMatchObject({ arn: `arn:aws:iam::${kms.accountId}:user/alice` });
    arn = `arn:aws:iam::${kms.accountId}:user/bob`;
    await shell.run('aws kms list-keys');
    expect(kms.audit.events.at(-1)!.userIdentity).toMatchObject({ arn: `arn:aws:iam::${kms.accountId}:user/bob` });
  });

  test('uses the region it is given when the line and the environment name none', async () => {
    const kms = await seededKms();
    const shell = createShell({ kms, region: 'us-east-1' });
    const result = await shell.run('aws kms describe-key --key-id alias/tutorial');
    // alias/tutorial lives in eu-west-2: another region's KMS does not know it.
    expect(result.exitCode).toBe(254);
    expect(result.stderr).toContain('arn:aws:kms:us-east-1:');
  });

  test('lists aws in help and completes its operations', async () => {
    const shell = createShell({ kms: await seededKms() });
    expect((await shell.run('help')).stdout).toMatch(/^ {2}aws {2,}the AWS CLI v2 for KMS/m);
    expect((await shell.complete('aws kms encr')).candidates).toEqual(['encrypt']);
  });

  test('has no aws without a KMS, and an aws in `commands` replaces the one from `kms`', async () => {
    expect((await createShell().run('aws kms list-keys')).exitCode).toBe(127);
    const double: ShellCommand = { name: 'aws', summary: 'a double', run: (ctx) => (ctx.stdout.write('double\n'), 0) };
    const shell = createShell({ kms: await seededKms(), commands: [double] });
    expect(await shell.run('aws kms list-keys')).toEqual({ stdout: 'double\n', stderr: '', exitCode: 0 });
  });
});
