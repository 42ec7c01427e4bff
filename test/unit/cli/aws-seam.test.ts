/**
 * The seed's CLI workflow, end to end through the shell, with a test double registered as `aws`:
 * encrypt a file to base64 text, decode it to binary, decrypt that binary and decode the
 * plaintext — the learner gets the original file back. This proves the seam the real `aws`
 * command will use: argv, stdin bytes, environment and file system in; bytes and a status out.
 */
import { describe, expect, test } from 'vitest';
import { createShell } from '../../../src/cli/shell/index.ts';
import { createFakeAws, type FakeAwsCall } from './fake-aws.ts';

const SECRET = 'This is my secret: the launch code is 0000.\n';

function seedShell(calls: FakeAwsCall[] = []) {
  return createShell({ files: { 'ExampleSecretFile.txt': SECRET }, commands: [createFakeAws(calls)] });
}

describe("the seed's workflow", () => {
  test('encrypt → base64 --decode → decrypt | base64 --decode gives the original file back', async () => {
    const calls: FakeAwsCall[] = [];
    const shell = seedShell(calls);
    const encrypt = await shell.run(
      'aws kms encrypt --key-id alias/tutorial --plaintext fileb://ExampleSecretFile.txt --output text --query CiphertextBlob --region eu-west-2 > ExampleSecretFileEncrypted.base64',
    );
    expect(encrypt).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(calls[0].region).toBe('eu-west-2');
    expect(calls[0].argv).toEqual([
      'aws', 'kms', 'encrypt', '--key-id', 'alias/tutorial', '--plaintext', 'fileb://ExampleSecretFile.txt',
      '--output', 'text', '--query', 'CiphertextBlob', '--region', 'eu-west-2',
    ]);

    const decode = await shell.run('base64 --decode ExampleSecretFileEncrypted.base64 > ExampleSecretFileEncrypted');
    expect(decode).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(shell.fs.readFile('/home/learner/ExampleSecretFileEncrypted').length).toBe(8 + SECRET.length);

    const decrypt = await shell.run(
      'aws kms decrypt --ciphertext-blob fileb://ExampleSecretFileEncrypted --output text --query Plaintext | base64 --decode',
    );
    expect(decrypt).toEqual({ stdout: SECRET, stderr: '', exitCode: 0 });
  });

  test('the classic mistake — passing the base64 text as fileb:// — fails as the CLI does (254)', async () => {
    const shell = seedShell();
    await shell.run('aws kms encrypt --key-id alias/tutorial --plaintext fileb://ExampleSecretFile.txt --output text --query CiphertextBlob > enc.base64');
    const result = await shell.run('aws kms decrypt --ciphertext-blob fileb://enc.base64 --output text --query Plaintext');
    expect(result.exitCode).toBe(254);
    expect(result.stderr).toContain('(InvalidCiphertextException)');
    expect((await shell.run('echo $?')).stdout).toBe('254\n');
  });

  test('the base64 string can travel through a variable and $( … ) instead of a file', async () => {
    const shell = seedShell();
    await shell.run('CIPHERTEXT=$(aws kms encrypt --key-id alias/tutorial --plaintext fileb://ExampleSecretFile.txt --output text --query CiphertextBlob)');
    const result = await shell.run('aws kms decrypt --ciphertext-blob "$CIPHERTEXT" --output text --query Plaintext | base64 -d');
    expect(result.stdout).toBe(SECRET);
  });

  test('the region can come from the environment', async () => {
    const calls: FakeAwsCall[] = [];
    const shell = seedShell(calls);
    await shell.run('export AWS_DEFAULT_REGION=eu-west-2');
    await shell.run('aws kms encrypt --key-id k --plaintext fileb://ExampleSecretFile.txt > /dev/null');
    await shell.run('AWS_DEFAULT_REGION=us-east-1 aws kms encrypt --key-id k --plaintext fileb://ExampleSecretFile.txt > /dev/null');
    expect(calls.map((call) => call.region)).toEqual(['eu-west-2', 'us-east-1']);
  });

  test('registering after creation works too, and aws shows up in help', async () => {
    const shell = createShell({ files: { 'ExampleSecretFile.txt': SECRET } });
    expect((await shell.run('aws')).exitCode).toBe(127);
    shell.register(createFakeAws());
    expect((await shell.run('help')).stdout).toMatch(/^ {2}aws +AWS CLI v2/m);
    expect((await shell.run('aws kms encrypt --plaintext fileb://ExampleSecretFile.txt --query CiphertextBlob')).exitCode).toBe(0);
  });
});

describe('completion through the seam', () => {
  test("the command's completer offers its words and fileb:// paths", async () => {
    const shell = seedShell();
    expect(await shell.complete('aws k')).toEqual({ replaceFrom: 4, candidates: ['kms'] });
    expect(await shell.complete('aws kms en')).toEqual({ replaceFrom: 8, candidates: ['encrypt'] });
    expect(await shell.complete('aws kms encrypt --pl')).toEqual({ replaceFrom: 16, candidates: ['--plaintext'] });
    expect(await shell.complete('aws kms encrypt --plaintext fileb://Ex')).toEqual({
      replaceFrom: 28,
      candidates: ['fileb://ExampleSecretFile.txt'],
    });
  });

  test('without an answer from the command, file names are completed', async () => {
    const shell = seedShell();
    expect((await shell.complete('aws kms encrypt --key-id alias/x Ex')).candidates).toEqual(['ExampleSecretFile.txt']);
  });
});
