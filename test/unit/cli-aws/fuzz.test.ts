/**
 * Whatever is typed after `aws`, the command answers with a status and text — it never throws
 * (the shell would report an "internal error") and never leaves the KMS unusable.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { awsTerminal } from './support.ts';

const WORDS = [
  'kms', 'encrypt', 'decrypt', 'list-keys', 'create-key', 'describe-key', 'help', 'tag-resource', 'generate-random',
  '--key-id', 'alias/tutorial', '--plaintext', 'aGk=', 'fileb://x', 'file://x', '--encryption-context', 'a=b', '{"a":"b"}',
  '--output', 'text', 'table', 'yaml', '--query', 'Keys[0]', '[', '--tags', 'TagKey=a,TagValue=b', '--dry-run', '--no-dry-run',
  '--limit', '0', '-1', '--number-of-bytes', '1024', '--debug', '--generate-cli-skeleton', '--cli-binary-format', 'raw-in-base64-out',
  '--key-id=', '=', '"', "'", '{', '[]', '--',
];
const quote = (word: string) => `'${word.replaceAll("'", `'\\''`)}'`;
const argv = fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 12 })), { maxLength: 10 });

describe('aws never throws', () => {
  test('random arguments resolve with a CLI exit status', async () => {
    const { shell } = await awsTerminal({ x: 'data' });
    await fc.assert(
      fc.asyncProperty(argv, async (words) => {
        const result = await shell.run(['aws', ...words.map(quote)].join(' '));
        expect([0, 252, 254, 255]).toContain(result.exitCode);
        expect(result.stderr).not.toMatch(/internal error/i);
      }),
      { numRuns: 150 },
    );
    expect((await shell.run('aws kms describe-key --key-id alias/tutorial --query KeyMetadata.KeyState --output text')).stdout).toBe('Enabled\n');
  }, 60_000);
});
