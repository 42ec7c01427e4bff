/**
 * Tab completion for the terminal: command names in command position, file names elsewhere, and
 * whatever a command's own completer offers (`aws` completes its operations, flags and key ids).
 * Candidates are full replacement words, with shell characters escaped so they can be inserted.
 */
import type { CompletionRequest } from './command.ts';
import type { ShellState } from './session.ts';
import { resolvePath } from '../vfs/path.ts';

export interface Completion {
  /** Index in the line where the word being completed starts; it is replaced up to the cursor. */
  replaceFrom: number;
  candidates: string[];
}

interface Scan {
  /** Words of the current simple command before the cursor's word. */
  words: string[];
  current: string;
  start: number;
  afterRedirect: boolean;
}

/** Reads the line up to the cursor with (forgiving) shell quoting. */
function scan(line: string): Scan {
  let words: string[] = [];
  let current = '';
  let started = false;
  let start = 0;
  let quote: string | undefined;
  let afterRedirect = false;
  const endWord = (next: number) => {
    if (started) {
      if (afterRedirect) afterRedirect = false;
      else words.push(current);
    }
    current = '';
    started = false;
    start = next;
  };
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (quote === '"' && ch === '\\' && i + 1 < line.length) current += line[++i];
      else current += ch;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\n') endWord(i + 1);
    else if ('|;&()'.includes(ch)) {
      endWord(i + 1);
      words = [];
      afterRedirect = false;
    } else if (ch === '<' || ch === '>') {
      endWord(i + 1);
      afterRedirect = true;
    } else if (ch === '\\') {
      started = true;
      if (i + 1 < line.length) current += line[++i];
    } else if (ch === "'" || ch === '"') {
      started = true;
      quote = ch;
    } else {
      started = true;
      current += ch;
    }
  }
  return { words, current, start, afterRedirect };
}

const SPECIAL = /[ \t\n'"\\|&;<>()$`*?[\]#!{}]/g;

export function escapeForShell(word: string): string {
  return word.replace(SPECIAL, (ch) => `\\${ch}`);
}

/** File names completing `partial` (directories end in '/'), as typed: relative stays relative. */
export function completePath(state: ShellState, partial: string): string[] {
  const slash = partial.lastIndexOf('/');
  const dirPart = slash < 0 ? '' : partial.slice(0, slash + 1);
  const base = partial.slice(slash + 1);
  const dir = resolvePath(state.cwd, dirPart || '.', state.home);
  if (!state.fs.isDirectory(dir)) return [];
  return state.fs
    .readdir(dir)
    .filter((name) => name.startsWith(base) && (base.startsWith('.') || !name.startsWith('.')))
    .map((name) => dirPart + name + (state.fs.isDirectory(resolvePath(dir, name, state.home)) ? '/' : ''));
}

export async function completeLine(state: ShellState, line: string, cursor: number): Promise<Completion> {
  const { words, current, start, afterRedirect } = scan(line.slice(0, Math.max(0, Math.min(cursor, line.length))));
  // Leading NAME=value words are assignments; the command name is the first word after them.
  const firstCommand = words.findIndex((word) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(word));
  const inCommandPosition = firstCommand < 0 && !afterRedirect;
  let candidates: string[];
  if (inCommandPosition && !current.includes('/')) {
    candidates = state.registry.names().filter((name) => name.startsWith(current));
  } else {
    const argv = words.slice(firstCommand);
    const command = afterRedirect ? undefined : state.registry.get(argv[0]);
    const request: CompletionRequest = {
      words: argv,
      current,
      fs: state.fs,
      cwd: state.cwd,
      env: state.variables.environment(),
      completePath: (partial) => completePath(state, partial),
    };
    let offered: readonly string[] | undefined;
    try {
      offered = await command?.complete?.(request);
    } catch {
      // A completer that fails offers nothing; completion must never break typing.
      offered = [];
    }
    candidates = [...(offered ?? completePath(state, current))];
  }
  return { replaceFrom: start, candidates: [...new Set(candidates)].sort().map(escapeForShell) };
}
