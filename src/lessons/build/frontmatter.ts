/**
 * Splits a markdown file into its YAML frontmatter and its body (build time only).
 *
 *   splitFrontmatter(source, file) → { ok: true, data, body } | { ok: false, problems }
 *
 * The frontmatter sits between a first line `---` and the next line `---`. YAML errors are reported with
 * the line number in the whole file, which is the number an editor shows.
 */
import { parseDocument } from 'yaml';
import type { LessonProblem } from '../errors.ts';

export type Frontmatter = { ok: true; data: unknown; body: string } | { ok: false; problems: LessonProblem[] };

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)^---[ \t]*(?:\r?\n|$)/m;

export function splitFrontmatter(source: string, file: string): Frontmatter {
  const text = source.replace(/^\uFEFF/, '');
  const match = FENCE.exec(text);
  if (!match || match.index !== 0) {
    return {
      ok: false,
      problems: [{ file, message: 'expected YAML frontmatter between a first line "---" and a closing "---"' }],
    };
  }
  const document = parseDocument(match[1]);
  const error = document.errors[0];
  if (error) {
    // +1: the opening fence is line 1 of the file, the frontmatter starts on line 2.
    const line = (error.linePos?.[0]?.line ?? 0) + 1;
    const reason = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    return { ok: false, problems: [{ file, message: `invalid YAML in the frontmatter at line ${line}: ${reason}` }] };
  }
  return { ok: true, data: document.toJS(), body: text.slice(match[0].length) };
}
