/** The sandbox session as the console and the terminal use it: its parts, act-as, model time, change notices. */
import { describe, expect, it } from 'vitest';
import { SEED_FILES } from '../../../src/lessons/sandbox/index.ts';
import { MS_PER_DAY } from '../../../src/sim/core/clock.ts';
import { ALICE, BOB, createKey, DECRYPT, ENCRYPT, HOME, session } from './support.ts';

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

  it('refuses to run the clock past the end of year 9999 (and backwards), and nothing changes', async () => {
    const s = await session();
    const now = s.clock.now();
    await expect(s.advance(10_000 * 365 * MS_PER_DAY)).rejects.toThrow(/end of year 9999/);
    await expect(s.advance(-1)).rejects.toThrow(RangeError);
    expect(s.clock.now()).toBe(now);
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

