/** Tab completion of `aws` through the shell: commands, flags, key ids and aliases, enums, files. */
import { describe, expect, test } from 'vitest';
import { awsTerminal } from './support.ts';

describe('aws tab completion', () => {
  test('service, commands and flags', async () => {
    const { shell } = await awsTerminal();
    expect((await shell.complete('aws k')).candidates).toEqual(['kms']);
    expect((await shell.complete('aws kms generate-data-key-p')).candidates).toEqual([
      'generate-data-key-pair',
      'generate-data-key-pair-without-plaintext',
    ]);
    const flags = (await shell.complete('aws kms encrypt --key-id k --')).candidates;
    expect(flags).toContain('--plaintext');
    expect(flags).toContain('--encryption-context');
    expect(flags).toContain('--no-dry-run');
    expect(flags).toContain('--output');
    expect(flags).not.toContain('--key-id');
  });

  test('key ids and aliases after --key-id, enum values, output formats', async () => {
    const { shell, keyId } = await awsTerminal();
    expect((await shell.complete('aws kms describe-key --key-id ')).candidates).toEqual([keyId, 'alias/tutorial'].sort());
    expect((await shell.complete('aws kms create-key --key-usage SIGN')).candidates).toEqual(['SIGN_VERIFY']);
    expect((await shell.complete('aws kms list-keys --output ta')).candidates).toEqual(['table']);
  });

  test('file names after fileb:// and file://', async () => {
    const { shell } = await awsTerminal({ 'secret.txt': 'x', 'second.bin': 'y' });
    expect((await shell.complete('aws kms encrypt --plaintext fileb://sec')).candidates).toEqual(['fileb://second.bin', 'fileb://secret.txt']);
    expect((await shell.complete('aws kms encrypt --plaintext ')).candidates).toEqual(['file://', 'fileb://']);
  });
});
