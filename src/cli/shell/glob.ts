/**
 * Pathname expansion (`*`, `?`, `[…]`) over the virtual file system, as bash does it with its
 * default options: results sorted, dot-files matched only by a pattern starting with `.`, and a
 * pattern that matches nothing left as typed.
 */
import type { VirtualFileSystem } from '../vfs/file-system.ts';
import { joinPath, resolvePath } from '../vfs/path.ts';

/** A field being globbed: characters with a flag saying whether each may act as a wildcard. */
export interface GlobPattern {
  chars: string[];
  active: boolean[];
}

export function hasWildcard(pattern: GlobPattern): boolean {
  return pattern.chars.some((ch, i) => pattern.active[i] && (ch === '*' || ch === '?' || ch === '['));
}

interface Segment {
  chars: string[];
  active: boolean[];
}

function splitSegments(pattern: GlobPattern): Segment[] {
  const segments: Segment[] = [{ chars: [], active: [] }];
  pattern.chars.forEach((ch, i) => {
    if (ch === '/') segments.push({ chars: [], active: [] });
    else {
      segments[segments.length - 1].chars.push(ch);
      segments[segments.length - 1].active.push(pattern.active[i]);
    }
  });
  return segments;
}

function escapeRegExp(ch: string): string {
  return ch.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

/** Compiles one path component to a regular expression, or undefined if it has no wildcard. */
function segmentRegExp(segment: Segment): RegExp | undefined {
  if (!hasWildcard(segment)) return undefined;
  let source = '';
  const { chars, active } = segment;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (!active[i]) source += escapeRegExp(ch);
    else if (ch === '*') source += '.*';
    else if (ch === '?') source += '.';
    else if (ch === '[') {
      const close = findBracketEnd(chars, i);
      if (close < 0) {
        source += '\\[';
        continue;
      }
      let body = chars.slice(i + 1, close);
      let negate = false;
      if (body[0] === '!' || body[0] === '^') {
        negate = true;
        body = body.slice(1);
      }
      const items = body.map((c, k) => (c === '-' && k > 0 && k < body.length - 1 ? '-' : escapeRegExp(c))).join('');
      source += `[${negate ? '^' : ''}${items}]`;
      i = close;
    } else source += escapeRegExp(ch);
  }
  try {
    return new RegExp(`^${source}$`, 's');
  } catch {
    // A range such as [z-a] is invalid: bash matches nothing with it, and so do we.
    return /(?!)/;
  }
}

function findBracketEnd(chars: string[], open: number): number {
  let i = open + 1;
  if (chars[i] === '!' || chars[i] === '^') i++;
  if (chars[i] === ']') i++;
  for (; i < chars.length; i++) if (chars[i] === ']') return i;
  return -1;
}

/** Expands a pattern to the matching paths (as typed: relative stays relative), sorted. */
export function expandGlob(pattern: GlobPattern, fs: VirtualFileSystem, cwd: string): string[] {
  const segments = splitSegments(pattern);
  const absolute = pattern.chars[0] === '/';
  let matches: string[] = [absolute ? '/' : ''];
  segments.forEach((segment, index) => {
    if (absolute && index === 0) return;
    const isLast = index === segments.length - 1;
    const regexp = segmentRegExp(segment);
    const next: string[] = [];
    for (const prefix of matches) {
      const dirPath = resolvePath(cwd, prefix || '.', fs.home);
      if (!regexp) {
        const name = segment.chars.join('');
        const candidate = prefix === '' ? name : prefix === '/' ? `/${name}` : `${prefix}/${name}`;
        if (name === '' || fs.exists(resolvePath(cwd, candidate, fs.home))) next.push(candidate);
        continue;
      }
      if (!fs.isDirectory(dirPath)) continue;
      const showHidden = segment.chars[0] === '.';
      for (const name of fs.readdir(dirPath)) {
        if (name.startsWith('.') && !showHidden) continue;
        if (!regexp.test(name)) continue;
        const candidate = prefix === '' ? name : prefix === '/' ? `/${name}` : `${prefix}/${name}`;
        if (!isLast && !fs.isDirectory(joinPath(dirPath, name))) continue;
        next.push(candidate);
      }
    }
    matches = next;
  });
  return matches.filter((m) => m !== '' && m !== '/').sort();
}
