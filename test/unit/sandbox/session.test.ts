/**
 * The sandbox session as the console and the terminal use it: assembled parts, act-as, model time,
 * saving and restoring, a corrupt save, reset, export and import.
 */
import { describe, expect, it } from 'vitest';
import {
  createSandboxSession, EXPORT_NOTE, memoryStorage, SandboxImportError, SEED_FILES, type SandboxSession,
} from '../../../src/lessons/sandbox/index.ts';
import { MS_PER_DAY } from '../../../src/sim/core/clock.ts';

const ENCRYPT = 'aws kms encrypt --key-id alias/tutorial --plaintext fileb://secret.txt --output text --query CiphertextBlob | base64 --decode > secret.enc';
const DECRYPT = 'aws kms decrypt --ciphertext-blob fileb://secret.enc --output text --query Plaintext | base64 --decode';
const ALICE = 'arn:aws:iam::111122223333:user/alice';
const BOB = 'arn:aws:iam::111122223333:user/bob';
const HOME = '/home/learner';

/** A session that saves only when told (the automatic save is tested on its own). */
const session = (storage = memoryStorage()) => createSandboxSession({ storage, autosaveDelayMs: 60_000 });

async function createKey(s: SandboxSession, description = 'made in the test'): Promise<string> {
  const { stdout, exitCode } = await s.shell.run(`aws kms create-key --description "${description}" --query KeyMetadata.KeyId --output text`);
  expect(exitCode).toBe(0);
  return stdout.trim();
}

describe('a fresh sandbox', () => {
  it("runs the seed's encrypt and decrypt commands in the terminal and gives the original file back", async () => {
    const s = await session();
    expect(await s.shell.run(ENCRYPT)).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(s.fs.readFile(`${HOME}/secret.enc`).length).toBeGreaterThan(SEED_FILES['secret.txt'].length);
    expect(await s.shell.run(DECRYPT)).toEqual({ stdout: SEED_FILES['secret.txt'], stderr: '', exitCode: 0 });
  });

  it('has alias/tutorial on a symmetric key of Example Corp in eu-west-2, on the model clock, as alice', async () => {
    const s = await session();
    expect(s.region).toBe('eu-west-2');
    expect(s.kms.accountId).toBe('111122223333');
    expect(s.kms.clock).toBe(s.clock);
    expect(s.world.current).toBe(ALICE);
    const [tutorial] = s.kms.keys({ region: 'eu-west-2' });
    expect(tutorial).toMatchObject({ aliases: ['alias/tutorial'], metadata: { KeySpec: 'SYMMETRIC_DEFAULT', KeyUsage: 'ENCRYPT_DECRYPT', KeyState: 'Enabled' } });
    expect(s.restoreNotice).toBeUndefined();
  });

  it('two fresh sandboxes with the same seed are the same (key ids come from the seed)', async () => {
    const [a, b] = [await session(), await session()];
    expect(a.kms.keys()[0].metadata.KeyId).toBe(b.kms.keys()[0].metadata.KeyId);
  });
});

describe('acting as another principal', () => {
  it('changes the caller of the terminal and of console calls: bob has no KMS permissions', async () => {
    const s = await session();
    s.world.actAs(BOB);
    const denied = await s.shell.run('aws kms encrypt --key-id alias/tutorial --plaintext fileb://secret.txt');
    expect(denied.exitCode).toBe(254);
    expect(denied.stderr).toContain('AccessDeniedException');
    expect(denied.stderr).toContain(BOB);
    await expect(s.call('DescribeKey', { KeyId: 'alias/tutorial' })).rejects.toMatchObject({ code: 'AccessDeniedException' });
    expect(s.kms.audit.events.at(-1)!.userIdentity.arn).toBe(BOB);

    s.world.actAs(ALICE);
    expect((await s.shell.run('aws kms describe-key --key-id alias/tutorial --query KeyMetadata.KeyState --output text')).stdout).toBe('Enabled\n');
  });
});

describe('model time', () => {
  it('advancing past a deletion window deletes the key', async () => {
    const s = await session();
    const keyId = await createKey(s);
    expect((await s.shell.run(`aws kms schedule-key-deletion --key-id ${keyId} --pending-window-in-days 7`)).exitCode).toBe(0);
    await s.advance(6 * MS_PER_DAY);
    expect(s.kms.keys().find((k) => k.metadata.KeyId === keyId)?.metadata.KeyState).toBe('PendingDeletion');
    await s.advance(1 * MS_PER_DAY);
    expect(s.kms.keys().some((k) => k.metadata.KeyId === keyId)).toBe(false);
    const described = await s.shell.run(`aws kms describe-key --key-id ${keyId}`);
    expect(described).toMatchObject({ exitCode: 254 });
    expect(described.stderr).toContain('NotFoundException');
  });
});

