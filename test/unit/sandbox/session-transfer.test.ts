/** Export and import of the non-secret parts: key material never leaves, and the import says so. */
import { describe, expect, it } from 'vitest';
import { EXPORT_NOTE, memoryStorage, SandboxImportError, SEED_FILES, type SandboxSession } from '../../../src/lessons/sandbox/index.ts';
import { createKey, DECRYPT, ENCRYPT, HOME, session } from './support.ts';

describe('export and import', () => {
  it('exports the non-secret parts with a note, and imports them as new key material with the same ids, aliases and policies', async () => {
    const s = await session();
    await s.shell.run(ENCRYPT);
    const keyId = await createKey(s, 'exported');
    await s.shell.run(`aws kms tag-resource --key-id ${keyId} --tags TagKey=team,TagValue=blue`);
    await s.shell.run(`aws kms create-alias --alias-name alias/exported --target-key-id ${keyId}`);
    const text = s.exportJson();
    const exported = JSON.parse(text);
    expect(exported).toMatchObject({ format: 'kms-lab-sandbox-export', version: 1, note: EXPORT_NOTE });
    expect(exported.note).toMatch(/Key material cannot leave KMS/);
    expect(text).not.toMatch(/CryptoKey|"token"/);

    const policyBefore = (await s.call('GetKeyPolicy', { KeyId: keyId })).Policy;
    const target = await session();
    const report = await target.importJson(text);
    expect(report).toMatchObject({ keys: 2, aliases: 2 });
    expect(report.note).toMatch(/NEW key material/);
    expect(target.generation).toBe(1);

    const ids = (x: SandboxSession) => x.kms.keys().map((k) => [k.metadata.KeyId, k.aliases, k.tags, k.metadata.Description]);
    expect(ids(target)).toEqual(ids(s));
    expect((await target.call('GetKeyPolicy', { KeyId: keyId })).Policy).toBe(policyBefore);
    expect(target.fs.readFile(`${HOME}/secret.enc`)).toEqual(s.fs.readFile(`${HOME}/secret.enc`));
    expect(target.kms.audit.events.length).toBeGreaterThanOrEqual(s.kms.audit.events.length);

    // The honest consequence: the old ciphertext names the same key, but its material is new.
    const old = await target.shell.run('aws kms decrypt --ciphertext-blob fileb://secret.enc');
    expect(old.exitCode).toBe(254);
    expect(old.stderr).toContain('InvalidCiphertextException');
    // New encryptions work as before.
    expect(await target.shell.run(`${ENCRYPT} && ${DECRYPT}`)).toEqual({ stdout: SEED_FILES['secret.txt'], stderr: '', exitCode: 0 });
  });

  it('an import takes effect even when it cannot be saved, and says so in saveProblem', async () => {
    const text = (await session()).exportJson();
    const full = { ...memoryStorage(), save: () => Promise.reject(new Error('quota exceeded')) };
    const target = await session(full);
    await expect(target.importJson(text)).resolves.toMatchObject({ keys: 1 });
    expect(target.generation).toBe(1);
    expect(target.saveProblem).toMatch(/quota exceeded/);
  });

  it('a new key after an import does not reuse an imported key id', async () => {
    const s = await session();
    const target = await session();
    await target.importJson(s.exportJson());
    const fresh = await createKey(target);
    expect(s.kms.keys().map((k) => k.metadata.KeyId)).not.toContain(fresh);
  });

  it('refuses a broken file with every problem and where it is, and leaves the sandbox as it was', async () => {
    const s = await session();
    const before = s.kms.keys();
    await expect(s.importJson('{ not json')).rejects.toThrow(/it is not JSON/);
    const document = JSON.parse(s.exportJson());
    document.kms.keys[0].keySpec = 'AES_9000';
    document.kms.aliases.push({ ...document.kms.aliases[0], aliasName: 'alias/dangling', targetKeyId: '00000000-0000-4000-8000-000000000000' });
    const failure = await s.importJson(JSON.stringify(document)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SandboxImportError);
    expect((failure as SandboxImportError).problems[0]).toMatch(/^kms\.keys\.0\.keySpec: /);

    const dangling = JSON.parse(s.exportJson());
    dangling.kms.aliases.push({ ...dangling.kms.aliases[0], aliasName: 'alias/dangling', targetKeyId: '00000000-0000-4000-8000-000000000000' });
    dangling.files = { version: 1, home: 'relative' };
    const problems = ((await s.importJson(JSON.stringify(dangling)).catch((error: unknown) => error)) as SandboxImportError).problems;
    expect(problems).toEqual([expect.stringMatching(/^kms\.aliases\.1: alias\/dangling points to key 0{8}-/), expect.stringMatching(/^files: /)]);

    const otherVersion = { ...JSON.parse(s.exportJson()), version: 7 };
    await expect(s.importJson(JSON.stringify(otherVersion))).rejects.toThrow(/version 7 cannot be read/);
    expect(s.kms.keys()).toEqual(before);
    expect(s.generation).toBe(0);
  });
});
