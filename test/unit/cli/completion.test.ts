/** Tab completion: command names first, then file names (with shell characters escaped). */
import { describe, expect, test } from 'vitest';
import { createShell } from '../../../src/cli/shell/index.ts';

function shellWithFiles() {
  return createShell({ files: { 'notes.txt': '', 'notes two.txt': '', 'data/a.bin': '', 'data/b.bin': '', '.hidden': '' } });
}

describe('completion', () => {
  test('command names in command position', async () => {
    const shell = createShell();
    expect(await shell.complete('ba')).toEqual({ replaceFrom: 0, candidates: ['base64'] });
    expect((await shell.complete('')).candidates).toContain('echo');
    expect(await shell.complete('echo a | he')).toEqual({ replaceFrom: 9, candidates: ['head', 'help'] });
    expect(await shell.complete('X=1 ca')).toEqual({ replaceFrom: 4, candidates: ['cat'] });
  });

  test('file names after the command, directories with a slash, spaces escaped', async () => {
    const shell = shellWithFiles();
    expect(await shell.complete('cat no')).toEqual({ replaceFrom: 4, candidates: ['notes\\ two.txt', 'notes.txt'] });
    expect(await shell.complete('cat da')).toEqual({ replaceFrom: 4, candidates: ['data/'] });
    expect(await shell.complete('cat data/')).toEqual({ replaceFrom: 4, candidates: ['data/a.bin', 'data/b.bin'] });
    expect((await shell.complete('cat ')).candidates).not.toContain('.hidden');
    expect((await shell.complete('cat .h')).candidates).toEqual(['.hidden']);
  });

  test('after a redirection, a file name', async () => {
    const shell = shellWithFiles();
    expect(await shell.complete('echo x > no')).toEqual({ replaceFrom: 9, candidates: ['notes\\ two.txt', 'notes.txt'] });
  });

  test('the cursor position decides which word is completed', async () => {
    const shell = shellWithFiles();
    expect(await shell.complete('ca notes.txt', 2)).toEqual({ replaceFrom: 0, candidates: ['cat'] });
  });

  test('a quoted partial word completes too', async () => {
    const shell = shellWithFiles();
    expect((await shell.complete('cat "notes t')).candidates).toEqual(['notes\\ two.txt']);
  });

  test('nothing matches: no candidates', async () => {
    expect((await shellWithFiles().complete('cat zzz')).candidates).toEqual([]);
  });
});
