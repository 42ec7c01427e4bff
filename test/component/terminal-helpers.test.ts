/** The terminal's pure helpers: completion as readline applies it, history browsing, the bounded screen. */
import { describe, expect, it } from 'vitest';
import { applyCompletion } from '../../src/ui/terminal/complete-line';
import { HistoryNavigator } from '../../src/ui/terminal/history-navigator';
import { boundEntries, clipForScreen, entryLines, shownCandidates, MAX_CANDIDATES_SHOWN, type Entry } from '../../src/ui/terminal/transcript';

describe('applyCompletion', () => {
  it('replaces the word with the only candidate and adds a space, not after a directory or a --flag=', () => {
    expect(applyCompletion('cat se', 6, { replaceFrom: 4, candidates: ['secret.txt'] })).toEqual({ line: 'cat secret.txt ', cursor: 15 });
    expect(applyCompletion('cd wo', 5, { replaceFrom: 3, candidates: ['work/'] })).toEqual({ line: 'cd work/', cursor: 8 });
    expect(applyCompletion('x --a', 5, { replaceFrom: 2, candidates: ['--abc='] })).toEqual({ line: 'x --abc=', cursor: 8 });
  });

  it('completes in the middle of a line and keeps what follows the cursor', () => {
    const done = applyCompletion('cat se > out', 6, { replaceFrom: 4, candidates: ['secret.txt'] });
    expect(done).toEqual({ line: 'cat secret.txt > out', cursor: 14 });
  });

  it('inserts the common part of several candidates and lists them', () => {
    const done = applyCompletion('aws kms list-k', 14, { replaceFrom: 8, candidates: ['list-key-policies', 'list-key-rotations', 'list-keys'] });
    expect(done).toEqual({ line: 'aws kms list-key', cursor: 16, candidates: ['list-key-policies', 'list-key-rotations', 'list-keys'] });
  });

  it('leaves the line alone when nothing matches or the candidates share nothing more', () => {
    expect(applyCompletion('zz', 2, { replaceFrom: 0, candidates: [] })).toEqual({ line: 'zz', cursor: 2 });
    expect(applyCompletion('c', 1, { replaceFrom: 0, candidates: ['cat', 'cd'] })).toEqual({ line: 'c', cursor: 1, candidates: ['cat', 'cd'] });
  });
});

describe('HistoryNavigator', () => {
  it('walks back and forth and returns the draft past the newest line', () => {
    const lines = ['one', 'two'];
    const history = new HistoryNavigator(() => lines);
    expect(history.down()).toBeUndefined();
    expect(history.up('draft')).toBe('two');
    expect(history.up('two')).toBe('one');
    expect(history.up('one')).toBeUndefined(); // nothing older
    expect(history.down()).toBe('two');
    expect(history.down()).toBe('draft');
    expect(history.down()).toBeUndefined();
  });

  it('sees lines the shell added while browsing is reset, and nothing when history is empty', () => {
    const lines: string[] = [];
    const history = new HistoryNavigator(() => lines);
    expect(history.up('')).toBeUndefined();
    lines.push('ls');
    history.reset();
    expect(history.up('')).toBe('ls');
  });
});

describe('the bounded screen', () => {
  const command = (id: number, stdout: string): Entry => ({ kind: 'command', id, prompt: '$ ', line: 'x', stdout, stderr: '', exitCode: 0 });

  it('counts an entry as its prompt line plus the lines it printed', () => {
    expect(entryLines(command(1, ''))).toBe(1);
    expect(entryLines(command(1, 'a\nb\n'))).toBe(3);
    expect(entryLines(command(1, 'no newline'))).toBe(2);
    expect(entryLines({ kind: 'cancelled', id: 1, prompt: '$ ', line: 'x' })).toBe(1);
  });

  it('drops whole entries, oldest first, and always keeps the newest', () => {
    const entries = [command(1, 'a\n'), command(2, 'b\n'), command(3, 'c\n')];
    expect(boundEntries(entries, 4)).toEqual({ kept: entries.slice(1), dropped: 1 });
    expect(boundEntries(entries, 1)).toEqual({ kept: entries.slice(2), dropped: 2 });
    expect(boundEntries(entries, 100)).toEqual({ kept: entries, dropped: 0 });
  });

  it('clips a long output for the screen and says how much is left for Copy', () => {
    const text = Array.from({ length: 10 }, (_, i) => `line ${i}`).join('\n') + '\n';
    const clipped = clipForScreen(text, 3);
    expect(clipped.text).toBe('line 0\nline 1\nline 2\n');
    expect(clipped.note).toBe('[7 more lines not shown here: "Copy output" copies all of it]');
    expect(clipForScreen('x'.repeat(50), 10, 20)).toEqual({ text: 'x'.repeat(20), note: '[30 more characters not shown here: "Copy output" copies all of it]' });
    expect(clipForScreen(text)).toEqual({ text, note: '' });
  });

  it('shows a bounded number of completion candidates', () => {
    const many = Array.from({ length: MAX_CANDIDATES_SHOWN + 5 }, (_, i) => `f${i}`);
    expect(shownCandidates(many).shown).toHaveLength(MAX_CANDIDATES_SHOWN);
    expect(shownCandidates(many).more).toBe(5);
  });
});
