import { describe, expect, it } from 'vitest';
import { cliCommand, sdkCode, shellWord } from '../../src/ui/sandbox/code/equivalents';
import { createShell } from '../../src/cli/index';
import { createKms } from '../../src/kms/index';

describe('console actions as AWS CLI commands and SDK code', () => {
  it('names the command and flags as the CLI does, in the operation’s member order', () => {
    const cli = cliCommand({ operation: 'CreateKey', input: { KeyUsage: 'SIGN_VERIFY', KeySpec: 'RSA_2048', Description: "Bob's key" }, region: 'eu-west-2' });
    expect(cli).toBe(`aws kms create-key --description 'Bob'\\''s key' --key-usage SIGN_VERIFY --key-spec RSA_2048`);
  });

  it('writes booleans as flags, lists as words, structures as JSON, blobs from files', () => {
    const cli = cliCommand({
      operation: 'CreateGrant',
      input: {
        KeyId: '1234abcd-12ab-34cd-56ef-1234567890ab',
        GranteePrincipal: 'arn:aws:iam::111122223333:user/bob',
        Operations: ['Encrypt', 'Decrypt'],
        Constraints: { EncryptionContextSubset: { dept: 'it' } },
      },
      region: 'eu-west-2',
    });
    expect(cli).toContain('--operations Encrypt Decrypt');
    expect(cli).toContain(`--constraints '{"EncryptionContextSubset":{"dept":"it"}}'`);
    expect(cli).toMatch(/^aws kms create-grant --key-id 1234abcd-12ab-34cd-56ef-1234567890ab --grantee-principal arn:aws:iam::111122223333:user\/bob /);
    expect(cli).not.toContain('\n');

    const scheduled = cliCommand({ operation: 'ScheduleKeyDeletion', input: { KeyId: 'k', PendingWindowInDays: 7 }, region: 'eu-west-2' });
    expect(scheduled).toBe('aws kms schedule-key-deletion --key-id k --pending-window-in-days 7');

    const imported = cliCommand({
      operation: 'ImportKeyMaterial',
      input: { KeyId: 'k', ImportToken: new Uint8Array([1]), EncryptedKeyMaterial: new Uint8Array([2]), ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' },
      files: { ImportToken: 'import/k/ImportToken.bin', EncryptedKeyMaterial: 'import/k/EncryptedKeyMaterial.bin' },
      region: 'eu-west-2',
    });
    expect(imported).toContain('--import-token fileb://import/k/ImportToken.bin');
    expect(imported).toContain('--encrypted-key-material fileb://import/k/EncryptedKeyMaterial.bin');

    const bypass = cliCommand({ operation: 'PutKeyPolicy', input: { KeyId: 'k', Policy: '{}', BypassPolicyLockoutSafetyCheck: false }, region: 'eu-west-2' });
    expect(bypass).toContain('--no-bypass-policy-lockout-safety-check');
  });

  it('quotes for the shell only what needs it', () => {
    expect(shellWord('alias/tutorial')).toBe('alias/tutorial');
    expect(shellWord('two words')).toBe(`'two words'`);
    expect(shellWord('')).toBe(`''`);
  });

  it('writes the SDK v3 command with the client, the command class and the same members', () => {
    const code = sdkCode({ operation: 'TagResource', input: { KeyId: 'k', Tags: [{ TagKey: 'team', TagValue: 'blue' }] }, region: 'eu-west-2' });
    expect(code).toContain(`import { KMSClient, TagResourceCommand } from '@aws-sdk/client-kms';`);
    expect(code).toContain(`const client = new KMSClient({ region: 'eu-west-2' });`);
    expect(code).toContain('new TagResourceCommand({');
    expect(code).toContain(`KeyId: 'k',`);
    expect(code).toContain(`  Tags: [\n    {\n      TagKey: 'team',\n      TagValue: 'blue',\n    },\n  ],`);
    const policy = sdkCode({ operation: 'PutKeyPolicy', input: { KeyId: 'k', Policy: '{"Version":"2012-10-17"}' }, region: 'eu-west-2' });
    expect(policy).toContain(`Policy: JSON.stringify({\n    Version: '2012-10-17',\n  }),`);
    const blob = sdkCode({ operation: 'ImportKeyMaterial', input: { KeyId: 'k', ImportToken: new Uint8Array([1]) }, files: { ImportToken: 't.bin' }, region: 'eu-west-2' });
    expect(blob).toContain(`import { readFileSync } from 'node:fs';`);
    expect(blob).toContain(`ImportToken: readFileSync('t.bin'),`);
    expect(sdkCode({ operation: 'UpdateKeyDescription', input: { KeyId: 'k', Description: "Bob's" }, region: 'eu-west-2' })).toContain(`Description: "Bob's",`);
  });

  it('generates CLI commands the terminal runs as the console did', async () => {
    const kms = createKms({ quotas: false });
    const shell = createShell({ kms });
    const create = cliCommand({ operation: 'CreateKey', input: { KeySpec: 'SYMMETRIC_DEFAULT', KeyUsage: 'ENCRYPT_DECRYPT', Description: 'made from the console’s code', Tags: [{ TagKey: 'a b', TagValue: "it's" }] }, region: 'eu-west-2' });
    const created = await shell.run(create);
    expect(created.stderr).toBe('');
    expect(created.exitCode).toBe(0);
    const keyId = JSON.parse(created.stdout).KeyMetadata.KeyId as string;
    const [key] = kms.keys();
    expect(key.metadata.KeyId).toBe(keyId);
    expect(key.metadata.Description).toBe('made from the console’s code');
    expect(key.tags).toEqual({ 'a b': "it's" });
    // A key policy as the console holds it (with line breaks) becomes one line; so does any text with a line break.
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' }] }, null, 2);
    const put = cliCommand({ operation: 'PutKeyPolicy', input: { KeyId: keyId, PolicyName: 'default', Policy: policy }, region: 'eu-west-2' });
    expect(put).not.toContain('\n');
    expect((await shell.run(put)).exitCode).toBe(0);
    const described = cliCommand({ operation: 'UpdateKeyDescription', input: { KeyId: keyId, Description: "two\nlines, it's" }, region: 'eu-west-2' });
    expect(described).not.toContain('\n');
    expect((await shell.run(described)).stderr).toBe('');
    expect(kms.keys()[0].metadata.Description).toBe("two\nlines, it's");
    const alias = await shell.run(cliCommand({ operation: 'CreateAlias', input: { AliasName: 'alias/from-code', TargetKeyId: keyId }, region: 'eu-west-2' }));
    expect(alias.exitCode).toBe(0);
    const rotate = await shell.run(cliCommand({ operation: 'EnableKeyRotation', input: { KeyId: keyId, RotationPeriodInDays: 90 }, region: 'eu-west-2' }));
    expect(rotate.exitCode).toBe(0);
    expect(kms.keys()[0].rotation).toMatchObject({ enabled: true, periodDays: 90 });
  });
});
