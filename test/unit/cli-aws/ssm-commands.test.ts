/**
 * `aws ssm …` in the terminal against the Parameter Store model: the CLI v2's output shapes,
 * --query and --output text, argparse's usage error for a missing --name, the service error lines
 * (ParameterNotFound's empty message, ParameterAlreadyExists), and kms behaviour unchanged when the
 * terminal has no Parameter Store.
 */
import { describe, expect, it } from 'vitest';
import { createKms } from '../../../src/kms/index.ts';
import { seedWorld } from '../../../src/kms/node/seed-world.ts';
import { createShell } from '../../../src/cli/shell/index.ts';
import { createAwsCommand } from '../../../src/cli/aws/index.ts';
import { ParameterStore } from '../../../src/sim/parameters/index.ts';

async function ssmTerminal() {
  const kms = createKms();
  await seedWorld(kms, 'eu-west-2');
  const store = new ParameterStore({ kms, accountId: kms.accountId, region: 'eu-west-2' });
  const shell = createShell({ commands: [createAwsCommand({ kms, ssm: store })] });
  return { kms, store, shell };
}

const PUT = "aws ssm put-parameter --name /payroll/db-password --value 'Tr0ub4dor&3' --type SecureString";

describe('aws ssm', () => {
  it('put-parameter prints Version and Tier; get-parameter prints the parameter in AWS\'s member order', async () => {
    const { shell, kms } = await ssmTerminal();
    const put = await shell.run(PUT);
    expect(put).toMatchObject({ exitCode: 0, stderr: '' });
    expect(put.stdout).toBe('{\n    "Version": 1,\n    "Tier": "Standard"\n}\n');
    const got = await shell.run('aws ssm get-parameter --name /payroll/db-password --with-decryption');
    expect(got.exitCode).toBe(0);
    const parameter = JSON.parse(got.stdout).Parameter;
    expect(Object.keys(parameter)).toEqual(['Name', 'Type', 'Value', 'Version', 'LastModifiedDate', 'ARN', 'DataType']);
    expect(parameter).toMatchObject({ Name: '/payroll/db-password', Type: 'SecureString', Value: 'Tr0ub4dor&3', Version: 1, ARN: `arn:aws:ssm:eu-west-2:${kms.accountId}:parameter/payroll/db-password`, DataType: 'text' });
    expect(parameter.LastModifiedDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?\+00:00$/);
  });

  it('--query Parameter.Value --output text prints the value alone; without decryption, the ciphertext', async () => {
    const { shell } = await ssmTerminal();
    await shell.run(PUT);
    expect((await shell.run('aws ssm get-parameter --name /payroll/db-password --with-decryption --query Parameter.Value --output text')).stdout).toBe('Tr0ub4dor&3\n');
    const sealed = (await shell.run('aws ssm get-parameter --name /payroll/db-password --query Parameter.Value --output text')).stdout.trim();
    expect(sealed).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(sealed).not.toContain('Tr0ub4dor');
  });

  it('prints the service errors as the CLI does, with exit status 254', async () => {
    const { shell } = await ssmTerminal();
    expect(await shell.run('aws ssm get-parameter --name /nope')).toMatchObject({
      exitCode: 254, stdout: '', stderr: '\nAn error occurred (ParameterNotFound) when calling the GetParameter operation: \n',
    });
    await shell.run(PUT);
    expect(await shell.run(PUT)).toMatchObject({
      exitCode: 254,
      stderr: '\nAn error occurred (ParameterAlreadyExists) when calling the PutParameter operation: The parameter already exists. To overwrite this value, set the overwrite option in the request to true.\n',
    });
    expect(JSON.parse((await shell.run("aws ssm put-parameter --name /payroll/db-password --value 'n3w' --overwrite")).stdout)).toEqual({ Version: 2, Tier: 'Standard' });
  });

  it('--tier Advanced takes more than 4 KB (GenerateDataKey under the hood); Standard refuses it with AWS\'s message', async () => {
    const { kms } = await ssmTerminal();
    const store = new ParameterStore({ kms, accountId: kms.accountId, region: 'eu-west-2' });
    const shell = createShell({ files: { 'big.txt': 'x'.repeat(5000) }, commands: [createAwsCommand({ kms, ssm: store })] });
    const standard = await shell.run('aws ssm put-parameter --name /big --type SecureString --value file://big.txt');
    expect(standard.exitCode).toBe(254);
    expect(standard.stderr).toMatch(/^\nAn error occurred \(ValidationException\) when calling the PutParameter operation: Standard tier parameters support a maximum parameter value of 4096 characters\./);
    const advanced = await shell.run('aws ssm put-parameter --name /big --type SecureString --value file://big.txt --tier Advanced --output text');
    expect(advanced).toMatchObject({ exitCode: 0, stdout: 'Advanced\t1\n' });
    expect(kms.audit.events.filter((e) => e.userIdentity.invokedBy === 'ssm.amazonaws.com').map((e) => e.eventName)).toEqual(['GenerateDataKey']);
  });

  it('a missing --name is argparse\'s usage error, status 252', async () => {
    const { shell } = await ssmTerminal();
    const result = await shell.run('aws ssm get-parameter --with-decryption');
    expect(result.exitCode).toBe(252);
    expect(result.stderr).toContain('usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]');
    expect(result.stderr.trimEnd().endsWith('aws: error: the following arguments are required: --name')).toBe(true);
    expect((await shell.run('aws ssm put-parameter --name x')).stderr).toContain('aws: error: the following arguments are required: --value');
  });

  it('get-parameters lists unknown names as InvalidParameters; describe-parameters shows the key, never the value; delete-parameter removes it', async () => {
    const { shell } = await ssmTerminal();
    await shell.run(PUT);
    await shell.run('aws ssm put-parameter --name /payroll/db-host --value db.internal --type String');
    const many = JSON.parse((await shell.run('aws ssm get-parameters --names /payroll/db-host /payroll/none')).stdout);
    expect(many.Parameters.map((p: { Value: string }) => p.Value)).toEqual(['db.internal']);
    expect(many.InvalidParameters).toEqual(['/payroll/none']);
    const described = await shell.run('aws ssm describe-parameters --query "Parameters[].[Name,Type,KeyId]" --output text');
    expect(described.stdout).toBe('/payroll/db-host\tString\tNone\n/payroll/db-password\tSecureString\talias/aws/ssm\n');
    expect((await shell.run('aws ssm describe-parameters')).stdout).not.toContain('Tr0ub4dor');
    expect(await shell.run('aws ssm delete-parameter --name /payroll/db-password')).toMatchObject({ exitCode: 0, stdout: '' });
    expect((await shell.run('aws ssm get-parameter --name /payroll/db-password')).exitCode).toBe(254);
  });

  it('help lists the ssm commands; an unknown operation is an invalid choice; another service names both simulated ones', async () => {
    const { shell } = await ssmTerminal();
    const help = (await shell.run('aws ssm help')).stdout;
    for (const command of ['delete-parameter', 'describe-parameters', 'get-parameter', 'get-parameters', 'put-parameter']) expect(help).toContain(`  o ${command}\n`);
    expect((await shell.run('aws ssm get-secret')).stderr).toContain("aws: error: argument operation: Invalid choice, valid choices are:");
    expect((await shell.run('aws s3 ls')).stderr).toContain("Invalid choice: 's3'. KMS Lab's terminal simulates the kms and ssm commands only (aws kms help and aws ssm help list them).");
  });

  it('completes the service and the ssm commands', async () => {
    const { shell } = await ssmTerminal();
    expect((await shell.complete('aws s')).candidates).toEqual(['ssm']);
    expect((await shell.complete('aws ssm get-p')).candidates).toEqual(['get-parameter', 'get-parameters']);
  });

  it('without a Parameter Store the terminal keeps kms only, with its old message', async () => {
    const kms = createKms();
    await seedWorld(kms, 'eu-west-2');
    const shell = createShell({ commands: [createAwsCommand({ kms })] });
    expect((await shell.run('aws ssm get-parameter --name x')).stderr).toContain("Invalid choice: 'ssm'. KMS Lab's terminal simulates the kms commands only (aws kms help lists them).");
  });

  it('the SecureString calls reach KMS as the terminal\'s principal via ssm, with the PARAMETER_ARN context', async () => {
    const { shell, kms } = await ssmTerminal();
    await shell.run(PUT);
    await shell.run('aws ssm get-parameter --name /payroll/db-password --with-decryption');
    const viaSsm = kms.audit.events.filter((e) => e.userIdentity.invokedBy === 'ssm.amazonaws.com');
    expect(viaSsm.map((e) => [e.eventName, e.requestParameters?.encryptionContext])).toEqual([
      ['Encrypt', { PARAMETER_ARN: `arn:aws:ssm:eu-west-2:${kms.accountId}:parameter/payroll/db-password` }],
      ['Decrypt', { PARAMETER_ARN: `arn:aws:ssm:eu-west-2:${kms.accountId}:parameter/payroll/db-password` }],
    ]);
    expect((await shell.run('aws ssm get-parameter --name /payroll/db-password --region us-east-1')).exitCode).toBe(255);
  });
});
