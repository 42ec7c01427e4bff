/**
 * The files every shell test starts with, and helpers to run lines. The same fixtures are written
 * to a real temporary directory for the bash parity test, so both shells see identical bytes.
 */
import { createShell, type ShellOptions } from '../../../src/cli/shell/index.ts';

const allBytes = new Uint8Array(256);
for (let i = 0; i < 256; i++) allBytes[i] = i;

export const FIXTURE_FILES: Record<string, string | Uint8Array> = {
  'hello.txt': 'hello world\n',
  'lines.txt': Array.from({ length: 15 }, (_, i) => `line ${i + 1}`).join('\n') + '\n',
  'secret.txt': 'This is my secret',
  'bin.dat': allBytes,
  'words.txt': 'the quick  brown\tfox\n\njumps over\n',
  'empty': '',
  'dir/a.txt': 'in a dir\n',
  'dir/.hidden': 'hidden\n',
};

export function fixtureShell(options: ShellOptions = {}) {
  return createShell({ files: FIXTURE_FILES, ...options });
}

/** Runs lines in order on one shell and returns the last result. */
export async function runAll(shell: ReturnType<typeof createShell>, ...lines: string[]) {
  let result = await shell.run(lines[0]);
  for (const line of lines.slice(1)) result = await shell.run(line);
  return result;
}
