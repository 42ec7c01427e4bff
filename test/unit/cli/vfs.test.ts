/** The virtual file system: bytes in and out, POSIX errors, limits, and the saved form. */
import { describe, expect, test } from 'vitest';
import { VirtualFileSystem, VfsError, loadFileSystem, resolvePath, saveFileSystem, tildePath, limits } from '../../../src/cli/vfs/index.ts';

const bytes = (...values: number[]) => Uint8Array.from(values);

function errorCode(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof VfsError) return error.code;
    throw error;
  }
  return undefined;
}

describe('paths', () => {
  test('relative paths, ~, . and .. resolve against the working directory and home', () => {
    expect(resolvePath('/home/learner', 'a/b', '/home/learner')).toBe('/home/learner/a/b');
    expect(resolvePath('/tmp', '~/x', '/home/learner')).toBe('/home/learner/x');
    expect(resolvePath('/home/learner', '../../etc/./x/..', '/home/learner')).toBe('/etc');
    expect(resolvePath('/', '..', '/home/learner')).toBe('/');
    expect(resolvePath('/home/learner', '/abs//path/', '/home/learner')).toBe('/abs/path');
  });

  test('the prompt shows home as ~', () => {
    expect(tildePath('/home/learner', '/home/learner')).toBe('~');
    expect(tildePath('/home/learner/d', '/home/learner')).toBe('~/d');
    expect(tildePath('/home/learnerx', '/home/learner')).toBe('/home/learnerx');
  });
});

describe('files and directories', () => {
  test('starts with the home directory and /tmp', () => {
    const fs = new VirtualFileSystem();
    expect(fs.home).toBe('/home/learner');
    expect(fs.isDirectory('/home/learner')).toBe(true);
    expect(fs.isDirectory('/tmp')).toBe(true);
  });

  test('stores every byte value exactly and copies on write', () => {
    const fs = new VirtualFileSystem();
    const data = new Uint8Array(256).map((_, i) => i);
    fs.writeFile('/home/learner/all', data);
    data[0] = 99;
    expect(fs.readFile('/home/learner/all')[0]).toBe(0);
    expect(fs.readFile('/home/learner/all')).toEqual(new Uint8Array(256).map((_, i) => i));
  });

  test('append extends a file', () => {
    const fs = new VirtualFileSystem();
    fs.writeFile('/tmp/f', bytes(1, 2));
    fs.writeFile('/tmp/f', bytes(3), { append: true });
    expect(fs.readFile('/tmp/f')).toEqual(bytes(1, 2, 3));
    expect(fs.stat('/tmp/f')).toMatchObject({ kind: 'file', size: 3 });
  });

  test('POSIX errors for the usual mistakes', () => {
    const fs = new VirtualFileSystem();
    fs.writeFile('/tmp/f', bytes(1));
    fs.mkdir('/tmp/d');
    fs.writeFile('/tmp/d/x', bytes(1));
    expect(errorCode(() => fs.readFile('/tmp/none'))).toBe('ENOENT');
    expect(errorCode(() => fs.readFile('/tmp/d'))).toBe('EISDIR');
    expect(errorCode(() => fs.readFile('/tmp/f/x'))).toBe('ENOTDIR');
    expect(errorCode(() => fs.writeFile('/tmp/none/x', bytes()))).toBe('ENOENT');
    expect(errorCode(() => fs.writeFile('/tmp/d', bytes()))).toBe('EISDIR');
    expect(errorCode(() => fs.mkdir('/tmp/d'))).toBe('EEXIST');
    expect(errorCode(() => fs.mkdir('/tmp/a/b'))).toBe('ENOENT');
    expect(errorCode(() => fs.remove('/tmp/d'))).toBe('ENOTEMPTY');
    expect(errorCode(() => fs.readdir('/tmp/f'))).toBe('ENOTDIR');
    expect(errorCode(() => fs.rename('/tmp/d', '/tmp/d/inside'))).toBe('EINVAL');
    expect(errorCode(() => fs.writeFile('/tmp/' + 'n'.repeat(256), bytes()))).toBe('ENAMETOOLONG');
    expect(new VfsError('ENOENT', '/x').message).toBe('No such file or directory');
  });

  test('mkdir -p creates parents and accepts existing directories', () => {
    const fs = new VirtualFileSystem();
    fs.mkdir('/home/learner/a/b/c', { parents: true });
    fs.mkdir('/home/learner/a/b', { parents: true });
    expect(fs.readdir('/home/learner/a/b')).toEqual(['c']);
  });

  test('readdir sorts bytewise, remove -r removes trees, rename moves them', () => {
    const fs = new VirtualFileSystem();
    for (const name of ['b', 'B', 'a', '.h']) fs.writeFile(`/tmp/${name}`, bytes());
    expect(fs.readdir('/tmp')).toEqual(['.h', 'B', 'a', 'b']);
    fs.mkdir('/tmp/t/u', { parents: true });
    fs.writeFile('/tmp/t/u/f', bytes(7));
    fs.rename('/tmp/t', '/home/learner/t2');
    expect(fs.readFile('/home/learner/t2/u/f')).toEqual(bytes(7));
    fs.remove('/home/learner/t2', { recursive: true });
    expect(fs.exists('/home/learner/t2')).toBe(false);
  });

  test('modification times come from the given clock', () => {
    let now = Date.UTC(2026, 4, 1);
    const fs = new VirtualFileSystem({ clock: { now: () => now } });
    fs.writeFile('/tmp/f', bytes());
    now += 60_000;
    fs.touch('/tmp/f');
    expect(fs.stat('/tmp/f')?.mtime).toBe(Date.UTC(2026, 4, 1) + 60_000);
  });

  test('instances share nothing', () => {
    const a = new VirtualFileSystem();
    const b = new VirtualFileSystem();
    a.writeFile('/tmp/only-in-a', bytes(1));
    expect(b.exists('/tmp/only-in-a')).toBe(false);
  });
});

