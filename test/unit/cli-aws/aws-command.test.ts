import { describe, expect, test } from 'vitest';
import { awsTerminal } from './support.ts';
import { KMS_COMMANDS, kebabCase } from '../../../src/cli/aws/index.ts';
import { operations } from '../../../src/kms/index.ts';

const USAGE =
  '\nusage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\nTo see help text, you can run:\n\n' +
  '  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n\n';

describe('commands and flags come from the operation registry', () => {
  test('PascalCase → kebab-case as botocore xform_name does', () => {
    expect(kebabCase('GenerateDataKeyPairWithoutPlaintext')).toBe('generate-data-key-pair-without-plaintext');
    expect(kebabCase('AWSAccountId')).toBe('aws-account-id');
    expect(kebabCase('BypassPolicyLockoutSafetyCheck')).toBe('bypass-policy-lockout-safety-check');
    expect(kebabCase('KeyARNs')).toBe('key-arns');
  });

  test('one command per operation, one flag per input member', () => {
    expect(KMS_COMMANDS.size).toBe(Object.keys(operations).length);
    const encrypt = KMS_COMMANDS.get('encrypt')!;
    expect(encrypt.arguments.map((a) => a.flag)).toEqual(
      Object.keys(operations.Encrypt.input.members).map((m) => `--${kebabCase(m)}`),
    );
    expect(encrypt.arguments.find((a) => a.flag === '--key-id')?.required).toBe(true);
    expect(KMS_COMMANDS.get('list-keys')?.pagination).toEqual({ resultKey: 'Keys' });
  });
});

describe('aws kms encrypt / decrypt', () => {
  test("the seed's pipeline gives the file back", async () => {
    const { shell } = await awsTerminal({ 'secret.txt': 'launch code 0000\n' });
    const encrypt = await shell.run(
      'aws kms encrypt --key-id alias/tutorial --plaintext fileb://secret.txt --output text --query CiphertextBlob --region eu-west-2 > enc.b64',
    );
    expect(encrypt).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    await shell.run('base64 --decode enc.b64 > enc.bin');
    const decrypt = await shell.run('aws kms decrypt --ciphertext-blob fileb://enc.bin --output text --query Plaintext | base64 --decode');
    expect(decrypt).toEqual({ stdout: 'launch code 0000\n', stderr: '', exitCode: 0 });
  });

  test('a bare blob value is base64 (CLI v2); raw-in-base64-out takes the text itself', async () => {
    const { shell } = await awsTerminal();
    const viaBase64 = await shell.run('aws kms encrypt --key-id alias/tutorial --plaintext aGVsbG8= --query CiphertextBlob --output text > a.b64');
    expect(viaBase64.exitCode).toBe(0);
    const raw = await shell.run(
      'aws kms encrypt --key-id alias/tutorial --plaintext hello --cli-binary-format raw-in-base64-out --query CiphertextBlob --output text > b.b64',
    );
    expect(raw.exitCode).toBe(0);
    for (const file of ['a.b64', 'b.b64']) {
      const out = await shell.run(`aws kms decrypt --ciphertext-blob file://${file} --query Plaintext --output text`);
      expect(out.stdout).toBe('aGVsbG8=\n');
    }
  });

  test('invalid base64 is refused before any call, exit 255', async () => {
    const { shell } = await awsTerminal();
    expect(await shell.run('aws kms encrypt --key-id alias/nope --plaintext hello')).toEqual({
      stdout: '',
      stderr: '\nInvalid base64: "hello"\n',
      exitCode: 255,
    });
  });

  test('encryption context in shorthand and in JSON are the same context', async () => {
    const { shell } = await awsTerminal();
    await shell.run(
      'aws kms encrypt --key-id alias/tutorial --plaintext aGk= --encryption-context Dept=IT,Project=x --query CiphertextBlob --output text > c.b64',
    );
    const ok = await shell.run(`aws kms decrypt --ciphertext-blob file://c.b64 --encryption-context '{"Project":"x","Dept":"IT"}' --query Plaintext --output text`);
    expect(ok).toEqual({ stdout: 'aGk=\n', stderr: '', exitCode: 0 });
    const wrong = await shell.run('aws kms decrypt --ciphertext-blob file://c.b64 --encryption-context Dept=HR');
    expect(wrong).toEqual({
      stdout: '',
      stderr: '\nAn error occurred (InvalidCiphertextException) when calling the Decrypt operation: \n',
      exitCode: 254,
    });
  });
});

