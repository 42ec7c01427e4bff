/**
 * `--generate-cli-skeleton`: argparse's handling of its optional value, and the yaml-input
 * skeleton's layout as AWS CLI v2 prints it. Expected texts marked "aws-cli 2.9.19" were captured
 * from Debian's /usr/bin/aws; the yaml comments quote KMS Lab's member descriptions, so those tests
 * check the layout (order, placeholders, comment spacing) rather than AWS's wording.
 */
import { describe, expect, test } from 'vitest';
import { createKms } from '../../../src/kms/index.ts';
import { seedWorld } from '../../../src/kms/node/seed-world.ts';
import { createShell } from '../../../src/cli/index.ts';

async function shell() {
  const kms = createKms();
  await seedWorld(kms, 'eu-west-2');
  return createShell({ kms });
}

const USAGE = `
usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]
To see help text, you can run:

  aws help
  aws <command> help
  aws <command> <subcommand> help

`;
const CHOICES = `aws: error: argument --generate-cli-skeleton: Invalid choice, valid choices are:

input                                    | output                                  
yaml-input                              
`;

describe('--generate-cli-skeleton', () => {
  test('a word after it is its value, checked against the choices (aws-cli 2.9.19)', async () => {
    const terminal = await shell();
    expect(await terminal.run('aws kms list-keys --generate-cli-skeleton bogus')).toEqual({ stdout: '', stderr: USAGE + CHOICES + '\n', exitCode: 252 });
    expect(await terminal.run('aws kms list-keys --generate-cli-skeleton inpu')).toEqual({
      stdout: '',
      stderr: USAGE + CHOICES + "\n\nInvalid choice: 'inpu', maybe you meant:\n\n  * input\n\n",
      exitCode: 252,
    });
  });

  test('an option after it leaves it at input', async () => {
    const result = await (await shell()).run('aws kms list-keys --generate-cli-skeleton --output text');
    expect(result).toEqual({ stdout: '{\n    "Limit": 0,\n    "Marker": ""\n}\n', stderr: '', exitCode: 0 });
  });

  test('yaml-input lists members in order with placeholders and end-of-line comments', async () => {
    const { stdout, exitCode } = await (await shell()).run('aws kms encrypt --generate-cli-skeleton yaml-input');
    expect(exitCode).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^KeyId: '' {2}# \[REQUIRED\] \S/); // the first key of a mapping: two spaces
    expect(lines[1]).toMatch(/^Plaintext: !!binary '' # \[REQUIRED\] \S/);
    expect(lines[2]).toMatch(/^EncryptionContext: # [^[]/);
    expect(lines[3]).toBe("  KeyName: ''");
    expect(lines[4]).toMatch(/^GrantTokens: # /);
    expect(lines[5]).toBe("- ''");
    expect(lines[6]).toMatch(/^EncryptionAlgorithm: SYMMETRIC_DEFAULT # .* Valid values are: SYMMETRIC_DEFAULT, RSAES_OAEP_SHA_1, RSAES_OAEP_SHA_256, SM2PKE\.$/);
  });

  test('yaml-input: structures in lists and nested structures as ruamel lays them out', async () => {
    const terminal = await shell();
    const tags = (await terminal.run('aws kms tag-resource --generate-cli-skeleton yaml-input')).stdout.split('\n');
    expect(tags[1]).toMatch(/^Tags: # \[REQUIRED\] /);
    expect(tags[2]).toMatch(/^- TagKey: '' {2}# \[REQUIRED\] /);
    expect(tags[3]).toMatch(/^ {2}TagValue: '' # \[REQUIRED\] /);
    const grant = (await terminal.run('aws kms create-grant --generate-cli-skeleton yaml-input')).stdout;
    expect(grant).toMatch(/^Constraints: # .*\n {2}EncryptionContextSubset: {2}# .*\n {4}KeyName: ''\n {2}EncryptionContextEquals: # .*\n {4}KeyName: ''$/m);
    const imported = (await terminal.run('aws kms import-key-material --generate-cli-skeleton yaml-input')).stdout;
    expect(imported).toMatch(/^ValidTo: 1970-01-01 00:00:00 # /m);
  });

  test('a filled-in yaml-input skeleton is a request', async () => {
    const terminal = await shell();
    await terminal.run('aws kms encrypt --generate-cli-skeleton yaml-input > in.yaml');
    const skeleton = terminal.fs.readFile('/home/learner/in.yaml');
    const filled = new TextDecoder()
      .decode(skeleton)
      .replace(/^KeyId: ''/m, 'KeyId: alias/tutorial')
      .replace(/^Plaintext: !!binary ''/m, 'Plaintext: !!binary aGVsbG8=')
      .replace(/^GrantTokens:.*\n- ''\n/m, '')
      .replace(/^DryRun: true/m, 'DryRun: false');
    terminal.fs.writeFile('/home/learner/in.yaml', new TextEncoder().encode(filled));
    const result = await terminal.run('aws kms encrypt --cli-input-yaml file://in.yaml --query EncryptionAlgorithm --output text');
    expect(result).toEqual({ stdout: 'SYMMETRIC_DEFAULT\n', stderr: '', exitCode: 0 });
  });
});