const HEAVY = 30_000; // 64 MiB buffers on a shared machine

describe('limits', () => {
  test('a file larger than 64 MiB is refused with EFBIG, and append counts the existing bytes', () => {
    const fs = new VirtualFileSystem();
    expect(errorCode(() => fs.writeFile('/tmp/big', new Uint8Array(limits.MAX_FILE_BYTES + 1)))).toBe('EFBIG');
    fs.writeFile('/tmp/big', new Uint8Array(limits.MAX_FILE_BYTES));
    expect(errorCode(() => fs.writeFile('/tmp/big', bytes(1), { append: true }))).toBe('EFBIG');
  }, HEAVY);

  test('the whole file system is capped in bytes and in entries', () => {
    const fs = new VirtualFileSystem();
    const chunk = new Uint8Array(limits.MAX_FILE_BYTES);
    let code: string | undefined;
    for (let i = 0; i < 10 && !code; i++) code = errorCode(() => fs.writeFile(`/tmp/f${i}`, chunk));
    expect(code).toBe('ENOSPC');
    const small = new VirtualFileSystem();
    let entries: string | undefined;
    for (let i = 0; i < limits.MAX_ENTRIES + 5 && !entries; i++) entries = errorCode(() => small.writeFile(`/tmp/e${i}`, bytes()));
    expect(entries).toBe('ENOSPC');
  }, HEAVY);

  test('removing files gives the space back', () => {
    const fs = new VirtualFileSystem();
    const chunk = new Uint8Array(limits.MAX_FILE_BYTES);
    // Five 64 MiB files in turn add up to more than the 256 MiB the file system holds at once.
    for (let i = 0; i < 5; i++) {
      fs.writeFile('/tmp/f', chunk);
      fs.remove('/tmp/f');
    }
    expect(fs.exists('/tmp/f')).toBe(false);
  }, HEAVY);
});

describe('saved form', () => {
  test('round-trips directories, bytes and times through JSON', () => {
    const fs = new VirtualFileSystem({ clock: { now: () => Date.UTC(2026, 1, 2, 3, 4) } });
    fs.mkdir('/home/learner/d/e', { parents: true });
    fs.writeFile('/home/learner/d/bin', bytes(0, 255, 128, 10));
    fs.writeFile('/home/learner/empty', bytes());
    const json = JSON.parse(JSON.stringify(saveFileSystem(fs)));
    const restored = loadFileSystem(json);
    expect(restored.readFile('/home/learner/d/bin')).toEqual(bytes(0, 255, 128, 10));
    expect(restored.readFile('/home/learner/empty')).toEqual(bytes());
    expect(restored.isDirectory('/home/learner/d/e')).toBe(true);
    expect(restored.stat('/home/learner/d/bin')?.mtime).toBe(Date.UTC(2026, 1, 2, 3, 4));
    expect(saveFileSystem(restored)).toEqual(json);
  });

  test('rejects data that is not a saved file system, with a reason', () => {
    expect(() => loadFileSystem({ version: 2, home: '/h', entries: [] })).toThrow(/saved file system is invalid/);
    expect(() => loadFileSystem({ version: 1, home: '/h', entries: [{ kind: 'file', path: 'rel', mtime: 0, base64: '' }] })).toThrow(
      /invalid/,
    );
    expect(() =>
      loadFileSystem({ version: 1, home: '/h', entries: [{ kind: 'file', path: '/h/x', mtime: 0, base64: '!!' }] }),
    ).toThrow('saved file system is invalid: /h/x is not valid base64');
    expect(() => loadFileSystem('nonsense')).toThrow(/invalid/);
  });
});
