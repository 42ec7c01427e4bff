/**
 * Whatever a learner types or pastes, `run` resolves with an exit status and text, and never
 * throws or reports an internal error: thousands of random lines built from shell syntax, random
 * Unicode strings and random bytes go through a shell with files in it.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Shell } from '../../../src/cli/shell/index.ts';
import { fixtureShell } from './fixtures.ts';
import { createFakeAws } from './fake-aws.ts';

const PIECES = [
  'echo', 'printf', 'cat', 'ls', 'rm', 'cp', 'mv', 'mkdir', 'touch', 'head', 'tail', 'wc', 'base64', 'xxd', 'od', 'seq',
  'export', 'unset', 'env', 'cd', 'pwd', 'history', 'clear', 'true', 'false', 'help', 'aws', 'kms', 'encrypt', 'decrypt',
  '-d', '-n', '-c', '-e', '-l', '-a', '-r', '-rf', '-p', '-w', '0', '3', '-1', '--decode', '--', '-A', 'x', '-t', 'x1z',
  'hello.txt', 'bin.dat', 'dir', 'dir/a.txt', 'nofile', 'out', '/', '..', '.', '~', '~/', '/dev/null', 'fileb://hello.txt',
  '|', '||', '&&', ';', '&', '>', '>>', '<', '2>', '2>&1', '&>', '|&', '<<<', '<<', '(', ')', '{', '}', '!',
  "'", '"', '`', '\\', '$', '${', '$(', '$((', "$'", 'X=', 'X=1', '$X', '${X}', '${X:-d}', '${#X}', '$?', '$$', '$0', '$@',
  '*', '?', '[', ']', '[a-z]', '#', '%s', '%d', '%b', '%q', '%5.2f', '%*d', '\\n', '\\x41', '\\0', '\\c', 'é', '🔑', '\u0000',
  '\n', '\t', ' ', ' ', ' ',
];

const shellLine = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 14 }).map((pieces) => pieces.join(''));
const spacedLine = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 14 }).map((pieces) => pieces.join(' '));
const unicodeLine = fc.string({ unit: 'binary', maxLength: 80 });
const byteLine = fc.uint8Array({ maxLength: 120 }).map((bytes) => String.fromCharCode(...bytes));

function newShell(): Shell {
  return fixtureShell({ commands: [createFakeAws()] });
}

async function checkLine(shell: Shell, line: string): Promise<void> {
  const result = await shell.run(line);
  expect(Number.isInteger(result.exitCode)).toBe(true);
  expect(result.exitCode).toBeGreaterThanOrEqual(0);
  expect(result.exitCode).toBeLessThanOrEqual(255);
  expect(typeof result.stdout).toBe('string');
  expect(typeof result.stderr).toBe('string');
  expect(result.stderr).not.toContain('internal error');
}

describe('fuzzing run()', () => {
  test.each([
    ['shell syntax glued together', shellLine, 2000],
    ['shell words separated by spaces', spacedLine, 2000],
    ['random Unicode', unicodeLine, 1000],
    ['random bytes', byteLine, 1000],
  ] as const)('%s: always resolves with a status, never an internal error', async (_name, lines, numRuns) => {
    // One shell per batch of lines, so state left by one line (files, variables, cwd) meets the next.
    let shell = newShell();
    let count = 0;
    await fc.assert(
      fc.asyncProperty(lines, async (line) => {
        if (count++ % 50 === 0) shell = newShell();
        await checkLine(shell, line);
      }),
      { numRuns },
    );
    // The shell still works afterwards.
    expect((await shell.run('echo alive')).stdout).toBe('alive\n');
  }, 240_000);

  test('sequences of lines on one shell keep it usable', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(shellLine, { minLength: 1, maxLength: 8 }), async (lines) => {
        const shell = newShell();
        for (const line of lines) await checkLine(shell, line);
        expect((await shell.run('echo ok')).stdout).toBe('ok\n');
      }),
      { numRuns: 300 },
    );
  }, 240_000);
});
