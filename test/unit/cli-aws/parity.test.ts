/**
 * Parity: the same command lines through KMS Lab's `aws` (in the page's shell) and through the
 * real AWS CLI v2 (/usr/bin/aws, Debian's 2.9.19) against `kms:serve`, compared byte for byte
 * — stdout, stderr and exit status — after normalizing what is random: key ids, dates, ciphertexts.
 *
 * Both worlds start alike (kms:serve's seed: alias/tutorial, same key id) and run the lines in
 * order, so keys created, disabled or tagged by one line are there for the next in both. Lines
 * avoid output members newer than CLI 2.9.19 (it drops members its model does not know, e.g.
 * KeyMetadata.CurrentKeyMaterialId), by `--query` or by the operations they use.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKmsServe, type RunningServe } from '../kms-cli/support/kms-serve';
import { createKms } from '../../../src/kms/index.ts';
import { seedWorld } from '../../../src/kms/node/seed-world.ts';
import { createModelClock, type ModelClock } from '../../../src/sim/core/clock.ts';
import { createRng } from '../../../src/sim/core/rng.ts';
import { createShell } from '../../../src/cli/shell/index.ts';
import type { Shell } from '../../../src/cli/shell/index.ts';
import { createAwsCommand } from '../../../src/cli/aws/index.ts';

const AWS = '/usr/bin/aws';
const hasAws = existsSync(AWS);
if (!hasAws) console.warn(`SKIPPED parity.test.ts: ${AWS} (AWS CLI v2) is missing; install it with: apt-get install -y awscli`);

const run = promisify(execFile);
const ALICE_KEY = 'AKIDALICEEXAMPLE';
const ALICE = 'arn:aws:iam::111122223333:user/alice';

const POLICY_DENYING_ALICE = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Sid: 'Root', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' },
    { Sid: 'NoAlice', Effect: 'Deny', Principal: { AWS: ALICE }, Action: 'kms:Encrypt', Resource: '*' },
  ],
});

const FILES: Record<string, string> = {
  'ExampleSecretFile.txt': 'The launch code is 0000. Do not tell anyone.\n',
  'hello.b64': 'aGVsbG8gd29ybGQ=\n',
  'context.json': '{"Dept": "IT", "Project": "x"}',
  'policy.json': POLICY_DENYING_ALICE,
  'TooBig.bin': 'A'.repeat(4097),
  'message.txt': 'sign me\n',
};

const NEW_KEY = 'KEY=$(aws kms create-key --query KeyMetadata.KeyId --output text)';

/** The command lines, run in this order in both worlds. */
const LINES: string[] = [
  // the seed's commands
  'aws kms encrypt --key-id alias/tutorial --plaintext fileb://ExampleSecretFile.txt --output text --query CiphertextBlob > ExampleSecretFileEncrypted.base64; echo $?',
  'base64 --decode ExampleSecretFileEncrypted.base64 > ExampleSecretFileEncrypted; aws kms decrypt --ciphertext-blob fileb://ExampleSecretFileEncrypted --output text --query Plaintext | base64 --decode',
  'aws kms decrypt --ciphertext-blob fileb://ExampleSecretFileEncrypted --key-id alias/tutorial --output text --query KeyId',
  // output formats
  'aws kms encrypt --key-id alias/tutorial --plaintext aGVsbG8=',
  'aws kms encrypt --key-id alias/tutorial --plaintext aGVsbG8= --output text',
  'aws kms encrypt --key-id alias/tutorial --plaintext aGVsbG8= --output yaml',
  'aws kms list-aliases',
  'aws kms list-aliases --output text',
  'aws kms list-aliases --output yaml',
  'aws kms list-keys --output text',
  'aws kms list-keys --output table',
  'aws kms list-aliases --output table',
  'aws kms encrypt --key-id alias/tutorial --plaintext aGVsbG8= --output table',
  'aws kms describe-key --key-id alias/tutorial --output table --query "KeyMetadata.{State: KeyState, Spec: KeySpec, Usage: KeyUsage, Algorithms: EncryptionAlgorithms}"',
  'aws kms describe-key --key-id alias/tutorial --output table --query "KeyMetadata.KeyState"',
  'aws kms describe-key --key-id alias/tutorial --output text --query "KeyMetadata.[KeyState,KeySpec,Enabled,MultiRegion]"',
  'aws kms describe-key --key-id alias/tutorial --output yaml --query "KeyMetadata.[KeyUsage, EncryptionAlgorithms, Origin]"',
  // --query: projections, filters, functions, multiselect hashes
  'aws kms describe-key --key-id alias/tutorial --query "KeyMetadata.{Id: KeyId, State: KeyState, Created: CreationDate}"',
  'aws kms list-keys --query "Keys[].KeyId" --output text',
  `aws kms list-aliases --query "Aliases[?starts_with(AliasName, 'alias/t')].AliasName"`,
  'aws kms list-aliases --query "length(Aliases)"',
  'aws kms list-aliases --query "Aliases[].[AliasName, TargetKeyId]" --output text',
  'aws kms list-keys --query "Keys[0]" --output yaml',
  'aws kms get-key-policy --key-id $(aws kms describe-key --key-id alias/tutorial --query KeyMetadata.KeyId --output text) --policy-name default --query Policy --output text',
  'aws kms list-key-policies --key-id $(aws kms describe-key --key-id alias/tutorial --query KeyMetadata.KeyId --output text)',
  // blobs: files, base64 strings, raw text
  'aws kms encrypt --key-id alias/tutorial --plaintext file://hello.b64 --query CiphertextBlob --output text | base64 --decode > hello.enc; aws kms decrypt --ciphertext-blob fileb://hello.enc --query Plaintext --output text',
  'aws kms encrypt --key-id alias/tutorial --plaintext hello --cli-binary-format raw-in-base64-out --output text --query EncryptionAlgorithm',
  'aws kms encrypt --key-id alias/tutorial --plaintext hello',
  'aws kms encrypt --key-id alias/tutorial --plaintext fileb://missing.txt',
  'aws kms decrypt --ciphertext-blob fileb://ExampleSecretFileEncrypted.base64',
  // encryption contexts in both syntaxes
  'aws kms encrypt --key-id alias/tutorial --plaintext aGk= --encryption-context Dept=IT,Project=x --query CiphertextBlob --output text | base64 --decode > ctx.enc; aws kms decrypt --ciphertext-blob fileb://ctx.enc --encryption-context \'{"Project":"x","Dept":"IT"}\' --query Plaintext --output text',
  'aws kms decrypt --ciphertext-blob fileb://ctx.enc --encryption-context file://context.json --query Plaintext --output text',
  'aws kms decrypt --ciphertext-blob fileb://ctx.enc --encryption-context Dept=HR',
  'aws kms encrypt --key-id alias/tutorial --plaintext aGk= --encryption-context Dept',
  `aws kms encrypt --key-id alias/tutorial --plaintext aGk= --encryption-context '{"Dept": 1}'`,
  `aws kms encrypt --key-id alias/tutorial --plaintext aGk= --encryption-context '{Dept: "IT"}'`,
  `aws kms encrypt --key-id alias/tutorial --plaintext aGk= --encryption-context '{"Dept": "IT",}'`,
  `aws kms encrypt --key-id alias/tutorial --plaintext aGk= --encryption-context '{"Dept" "IT"}'`,
  `aws kms create-key --tags '[{"TagKey": "a", "TagValue": "b"'`,
  'aws kms encrypt --key-id alias/tutorial --plaintext aGk= --encryption-context Dept=IT,Dept=HR',
  // service errors
  'aws kms encrypt --key-id alias/missing --plaintext aGk=',
  'aws kms enable-key --key-id alias/tutorial',
  'aws kms describe-key --key-id 00000000-0000-0000-0000-000000000000',
  `${NEW_KEY}; aws kms disable-key --key-id $KEY; aws kms encrypt --key-id $KEY --plaintext aGk=`,
  'aws kms encrypt --key-id alias/tutorial --plaintext fileb://TooBig.bin',
  'aws kms create-key --key-usage FOO',
  'aws kms generate-data-key --key-id alias/tutorial',
  `${NEW_KEY}; aws kms schedule-key-deletion --key-id $KEY --pending-window-in-days 7 --query KeyState --output text; aws kms encrypt --key-id $KEY --plaintext aGk=`,
  `${NEW_KEY}; aws kms put-key-policy --key-id $KEY --policy-name default --policy file://policy.json; AWS_ACCESS_KEY_ID=${ALICE_KEY} aws kms encrypt --key-id $KEY --plaintext aGk=`,
  'aws kms create-key --key-spec ECC_NIST_P256 --key-usage SIGN_VERIFY --query KeyMetadata.[KeySpec,KeyUsage] --output text',
  `KEY=$(aws kms create-key --key-spec ECC_NIST_P256 --key-usage SIGN_VERIFY --query KeyMetadata.KeyId --output text); aws kms verify --key-id $KEY --message fileb://message.txt --signing-algorithm ECDSA_SHA_256 --signature aGVsbG8=`,
  // argument errors
  'aws kms encrypt --plaintext aGk=',
  'aws kms encrypt --key-id alias/tutorial --plaintext aGk= --bogus 1',
  'aws kms encrypt --key-id',
  'aws kms',
  'aws kms list-keys --output xml',
  'aws kms list-keys --limit 0',
  'aws kms list-keys --limit abc',
  'aws kms list-keys --max-items abc',
  "aws kms list-keys --query 'length(Nope)'",
  "aws kms list-keys --query 'nope(Keys)'",
  'aws',
  'aws kms list-keys extra',
  'aws kms list-keys --region',
  'aws kms encrypt --key-id alias/tutorial --plaintext aGk= --output',
  'aws kms list-keys --query',
  'aws kms encrypt --key-id alias/tutorial --plaintext aGk= --cli-binary-format foo',
  'aws kms generate-random --number-of-bytes 1.5',
  'aws kms create-key --bypass-policy-lockout-safety-check=true',
  'aws kms encrypt --key-id=alias/tutorial --plaintext=aGk= --query=EncryptionAlgorithm',
  'aws kms tag-resource --key-id alias/tutorial --tags',
  'aws kms create-key --tags TagKey=a',
  `aws kms encrypt --key-id alias/tutorial --plaintext aGk= --encryption-context '{"a": ["b"]}'`,
  'aws kms encrypt --key-id alias/tutorial --plaintext aGk= --encryption-context a=b,c',
  'aws kms encrypt --key-id alias/tutorial --plaintext aGk= --grant-tokens --query EncryptionAlgorithm',
  // more operations and member types
  `${NEW_KEY}; aws kms tag-resource --key-id $KEY --tags TagKey=team,TagValue=blue TagKey=env,TagValue=lab; aws kms list-resource-tags --key-id $KEY --output text`,
  `${NEW_KEY}; aws kms tag-resource --key-id $KEY --tags '[{"TagKey":"a","TagValue":"b"}]'; aws kms untag-resource --key-id $KEY --tag-keys a; aws kms list-resource-tags --key-id $KEY`,
  `${NEW_KEY}; aws kms create-alias --alias-name alias/parity --target-key-id $KEY; aws kms list-aliases --query "Aliases[?AliasName=='alias/parity'] | [0].AliasArn" --output text`,
  'aws kms create-alias --alias-name parity --target-key-id alias/tutorial',
  `${NEW_KEY}; aws kms enable-key-rotation --key-id $KEY; aws kms get-key-rotation-status --key-id $KEY --query KeyRotationEnabled`,
  'aws kms generate-random --number-of-bytes 16 --output text',
  'aws kms generate-data-key --key-id alias/tutorial --key-spec AES_256 --query "[KeyId, length(Plaintext)]" --output text',
  "aws kms list-keys --page-size 1 --query 'length(Keys) > `3`'",
  // more operations: data keys, re-encryption, grants, signing, MACs, key administration
  'aws kms generate-data-key-without-plaintext --key-id alias/tutorial --number-of-bytes 32 --query KeyId --output text',
  'aws kms generate-data-key-pair --key-id alias/tutorial --key-pair-spec ECC_NIST_P256 --query KeyPairSpec --output text',
  'aws kms re-encrypt --ciphertext-blob fileb://ExampleSecretFileEncrypted --destination-key-id alias/tutorial --query "[SourceKeyId, KeyId]" --output text',
  `${NEW_KEY}; aws kms create-grant --key-id $KEY --grantee-principal arn:aws:iam::111122223333:user/bob --operations Encrypt Decrypt --query "length(GrantId)"; aws kms list-grants --key-id $KEY --output text`,
  `${NEW_KEY}; aws kms create-grant --key-id $KEY --grantee-principal arn:aws:iam::111122223333:user/bob --operations Encrypt Sing`,
  `KEY=$(aws kms create-key --key-spec ECC_NIST_P256 --key-usage SIGN_VERIFY --query KeyMetadata.KeyId --output text); aws kms sign --key-id $KEY --message fileb://message.txt --signing-algorithm ECDSA_SHA_256 --query Signature --output text | base64 --decode > sig.bin; aws kms verify --key-id $KEY --message fileb://message.txt --signing-algorithm ECDSA_SHA_256 --signature fileb://sig.bin --query "[SignatureValid, SigningAlgorithm]" --output text; aws kms get-public-key --key-id $KEY --query "[KeySpec, KeyUsage, SigningAlgorithms]" --output yaml`,
  'KEY=$(aws kms create-key --key-spec HMAC_256 --key-usage GENERATE_VERIFY_MAC --query KeyMetadata.KeyId --output text); aws kms generate-mac --key-id $KEY --mac-algorithm HMAC_SHA_256 --message aGk= --query MacAlgorithm; aws kms verify-mac --key-id $KEY --mac-algorithm HMAC_SHA_256 --message aGk= --mac aGVsbG8gd29ybGQ=',
  `${NEW_KEY}; aws kms update-key-description --key-id $KEY --description "for the parity test"; aws kms describe-key --key-id $KEY --query KeyMetadata.Description --output text`,
  `${NEW_KEY}; aws kms schedule-key-deletion --key-id $KEY --query KeyId --output text; aws kms cancel-key-deletion --key-id $KEY; aws kms describe-key --key-id $KEY --query KeyMetadata.KeyState`,
  `${NEW_KEY}; aws kms create-alias --alias-name alias/third --target-key-id $KEY; aws kms list-aliases --key-id $KEY --output text; aws kms delete-alias --alias-name alias/third; aws kms list-aliases --key-id $KEY`,
  'aws kms encrypt --key-id alias/tutorial --plaintext aGk= --grant-tokens a b --query KeyId --output text',
  'aws kms generate-random --number-of-bytes 2048',
  'aws kms encrypt --key-id alias/tutorial --encryption-algorithm RSAES_OAEP_SHA_256 --plaintext aGk=',
  // whole inputs as JSON
  `aws kms encrypt --cli-input-json '{"Plaintext": "aGk="}'`,
  `aws kms encrypt --cli-input-json '[1]'`,
  `aws kms encrypt --cli-input-json '{bad'`,
  `aws kms encrypt --cli-input-json '{"KeyId": "alias/nope", "Plaintext": "aGk="}' --key-id alias/tutorial --query KeyId`,
  `aws kms encrypt --cli-input-json '{"KeyId": "", "Plaintext": null, "GrantTokens": [""]}'`,
  // paging: --max-items, --page-size, NextToken and --starting-token
  'aws kms list-keys --max-items 2 --query NextToken --output text | base64 --decode',
  'aws kms list-keys --page-size 2 --max-items 3 --query NextToken --output text | base64 --decode',
  'aws kms list-keys --page-size 2 --max-items 4 --query NextToken --output text | base64 --decode',
  'aws kms list-keys --page-size 2 --max-items 3 --output text --query "Keys[0].KeyId"',
  'aws kms list-keys --max-items 1 --output text',
  'aws kms list-keys --page-size 2 --max-items 3 --query NextToken --output text',
  `T=$(printf '{"Marker": "kms-lab-page:2", "boto_truncate_amount": 1}' | base64 -w 0); aws kms list-keys --page-size 2 --starting-token $T --query "length(Keys)"; aws kms list-keys --query "length(Keys)"`,
  `T=$(printf '{"Marker": null, "boto_truncate_amount": 3}' | base64 -w 0); aws kms list-keys --starting-token $T --max-items 2 --query "length(Keys)"`,
];

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const ISO_DATE = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?\+00:00/g;
/**
 * Base64 of random bytes: long, with a digit, + or / somewhere (words like AccessDeniedException
 * have none), or ending in padding (16 random bytes have no digit, + or / about once in a hundred).
 */
