/**
 * The real AWS CLI v2 (Debian's `awscli`, /usr/bin/aws) against `kms:serve`: the tutorial's
 * encrypt → base64 --decode → decrypt pipeline gives the file back, and the main errors print the
 * CLI's own `An error occurred (X) when calling the Y operation: …` line with exit status 254.
 *
 * `aws` on PATH may be an old CLI v1 (it treats blobs differently), so /usr/bin/aws is called
 * explicitly. The CLI runs with dummy keys and empty config files in a temporary directory.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKmsServe, type RunningServe } from './support/kms-serve';

const AWS = '/usr/bin/aws';
const hasAws = existsSync(AWS);
if (!hasAws) console.warn(`SKIPPED aws-cli.test.ts: ${AWS} (AWS CLI v2) is missing; install it with: apt-get install -y awscli`);

const run = promisify(execFile);
const ALICE_KEY = 'AKIDALICEEXAMPLE';
const ALICE = 'arn:aws:iam::111122223333:user/alice';

describe.skipIf(!hasAws)('the real AWS CLI v2 against kms:serve', () => {
  let serve: RunningServe;
  let dir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kms-lab-cli-'));
    writeFileSync(join(dir, 'config'), '');
    writeFileSync(join(dir, 'credentials'), '');
    serve = await startKmsServe(['--principal', `${ALICE_KEY}=${ALICE}`]);
    env = {
      PATH: process.env.PATH,
      HOME: dir,
      AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      AWS_CONFIG_FILE: join(dir, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_PAGER: '',
      KMS_ENDPOINT: serve.url,
    };
  }, 60_000);

  afterAll(async () => {
    await serve?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Runs a bash script in which `aws` is the real CLI v2 pointed at kms:serve. */
  async function shell(script: string): Promise<{ code: number; stdout: string; stderr: string }> {
    const prelude = `set -o pipefail\naws() { ${AWS} --endpoint-url "$KMS_ENDPOINT" "$@"; }\n`;
    try {
      const { stdout, stderr } = await run('bash', ['-c', prelude + script], { cwd: dir, env, timeout: 50_000 });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  it("runs the tutorial's encrypt / base64 --decode / decrypt commands and gets the file back", async () => {
    const secret = 'The launch code is 0000. Do not tell anyone.\n';
    writeFileSync(join(dir, 'ExampleSecretFile.txt'), secret);
    const result = await shell(
      [
        'aws kms encrypt --key-id alias/tutorial --plaintext fileb://ExampleSecretFile.txt --output text --query CiphertextBlob --region eu-west-2 > ExampleSecretFileEncrypted.base64',
        'base64 --decode ExampleSecretFileEncrypted.base64 > ExampleSecretFileEncrypted',
        'aws kms decrypt --ciphertext-blob fileb://ExampleSecretFileEncrypted --output text --query Plaintext --region eu-west-2 | base64 --decode > ExampleSecretFileDecrypted.txt',
      ].join('\n'),
    );
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(join(dir, 'ExampleSecretFileDecrypted.txt'), 'utf8')).toBe(secret);
    const ciphertext = readFileSync(join(dir, 'ExampleSecretFileEncrypted'));
    expect(ciphertext.length).toBeGreaterThan(secret.length);
    expect(ciphertext.includes(Buffer.from('launch code'))).toBe(false);
  }, 60_000);

  it('describes the seeded key behind alias/tutorial as JSON', async () => {
    const result = await shell('aws kms describe-key --key-id alias/tutorial --region eu-west-2 --output json');
    expect(result.code).toBe(0);
    const { KeyMetadata } = JSON.parse(result.stdout);
    expect(KeyMetadata).toMatchObject({
      AWSAccountId: '111122223333',
      KeySpec: 'SYMMETRIC_DEFAULT',
      KeyUsage: 'ENCRYPT_DECRYPT',
      KeyState: 'Enabled',
      Enabled: true,
      Origin: 'AWS_KMS',
    });
    expect(KeyMetadata.Arn).toMatch(/^arn:aws:kms:eu-west-2:111122223333:key\/[0-9a-f-]{36}$/);
    expect(typeof KeyMetadata.CreationDate).toBe('string'); // the CLI prints epoch seconds as ISO 8601
  }, 60_000);

  it('pages through ListKeys with Limit / Marker / Truncated as the CLI expects', async () => {
    const made = await shell('for i in 1 2; do aws kms create-key --region eu-west-2 --query KeyMetadata.KeyId --output text; done');
    expect(made.stdout.trim().split('\n')).toHaveLength(2);
    const all = await shell('aws kms list-keys --region eu-west-2 --query "length(Keys)"');
    const paged = await shell('aws kms list-keys --region eu-west-2 --page-size 1 --query "length(Keys)"');
    const first = await shell('aws kms list-keys --region eu-west-2 --max-items 1 --output json');
    expect([all.code, paged.code, first.code]).toEqual([0, 0, 0]);
    expect(Number(paged.stdout)).toBe(Number(all.stdout));
    expect(Number(all.stdout)).toBeGreaterThanOrEqual(3);
    const page = JSON.parse(first.stdout) as { Keys: unknown[]; NextToken?: string };
    expect(page.Keys).toHaveLength(1);
    expect(page.NextToken).toBeTruthy(); // the CLI's token wrapping KMS's NextMarker
  }, 60_000);

  const cliError = (code: string, operation: string, message: string) =>
    `An error occurred (${code}) when calling the ${operation} operation: ${message}`;

  it('prints NotFoundException for an alias that does not exist, exit status 254', async () => {
    const result = await shell('aws kms encrypt --key-id alias/missing --plaintext fileb://ExampleSecretFile.txt --region eu-west-2');
    expect(result.code).toBe(254);
    expect(result.stderr.trim()).toBe(
      cliError('NotFoundException', 'Encrypt', 'Alias arn:aws:kms:eu-west-2:111122223333:alias/missing is not found.'),
    );
  }, 60_000);

  it('prints DisabledException for a disabled key, exit status 254', async () => {
    const result = await shell(
      [
        'KEY=$(aws kms create-key --region eu-west-2 --query KeyMetadata.Arn --output text)',
        'aws kms disable-key --key-id "$KEY" --region eu-west-2',
        'echo "$KEY"',
        'aws kms encrypt --key-id "$KEY" --plaintext fileb://ExampleSecretFile.txt --region eu-west-2',
      ].join('\n'),
    );
    const arn = result.stdout.trim();
    expect(arn).toMatch(/^arn:aws:kms:eu-west-2:111122223333:key\//);
    expect(result.code).toBe(254);
    expect(result.stderr.trim()).toBe(cliError('DisabledException', 'Encrypt', `${arn} is disabled.`));
  }, 60_000);

  it('prints InvalidCiphertextException when the base64 text itself is passed as fileb:// (the classic mistake)', async () => {
    const result = await shell('aws kms decrypt --ciphertext-blob fileb://ExampleSecretFileEncrypted.base64 --region eu-west-2');
    expect(result.code).toBe(254);
    expect(result.stderr.trim()).toBe(cliError('InvalidCiphertextException', 'Decrypt', '').trim());
  }, 60_000);

  it('prints AccessDeniedException for a principal the key policy denies (--principal maps access keys)', async () => {
    const policy = {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Root', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' },
        { Sid: 'NoAlice', Effect: 'Deny', Principal: { AWS: ALICE }, Action: 'kms:Encrypt', Resource: '*' },
      ],
    };
    writeFileSync(join(dir, 'policy.json'), JSON.stringify(policy));
    const result = await shell(
      [
        'KEY=$(aws kms create-key --region eu-west-2 --query KeyMetadata.Arn --output text)',
        'aws kms put-key-policy --key-id "$KEY" --policy-name default --policy file://policy.json --region eu-west-2',
        'echo "$KEY"',
        `AWS_ACCESS_KEY_ID=${ALICE_KEY} aws kms encrypt --key-id "$KEY" --plaintext fileb://ExampleSecretFile.txt --region eu-west-2`,
      ].join('\n'),
    );
    const arn = result.stdout.trim();
    expect(result.code).toBe(254);
    expect(result.stderr.trim()).toBe(
      cliError(
        'AccessDeniedException',
        'Encrypt',
        `User: ${ALICE} is not authorized to perform: kms:Encrypt on resource: ${arn} with an explicit deny in a resource-based policy`,
      ),
    );
  }, 60_000);

  it('prints ValidationException for more than 4,096 bytes of plaintext', async () => {
    writeFileSync(join(dir, 'TooBig.bin'), Buffer.alloc(4097, 0x41));
    const result = await shell('aws kms encrypt --key-id alias/tutorial --plaintext fileb://TooBig.bin --region eu-west-2');
    expect(result.code).toBe(254);
    expect(result.stderr.trim()).toBe(
      cliError(
        'ValidationException',
        'Encrypt',
        "1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must have length less than or equal to 4096",
      ),
    );
  }, 60_000);
});
