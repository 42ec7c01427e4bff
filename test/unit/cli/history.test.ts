/**
 * `history` against the real thing: each scenario's lines are typed into an interactive GNU bash
 * (history is only kept by an interactive shell, so `bash -c` cannot be used as bash-parity does)
 * and into the emulated shell; stdout, stderr and every exit status must match. An interactive
 * bash reading a pipe echoes the lines it reads and job-control notes on stderr; those are removed.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { createShell } from '../../../src/cli/shell/index.ts';

const hasBash = spawnSync('bash', ['--version']).status === 0;
if (!hasBash) console.warn('SKIPPED history.test.ts parity: GNU bash is not installed');

const SCENARIOS: string[][] = [
  ['echo a', 'echo b', 'history -d 2', 'history'],
  ['echo a', 'echo b', 'history -d -1', 'history'],
  ['echo a', 'echo b', 'history -d -3', 'history'],
  ['echo a', 'echo b', 'history -d -4', 'history'],
  ['echo a', 'echo b', 'echo c', 'history -d 1-2', 'history'],
  ['echo a', 'echo b', 'echo c', 'history -d 2-1', 'history'],
  ['echo a', 'echo b', 'echo c', 'history -d -3--2', 'history'],
  ['echo a', 'echo b', 'echo c', 'history -d 2-9', 'history'],
  ['echo a', 'echo b', 'echo c', 'history -d x-2', 'history'],
  ['echo a', 'history -d 5'],
  ['echo a', 'history -d abc'],
  ['echo a', 'history -d ""'],
  ['echo a', 'history -d1', 'history'],
  ['echo a', 'history -c 3', 'history'],
  ['echo a', 'history -p a b', 'history'],
  ['echo a', 'history -s x y', 'history'],
  ['echo a', 'history -5'],
  ['echo a', 'history -- 1'],
  ['echo a', 'history -x'],
  ['echo a', 'history -d'],
  ['echo a', 'history 1 2'],
  ['echo a', 'history " 1"'],
  ['echo a', 'history -cd 1'],
  ['echo a', 'history 0'],
  ['echo a', 'history x'],
];

function inBash(lines: readonly string[]): { stdout: string; stderr: string } {
  const bash = spawnSync('bash', ['--norc', '--noprofile', '-i'], {
    input: lines.join('\n') + '\n',
    env: { HISTFILE: '/dev/null', PS1: '', PS2: '', TERM: 'dumb', PATH: process.env.PATH ?? '/usr/bin:/bin' },
    encoding: 'utf8',
  });
  const stderr = bash.stderr
    .split('\n')
    .filter((line) => line !== '' && line !== 'exit' && !lines.includes(line) && !/cannot set terminal process group|no job control/.test(line))
    .map((line) => line + '\n')
    .join('');
  return { stdout: bash.stdout, stderr };
}

async function inEmulator(lines: readonly string[]): Promise<{ stdout: string; stderr: string }> {
  const shell = createShell();
  let stdout = '';
  let stderr = '';
  for (const line of lines) {
    const result = await shell.run(line);
    stdout += result.stdout;
    stderr += result.stderr;
  }
  return { stdout, stderr };
}

describe.skipIf(!hasBash)('history, as an interactive bash 5 keeps it', () => {
  test.each(SCENARIOS.map((lines) => [lines.join(' ⏎ '), lines] as const))('%s', async (_name, lines) => {
    // After every `history` line, its exit status.
    const typed = lines.flatMap((line) => (line.startsWith('history') ? [line, 'echo $?'] : [line]));
    expect(await inEmulator(typed)).toEqual(inBash(typed));
  });
});

describe('history, what is not simulated', () => {
  test('history files (-a -n -r -w) say so instead of pretending', async () => {
    const result = await createShell().run('history -w');
    expect(result).toEqual({
      stdout: '',
      stderr: 'bash: history: -w: history files are not simulated in this terminal (the sandbox saves its history itself)\n',
      exitCode: 1,
    });
  });
});
