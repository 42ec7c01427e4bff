/**
 * What the terminal's screen shows, as data: one entry per line the learner ran (or cancelled, or
 * asked completions for), oldest first. The view keeps a bounded number of screen lines so a long
 * session or a large output cannot make the page slow; the shell already caps each line's output
 * (256 KiB a stream), and Copy still gets an entry's whole output.
 */

/** The screen keeps about this many lines; older entries are dropped whole, oldest first. */
export const MAX_SCREEN_LINES = 3000;
/** One stream of one entry shows at most this many lines / characters (the rest is counted). */
export const MAX_STREAM_LINES = 1000;
export const MAX_STREAM_CHARS = 64 * 1024;
/** A completion list shows at most this many candidates (bash would ask "Display all …?"). */
export const MAX_CANDIDATES_SHOWN = 100;

interface EntryBase {
  id: number;
  /** The prompt as it was when the line was typed (it names the working directory). */
  prompt: string;
  line: string;
}

export interface CommandEntry extends EntryBase {
  kind: 'command';
  /** Undefined while the line is still running. */
  exitCode?: number;
  stdout: string;
  stderr: string;
}

/** Ctrl+C on a typed line: bash echoes it with ^C and gives a fresh prompt. */
export interface CancelledEntry extends EntryBase {
  kind: 'cancelled';
}

/** Several completions matched: bash lists them under the line. */
export interface CandidatesEntry extends EntryBase {
  kind: 'candidates';
  candidates: string[];
}

export type Entry = CommandEntry | CancelledEntry | CandidatesEntry;

/** Text clipped for the screen, with what was left out counted. */
export interface ClippedText {
  text: string;
  /** Empty when nothing was left out; otherwise a line saying how much and where to find it. */
  note: string;
}

function countLines(text: string): number {
  if (text === '') return 0;
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < text.length - 1; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

/** Screen lines an entry takes: its prompt line plus what it printed (clipped as shown). */
export function entryLines(entry: Entry): number {
  switch (entry.kind) {
    case 'command':
      return 1 + Math.min(countLines(entry.stdout), MAX_STREAM_LINES) + Math.min(countLines(entry.stderr), MAX_STREAM_LINES);
    case 'cancelled':
      return 1;
    case 'candidates':
      return 1 + Math.min(entry.candidates.length, MAX_CANDIDATES_SHOWN);
  }
}

/**
 * Drops whole entries from the front until the rest fit in `maxLines` (the newest entry always
 * stays). Returns the kept entries and how many were dropped.
 */
export function boundEntries(entries: readonly Entry[], maxLines = MAX_SCREEN_LINES): { kept: Entry[]; dropped: number } {
  let total = 0;
  let first = entries.length;
  while (first > 0) {
    const lines = entryLines(entries[first - 1]);
    if (first < entries.length && total + lines > maxLines) break;
    total += lines;
    first--;
  }
  return { kept: entries.slice(first), dropped: first };
}

/** The part of one output stream the screen shows; Copy uses the full text. */
export function clipForScreen(text: string, maxLines = MAX_STREAM_LINES, maxChars = MAX_STREAM_CHARS): ClippedText {
  let end = Math.min(text.length, maxChars);
  let lines = 0;
  for (let i = 0; i < end; i++) {
    if (text[i] === '\n' && ++lines === maxLines) {
      end = i + 1;
      break;
    }
  }
  if (end >= text.length) return { text, note: '' };
  const hiddenLines = countLines(text.slice(end));
  const what = hiddenLines > 1 ? `${hiddenLines.toLocaleString('en-US')} more lines` : `${(text.length - end).toLocaleString('en-US')} more characters`;
  return { text: text.slice(0, end), note: `[${what} not shown here: "Copy output" copies all of it]` };
}

/** The candidates a completion list shows, and how many it leaves out. */
export function shownCandidates(candidates: readonly string[]): { shown: readonly string[]; more: number } {
  return { shown: candidates.slice(0, MAX_CANDIDATES_SHOWN), more: Math.max(0, candidates.length - MAX_CANDIDATES_SHOWN) };
}

/** What "Copy output" puts on the clipboard: the output as the line printed it, both streams. */
export function outputText(entry: CommandEntry): string {
  return entry.stdout + entry.stderr;
}