describe('subscribe', () => {
  it('fires after a KMS call, a terminal line, act-as and a clock step', async () => {
    const s = await session();
    let count = 0;
    const stop = s.subscribe(() => count++);
    const seen = async (change: () => unknown) => {
      const before = count;
      await change();
      return count > before;
    };
    expect(await seen(() => s.call('ListKeys', {}))).toBe(true);
    expect(await seen(() => s.shell.run('echo hi > note.txt'))).toBe(true);
    expect(await seen(() => s.world.actAs(BOB))).toBe(true);
    expect(await seen(() => s.advance(1000))).toBe(true);
    stop();
    expect(await seen(() => s.advance(1000))).toBe(false);
    s.dispose();
  });
});

describe('saving and restoring', () => {
  it('a new session from the same storage has the same keys, aliases, files, history and principal, and old ciphertext decrypts', async () => {
    const storage = memoryStorage();
    const first = await session(storage);
    await first.shell.run(ENCRYPT);
    const keyId = await createKey(first, 'second key');
    await first.shell.run(`aws kms create-alias --alias-name alias/second --target-key-id ${keyId}`);
    await first.shell.run(`aws kms schedule-key-deletion --key-id ${keyId} --pending-window-in-days 7`);
    await first.shell.run('mkdir work && cd work');
    first.world.actAs('arn:aws:iam::111122223333:user/carol');
    await first.advance(MS_PER_DAY);
    await first.save();
    first.dispose();

    const second = await session(storage);
    expect(second.restoreNotice).toBeUndefined();
    expect(second.kms.keys()).toEqual(first.kms.keys());
    expect(second.kms.aliases({ region: 'eu-west-2' })).toEqual(first.kms.aliases({ region: 'eu-west-2' }));
    expect(second.fs.readFile(`${HOME}/secret.enc`)).toEqual(first.fs.readFile(`${HOME}/secret.enc`));
    expect(second.shell.history).toEqual(first.shell.history);
    expect(second.shell.cwd).toBe(`${HOME}/work`);
    expect(second.world.current).toBe('arn:aws:iam::111122223333:user/carol');
    expect(second.clock.now()).toBe(first.clock.now());
    expect(second.kms.audit.events).toEqual(first.kms.audit.events);

    second.world.actAs(ALICE);
    expect(await second.shell.run(`cd ~ && ${DECRYPT}`)).toEqual({ stdout: SEED_FILES['secret.txt'], stderr: '', exitCode: 0 });
    // The pending deletion is still pending, and still happens when its day comes.
    await second.advance(6 * MS_PER_DAY);
    expect(second.kms.keys().some((k) => k.metadata.KeyId === keyId)).toBe(false);
  });

  it('saves by itself shortly after a change', async () => {
    const storage = memoryStorage();
    const s = await createSandboxSession({ storage, autosaveDelayMs: 5 });
    await s.shell.run('echo saved by itself > auto.txt');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await s.save(); // waits for any save in flight
    const again = await session(storage);
    expect(new TextDecoder().decode(again.fs.readFile(`${HOME}/auto.txt`))).toBe('saved by itself\n');
    s.dispose();
  });

  it.each([
    ['not a sandbox at all', 'garbage', /not a saved KMS Lab sandbox/],
    ['another format version', { format: 'kms-lab-sandbox', version: 99 }, /format version 99/],
  ])('a corrupt save (%s) is reported and replaced by a fresh sandbox, never a crash', async (_name, saved, reason) => {
    const storage = memoryStorage(saved);
    const s = await session(storage);
    expect(s.restoreNotice).toMatch(reason);
    expect(s.restoreNotice).toMatch(/reset/);
    expect(s.kms.keys()[0].aliases).toEqual(['alias/tutorial']);
    expect(await storage.load()).toBeUndefined();
  });

  it('a save whose KMS state is damaged is reported with where the damage is', async () => {
    const storage = memoryStorage();
    const first = await session(storage);
    await first.save();
    const saved = (await storage.load()) as { kms: { store: { keys: { backing: { key: unknown }[] }[] } } };
    saved.kms.store.keys[0].backing[0].key = 'exported bytes?';
    const s = await session(memoryStorage(saved));
    expect(s.restoreNotice).toMatch(/store\.keys\.0\.backing\.0\.key/);
    expect(await s.shell.run(ENCRYPT)).toMatchObject({ exitCode: 0 });
  });

  it('a storage the browser refuses is reported, and the sandbox still works for this visit', async () => {
    const refusing = { load: () => Promise.reject(new Error('blocked')), save: () => Promise.reject(new Error('blocked')), clear: () => Promise.resolve() };
    const s = await session(refusing);
    expect(s.restoreNotice).toMatch(/only for this visit/);
    await expect(s.save()).resolves.toBeUndefined();
  });

  it('reset() forgets the saved sandbox and starts fresh; subscribers hear it and read the new parts', async () => {
    const storage = memoryStorage();
    const s = await session(storage);
    await createKey(s);
    await s.save();
    const oldKms = s.kms;
    let heard = 0;
    s.subscribe(() => heard++);
    await s.reset();
    expect(heard).toBeGreaterThan(0);
    expect(s.generation).toBe(1);
    expect(s.kms).not.toBe(oldKms);
    expect(s.kms.keys()).toHaveLength(1);
    expect(await storage.load()).toBeUndefined();
    expect((await s.shell.run('cat secret.txt')).stdout).toBe(SEED_FILES['secret.txt']);
  });
});

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
