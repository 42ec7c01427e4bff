/** The sandbox across visits: saving, restoring, corrupt or refused storage, reset. */
import { describe, expect, it, vi } from 'vitest';
import { createSandboxSession, memoryStorage, SEED_FILES } from '../../../src/lessons/sandbox/index.ts';
import { MS_PER_DAY } from '../../../src/sim/core/clock.ts';
import { ALICE, createKey, DECRYPT, ENCRYPT, HOME, session } from './support.ts';

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

  it("a restored sandbox's terminal never repeats the request ids of the earlier visit, and its calls carry the principal's address", async () => {
    const storage = memoryStorage();
    const first = await session(storage);
    await first.shell.run('aws kms list-keys');
    await first.shell.run('aws kms list-aliases');
    await first.save();
    first.dispose();
    const second = await session(storage);
    await second.shell.run('aws kms list-keys');
    await second.shell.run('aws kms list-aliases');
    const terminalCalls = second.kms.audit.events.filter((e) => e.eventType === 'AwsApiCall' && e.userAgent.includes('KMS Lab terminal'));
    expect(terminalCalls).toHaveLength(4);
    expect(new Set(terminalCalls.map((e) => e.requestID)).size).toBe(4);
    expect(terminalCalls.at(-1)?.sourceIPAddress).toBe(second.world.callContext().sourceIp);
  });

  it('saves by itself shortly after a change', async () => {
    const storage = memoryStorage();
    const s = await createSandboxSession({ storage, autosaveDelayMs: 5 });
    expect(await storage.load()).toBeUndefined(); // a fresh sandbox is not written until something changes
    await s.shell.run('echo saved by itself > auto.txt');
    await vi.waitFor(async () => expect(await storage.load()).toBeDefined(), { timeout: 5000 });
    s.dispose();
    const again = await session(storage);
    expect(new TextDecoder().decode(again.fs.readFile(`${HOME}/auto.txt`))).toBe('saved by itself\n');
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

  it('a failing save is reported in saveProblem, subscribers hear it come and go', async () => {
    let failing = true;
    const storage = { ...memoryStorage(), save: () => (failing ? Promise.reject(new Error('disk full')) : Promise.resolve()) };
    const s = await session(storage);
    let heard = 0;
    s.subscribe(() => heard++);
    await expect(s.save()).rejects.toThrow(/could not be saved \(disk full\)/);
    expect([s.saveProblem, heard]).toEqual(['The sandbox could not be saved (disk full).', 1]);
    failing = false;
    await s.save();
    expect([s.saveProblem, heard]).toEqual([undefined, 2]);
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

  it('reset() still starts fresh when the storage cannot forget, and says so', async () => {
    const storage = { ...memoryStorage(), clear: () => Promise.reject(new Error('read-only')) };
    const s = await session(storage);
    await createKey(s);
    await s.reset();
    expect(s.kms.keys()).toHaveLength(1);
    expect(s.saveProblem).toMatch(/could not be removed \(read-only\)/);
    await s.save();
    expect(s.saveProblem).toBeUndefined();
  });
});