describe('errors as CLI v2 prints them', () => {
  test('service errors: exit 254 with the leading blank line', async () => {
    const { shell } = await awsTerminal();
    expect(await shell.run('aws kms encrypt --key-id alias/nope --plaintext aGk=')).toEqual({
      stdout: '',
      stderr:
        '\nAn error occurred (NotFoundException) when calling the Encrypt operation: Alias arn:aws:kms:eu-west-2:111122223333:alias/nope is not found.\n',
      exitCode: 254,
    });
  });

  test('missing required arguments and unknown options: usage text, exit 252', async () => {
    const { shell } = await awsTerminal();
    expect(await shell.run('aws kms encrypt --plaintext aGk=')).toEqual({
      stdout: '',
      stderr: `${USAGE}aws: error: the following arguments are required: --key-id\n\n`,
      exitCode: 252,
    });
    expect((await shell.run('aws kms encrypt --key-id x --bogus 1 --plaintext aGk=')).stderr).toBe(`${USAGE}Unknown options: --bogus, 1\n\n`);
    expect((await shell.run('aws kms encrypt --key-id')).stderr).toBe(`${USAGE}aws: error: argument --key-id: expected one argument\n\n`);
    expect((await shell.run('aws kms')).stderr).toBe(`${USAGE}aws: error: the following arguments are required: operation\n\n`);
  });

  test('an invalid operation lists the choices and suggests close ones', async () => {
    const { shell } = await awsTerminal();
    const result = await shell.run('aws kms encryptx');
    expect(result.exitCode).toBe(252);
    expect(result.stderr).toContain('aws: error: argument operation: Invalid choice, valid choices are:\n\ncancel-key-deletion                      | create-alias');
    expect(result.stderr.endsWith("\n\n\nInvalid choice: 'encryptx', maybe you meant:\n\n  * encrypt\n  * decrypt\n\n")).toBe(true);
  });

  test('shorthand, JSON and client-side validation errors', async () => {
    const { shell } = await awsTerminal();
    expect((await shell.run('aws kms encrypt --key-id k --plaintext aGk= --encryption-context a')).stderr).toBe(
      "\nError parsing parameter '--encryption-context': Expected: '=', received: 'EOF' for input:\na\n ^\n",
    );
    expect(await shell.run('aws kms list-keys --limit 0')).toEqual({
      stdout: '',
      stderr: '\nParameter validation failed:\nInvalid value for parameter Limit, value: 0, valid min value: 1\n',
      exitCode: 252,
    });
    expect((await shell.run(`aws kms encrypt --key-id k --plaintext aGk= --encryption-context '{"a":1}'`)).stderr).toBe(
      "\nParameter validation failed:\nInvalid type for parameter EncryptionContext.a, value: 1, type: <class 'int'>, valid types: <class 'str'>\n",
    );
    expect(await shell.run('aws kms encrypt --key-id k --plaintext fileb://nofile')).toEqual({
      stdout: '',
      stderr: "\nError parsing parameter '--plaintext': Unable to load paramfile fileb://nofile: [Errno 2] No such file or directory: 'nofile'\n",
      exitCode: 252,
    });
    expect((await shell.run('aws kms list-keys --limit abc')).stderr).toBe("\ninvalid literal for int() with base 10: 'abc'\n");
  });
});

describe('member types', () => {
  test('booleans: --dry-run and --no-dry-run', async () => {
    const { shell } = await awsTerminal();
    const dry = await shell.run('aws kms encrypt --key-id alias/tutorial --plaintext aGk= --dry-run');
    expect(dry.stderr).toContain('(DryRunOperationException)');
    const wet = await shell.run('aws kms encrypt --key-id alias/tutorial --plaintext aGk= --no-dry-run --query EncryptionAlgorithm');
    expect(wet).toEqual({ stdout: '"SYMMETRIC_DEFAULT"\n', stderr: '', exitCode: 0 });
  });

  test('lists of structures in shorthand, lists of strings as separate words', async () => {
    const { shell, keyId } = await awsTerminal();
    const tag = await shell.run(`aws kms tag-resource --key-id ${keyId} --tags TagKey=team,TagValue=blue TagKey=env,TagValue=lab`);
    expect(tag).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    const listed = await shell.run(`aws kms list-resource-tags --key-id ${keyId} --output text`);
    expect(listed.stdout).toBe('TAGS\tteam\tblue\nTAGS\tenv\tlab\n');
    await shell.run(`aws kms untag-resource --key-id ${keyId} --tag-keys team env`);
    expect((await shell.run(`aws kms list-resource-tags --key-id ${keyId} --query 'length(Tags)'`)).stdout).toBe('0\n');
  });

  test('JSON lists and integers', async () => {
    const { shell } = await awsTerminal();
    const created = await shell.run(`aws kms create-key --tags '[{"TagKey":"a","TagValue":"b"}]' --query KeyMetadata.KeyId --output text`);
    expect(created.stdout).toMatch(/^[0-9a-f-]{36}\n$/);
    const random = await shell.run('aws kms generate-random --number-of-bytes 12 --output text');
    expect(random.stdout).toMatch(/^[A-Za-z0-9+/]{16}\n$/);
  });
});