const BASE64 = /(?:(?=[A-Za-z0-9+/]*[0-9+/])[A-Za-z0-9+/]{16,}={0,2}|[A-Za-z0-9+/]{16,}={1,2})/g;

function normalize(text: string): string {
  const ids = new Map<string, string>();
  return text
    .replace(UUID, (id) => {
      if (!ids.has(id)) ids.set(id, `<id-${ids.size + 1}>`);
      return ids.get(id)!;
    })
    .replace(ISO_DATE, '<date>')
    .replace(BASE64, '<base64>');
}

interface Outcome {
  stdout: string;
  stderr: string;
  exitCode: number;
}

describe.skipIf(!hasAws)('aws kms: the emulator and the real AWS CLI v2 print the same', () => {
  let serve: RunningServe;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let emulator: Shell;
  let clock: ModelClock;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kms-lab-parity-'));
    writeFileSync(join(dir, 'config'), '');
    writeFileSync(join(dir, 'credentials'), '');
    for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, name), text);
    serve = await startKmsServe(['--principal', `${ALICE_KEY}=${ALICE}`, '--quiet']);
    env = {
      PATH: process.env.PATH,
      HOME: dir,
      AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      AWS_CONFIG_FILE: join(dir, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_DEFAULT_REGION: 'eu-west-2',
      AWS_PAGER: '',
      KMS_ENDPOINT: serve.url,
    };
    // The same world kms:serve starts with (seed 1), with model time following the wall clock.
    clock = createModelClock(Date.now());
    const kms = createKms({ clock, rng: createRng(1) });
    await seedWorld(kms, 'eu-west-2');
    emulator = createShell({
      files: FILES,
      commands: [createAwsCommand({ kms, principals: { [ALICE_KEY]: { arn: ALICE, accountId: '111122223333' } } })],
    });
  }, 60_000);

  afterAll(async () => {
    await serve?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function realCli(line: string): Promise<Outcome> {
    const prelude = `aws() { ${AWS} --endpoint-url "$KMS_ENDPOINT" "$@"; }\n`;
    try {
      const { stdout, stderr } = await run('bash', ['-c', prelude + line], { cwd: dir, env, timeout: 50_000 });
      return { stdout, stderr, exitCode: 0 };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { stdout: failed.stdout, stderr: failed.stderr, exitCode: failed.code };
    }
  }

  const normalized = (outcome: Outcome): Outcome => ({
    stdout: normalize(outcome.stdout),
    stderr: normalize(outcome.stderr),
    exitCode: outcome.exitCode,
  });

  it.each(LINES.map((line, index) => [index + 1, line]))('line %i: %s', async (_index, line) => {
    const real = await realCli(line as string);
    clock.advance(Math.max(0, Date.now() - clock.now())); // as kms:serve does before each request
    const emulated = await emulator.run(line as string);
    expect(normalized(emulated)).toEqual(normalized(real));
  }, 60_000);

  it('covers at least 40 command lines', () => {
    expect(LINES.length).toBeGreaterThanOrEqual(40);
  });
});
