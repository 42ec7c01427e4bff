/**
 * Finding where a `$( … )` or `${ … }` ends, the way bash's parser does: quotes, escapes and
 * nested pairs inside do not count. An unclosed one is bash's "unexpected EOF" error.
 */
import { ShellSyntaxError } from './syntax-error.ts';

/** Index of the `)` closing the `(` at `open`, skipping quotes and nested parentheses. */
export function findClosingParen(src: string, open: number): number {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    const ch = src[i];
    if (ch === '\\') i++;
    else if (ch === "'") {
      const end = src.indexOf("'", i + 1);
      if (end < 0) break;
      i = end;
    } else if (ch === '"') {
      i = skipDoubleQuoted(src, i);
      if (i < 0) break;
    } else if (ch === '(') depth++;
    else if (ch === ')') {
      depth--;
      if (depth === 0) return i;
    }
  }
  throw ShellSyntaxError.unmatched(')');
}

export function findClosingBrace(src: string, from: number): number {
  let depth = 0;
  for (let i = from; i < src.length; i++) {
    const ch = src[i];
    if (ch === '\\') i++;
    else if (ch === '$' && src[i + 1] === '{') {
      depth++;
      i++;
    }
    else if (ch === "'") {
      const end = src.indexOf("'", i + 1);
      if (end < 0) break;
      i = end;
    } else if (ch === '"') {
      i = skipDoubleQuoted(src, i);
      if (i < 0) break;
    } else if (ch === '}') {
      if (depth === 0) return i;
      depth--;
    }
  }
  throw ShellSyntaxError.unmatched('}');
}

/** Index of the closing `"` of the string opening at `open`, or -1. */
function skipDoubleQuoted(src: string, open: number): number {
  for (let i = open + 1; i < src.length; i++) {
    if (src[i] === '\\') i++;
    else if (src[i] === '"') return i;
  }
  return -1;
}
