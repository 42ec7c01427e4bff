/**
 * Applies the shell's completion to the typed line as bash's readline does with
 * show-all-if-ambiguous: one candidate replaces the word (and a space follows unless it is a
 * directory or a `--flag=`); several insert what they have in common and are listed at once, so
 * a learner (and a screen reader) hears the choices on the first Tab rather than after a bell.
 */
import type { Completion } from '../../cli/index';

export interface CompletedLine {
  line: string;
  cursor: number;
  /** Set when several candidates match: the terminal lists them. */
  candidates?: string[];
}

function commonPrefix(words: readonly string[]): string {
  let prefix = words[0] ?? '';
  for (const word of words) {
    let i = 0;
    while (i < prefix.length && i < word.length && prefix[i] === word[i]) i++;
    prefix = prefix.slice(0, i);
  }
  return prefix;
}

export function applyCompletion(line: string, cursor: number, completion: Completion): CompletedLine {
  const { candidates } = completion;
  const from = Math.max(0, Math.min(completion.replaceFrom, cursor));
  const typed = line.slice(from, cursor);
  const replace = (word: string): CompletedLine => ({
    line: line.slice(0, from) + word + line.slice(cursor),
    cursor: from + word.length,
  });
  if (candidates.length === 0) return { line, cursor };
  if (candidates.length === 1) {
    const word = candidates[0];
    const open = word.endsWith('/') || word.endsWith('=');
    const next = line[cursor];
    // No second space when one already follows the cursor.
    return replace(open || next === ' ' ? word : word + ' ');
  }
  const prefix = commonPrefix(candidates);
  const extended = prefix.length > 0 && prefix !== typed && prefix.length >= typed.length ? replace(prefix) : { line, cursor };
  return { ...extended, candidates: [...candidates] };
}
