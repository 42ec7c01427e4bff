/**
 * Test data the Linux way: `head -c N /dev/urandom` and `/dev/zero` (with coreutils' size
 * suffixes), e.g. to meet Encrypt's 4 KB limit. Reading a whole endless device would never end on
 * Linux; here the reader is told so instead of hanging the page. Sizes checked against coreutils 9.1.
 */
import { describe, expect, test } from 'vitest';
import { createKms } from '../../../src/kms/index.ts';
import { seedWorld } from '../../../src/kms/node/seed-world.ts';
import { createShell } from '../../../src/cli/index.ts';

const ENDLESS = (path: string) => `endless device: only a slice can be read in this terminal (e.g. head -c 32 ${path})`;

describe('endless devices', () => {
  test('head -c N takes N bytes of /dev/urandom (random) or /dev/zero (zeros)', async () => {
    const shell = createShell();
    expect(await shell.run('head -c 32 /dev/urandom > a; head -c 32 /dev/urandom > b; wc -c a b')).toMatchObject({ stdout: '32 a\n32 b\n64 total\n', exitCode: 0 });
    expect(shell.fs.readFile('/home/learner/a')).not.toEqual(shell.fs.readFile('/home/learner/b'));
    expect(await shell.run('head -c 4 /dev/zero | xxd -p')).toEqual({ stdout: '00000000\n', stderr: '', exitCode: 0 });
    expect(await shell.run('xxd -l 3 -p /dev/zero')).toEqual({ stdout: '000000\n', stderr: '', exitCode: 0 });
  });

  test.each([
    ['1k', 1024], ['1K', 1024], ['1kB', 1000], ['1kiB', 1024], ['1KiB', 1024], ['1KD', 1000], ['2b', 1024], ['1m', 1048576], ['1mB', 1000000], ['1MiB', 1048576],
  ])('head -c %s counts %i bytes', async (size, bytes) => {
    expect((await createShell().run(`head -c ${size} /dev/zero | wc -c`)).stdout).toBe(`${bytes}\n`);
  });

  test.each(['1g', '1kb', '1c', '1w', '1B', '1Q'])('head -c %s is not a number of bytes', async (size) => {
    expect(await createShell().run(`head -c ${size} /dev/zero`)).toEqual({ stdout: '', stderr: `head: invalid number of bytes: ‘${size}’\n`, exitCode: 1 });
  });

  test('reading a whole endless device says why it cannot, for files and for redirected input', async () => {
    const shell = createShell();
    expect(await shell.run('cat /dev/urandom')).toEqual({ stdout: '', stderr: `cat: /dev/urandom: ${ENDLESS('/dev/urandom')}\n`, exitCode: 1 });
    expect(await shell.run('head -n 1 /dev/zero')).toEqual({
      stdout: '',
      stderr: `head: cannot open '/dev/zero' for reading: ${ENDLESS('/dev/zero')}\n`,
      exitCode: 1,
    });
    expect(await shell.run('base64 < /dev/random')).toEqual({ stdout: '', stderr: `bash: /dev/random: ${ENDLESS('/dev/random')}\n`, exitCode: 1 });
  });

  test('a slice larger than a file may be is refused as the file system refuses it', async () => {
    expect(await createShell().run('head -c 1G /dev/zero')).toEqual({ stdout: '', stderr: "head: cannot open '/dev/zero' for reading: File too large\n", exitCode: 1 });
  });

  test('4097 random bytes meet Encrypt’s 4 KB limit; 4096 do not', async () => {
    const kms = createKms();
    await seedWorld(kms, 'eu-west-2');
    const shell = createShell({ kms });
    await shell.run('head -c 4096 /dev/urandom > fits.bin; head -c 4097 /dev/urandom > too-big.bin');
    expect((await shell.run('aws kms encrypt --key-id alias/tutorial --plaintext fileb://fits.bin --query KeyId --output text')).exitCode).toBe(0);
    const tooBig = await shell.run('aws kms encrypt --key-id alias/tutorial --plaintext fileb://too-big.bin');
    expect(tooBig.exitCode).toBe(254);
    expect(tooBig.stderr).toContain('Member must have length less than or equal to 4096');
  });
});
