/** `--query`: JMESPath over the response as the CLI shows it (timestamps as strings, blobs as base64). */
import { describe, expect, test } from 'vitest';
import { awsTerminal } from './support.ts';

describe('--query', () => {
  test('field, sub-expression and multiselect', async () => {
    const { shell, keyId } = await awsTerminal();
    expect((await shell.run('aws kms describe-key --key-id alias/tutorial --query KeyMetadata.KeyId --output text')).stdout).toBe(`${keyId}\n`);
    expect((await shell.run('aws kms describe-key --key-id alias/tutorial --query "KeyMetadata.[KeyState, Enabled]" --output text')).stdout).toBe('Enabled\tTrue\n');
    const hash = await shell.run('aws kms describe-key --key-id alias/tutorial --query "KeyMetadata.{S: KeyState, D: CreationDate}"');
    expect(JSON.parse(hash.stdout)).toEqual({ S: 'Enabled', D: '2026-01-01T00:00:00+00:00' });
  });

  test('projections, filters and functions', async () => {
    const { shell } = await awsTerminal();
    await shell.run('aws kms create-alias --alias-name alias/second --target-key-id $(aws kms create-key --query KeyMetadata.KeyId --output text)');
    expect((await shell.run('aws kms list-aliases --query "sort(Aliases[].AliasName)" --output text')).stdout).toBe('alias/second\talias/tutorial\n');
    expect((await shell.run(`aws kms list-aliases --query "Aliases[?AliasName=='alias/second'].AliasName | [0]" --output text`)).stdout).toBe('alias/second\n');
    expect((await shell.run(`aws kms list-aliases --query "sort_by(Aliases, &AliasName)[-1].AliasName"`)).stdout).toBe('"alias/tutorial"\n');
    expect((await shell.run('aws kms list-keys --query "length(Keys)"')).stdout).toBe('2\n');
    expect((await shell.run(`aws kms list-aliases --query "Aliases[?contains(AliasName, 'sec')] | length(@)"`)).stdout).toBe('1\n');
  });

  test('a query that matches nothing prints null (json) or None (text)', async () => {
    const { shell } = await awsTerminal();
    expect((await shell.run('aws kms list-keys --query Nothing')).stdout).toBe('null\n');
    expect((await shell.run('aws kms list-keys --query Nothing --output text')).stdout).toBe('None\n');
  });

  test('an evaluation error is a client error (255), worded as Python jmespath words it', async () => {
    const { shell } = await awsTerminal();
    expect(await shell.run("aws kms list-keys --query 'length(Nope)'")).toEqual({
      stdout: '',
      stderr: `\nIn function length(), invalid type for value: None, expected one of: ['string', 'array', 'object'], received: "null"\n`,
      exitCode: 255,
    });
    expect((await shell.run("aws kms list-keys --query 'nope(Keys)'")).stderr).toBe('\nUnknown function: nope()\n');
  });

  test('an invalid expression is an argument error (252)', async () => {
    const { shell } = await awsTerminal();
    const result = await shell.run("aws kms list-keys --query 'Keys[' ");
    expect(result.exitCode).toBe(252);
    expect(result.stderr.startsWith('\nBad value for --query Keys[: ')).toBe(true);
  });
});