describe('global options', () => {
  test('--endpoint-url and --profile are accepted with a note', async () => {
    const { shell } = await awsTerminal();
    const result = await shell.run('aws --endpoint-url http://localhost:4566 --profile dev kms list-keys --query "length(Keys)"');
    expect(result.stdout).toBe('1\n');
    expect(result.stderr).toContain("the terminal always calls the page's simulated KMS");
  });

  test('--debug prints the JSON 1.1 request and response the wire saw', async () => {
    const { shell } = await awsTerminal();
    const result = await shell.run('aws kms encrypt --key-id alias/tutorial --plaintext aGk= --debug --query KeyId');
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain('x-amz-target: TrentService.Encrypt');
    expect(result.stderr).toContain('body: {"KeyId":"alias/tutorial","Plaintext":"aGk="}');
    expect(result.stderr).toContain('Response: HTTP 200');
  });

  test('--generate-cli-skeleton prints the input shape', async () => {
    const { shell } = await awsTerminal();
    const result = await shell.run('aws kms encrypt --generate-cli-skeleton');
    expect(result.exitCode).toBe(0);
    expect(Object.keys(JSON.parse(result.stdout))).toEqual(Object.keys(operations.Encrypt.input.members));
  });

  test('help lists the commands and a command\'s options with their docs', async () => {
    const { shell } = await awsTerminal();
    expect((await shell.run('aws kms help')).stdout).toContain('  o generate-data-key\n');
    const help = await shell.run('aws kms encrypt help');
    expect(help.stdout).toContain('  --key-id <value>\n');
    expect(help.stdout).toContain(operations.Encrypt.input.members.KeyId.doc);
  });

  test('region from --region, then AWS_REGION / AWS_DEFAULT_REGION', async () => {
    const { shell } = await awsTerminal();
    const arn = await shell.run('AWS_DEFAULT_REGION=us-east-1 aws kms create-key --query KeyMetadata.Arn --output text');
    expect(arn.stdout).toMatch(/^arn:aws:kms:us-east-1:/);
    const flag = await shell.run('AWS_DEFAULT_REGION=us-east-1 aws kms list-keys --region eu-west-2 --query "length(Keys)"');
    expect(flag.stdout).toBe('1\n');
  });

  test('list commands page through every result', async () => {
    const { shell } = await awsTerminal();
    for (let i = 0; i < 3; i++) await shell.run('aws kms create-key');
    expect((await shell.run('aws kms list-keys --page-size 1 --query "length(Keys)"')).stdout).toBe('4\n');
    expect((await shell.run('aws kms list-keys --max-items 2 --query "length(Keys)"')).stdout).toBe('2\n');
    const onePage = await shell.run('aws kms list-keys --limit 1 --query "[length(Keys), Truncated]" --output text');
    expect(onePage.stdout).toBe('1\tTrue\n');
  });
});

describe('--cli-input-json and --cli-input-yaml', () => {
  test('a filled-in skeleton is the request; flags override it', async () => {
    const { shell } = await awsTerminal();
    await shell.run(`echo '{"KeyId": "alias/nope", "Plaintext": "aGk="}' > in.json`);
    expect((await shell.run('aws kms encrypt --cli-input-json file://in.json')).stderr).toContain('(NotFoundException)');
    const overridden = await shell.run('aws kms encrypt --cli-input-json file://in.json --key-id alias/tutorial --query EncryptionAlgorithm --output text');
    expect(overridden).toEqual({ stdout: 'SYMMETRIC_DEFAULT\n', stderr: '', exitCode: 0 });
    const yaml = await shell.run(`aws kms encrypt --cli-input-yaml 'KeyId: alias/tutorial' --plaintext aGk= --query EncryptionAlgorithm --output text`);
    expect(yaml.stdout).toBe('SYMMETRIC_DEFAULT\n');
  });

  test('missing members are reported by validation, not by the argument parser', async () => {
    const { shell } = await awsTerminal();
    expect(await shell.run(`aws kms encrypt --cli-input-json '{"Plaintext": "aGk="}'`)).toEqual({
      stdout: '',
      stderr: '\nParameter validation failed:\nMissing required parameter in input: "KeyId"\n',
      exitCode: 252,
    });
  });
});
