/**
 * Word expansion in bash's order: tilde, parameters, command substitution, then field splitting
 * of unquoted expansion results on blanks and newlines, then pathname expansion of unquoted
 * wildcards, then quote removal. `"$EMPTY"` stays one empty argument; `$EMPTY` disappears.
 */
import type { CommandList, ParameterPart, Word } from './ast.ts';
import { expandGlob, hasWildcard, type GlobPattern } from './glob.ts';
import type { VirtualFileSystem } from '../vfs/file-system.ts';
import { MAX_PATH_LENGTH } from '../vfs/limits.ts';

export interface ExpansionContext {
  /** A variable or special parameter's value; undefined when unset. */
  lookup(name: string): string | undefined;
  assign(name: string, value: string): void;
  /** Runs `$( … )` and returns its output (trailing newlines removed). */
  substitute(list: CommandList): Promise<string>;
  home(): string;
  fs: VirtualFileSystem;
  cwd: string;
  /** Counts characters produced; throws an ExpansionError past MAX_EXPANSION_CHARACTERS. */
  charge(characters: number): void;
}

/** A runtime expansion error, e.g. "bash: ${1a}: bad substitution" (status 1). */
export class ExpansionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExpansionError';
  }
}

/** One command's expansions may produce at most this many characters (files hold 64 MiB too). */
export const MAX_EXPANSION_CHARACTERS = 64 * 1024 * 1024;

/** A run of characters that came from one place: literal text (wildcards active) or quoted. */
interface Segment {
  text: string;
  wildcardsActive: boolean;
}

type Field = Segment[];

class FieldBuilder {
  readonly fields: Field[] = [];
  private current: Field | undefined;

  constructor(private readonly charge: (characters: number) => void) {}

  private open(): Field {
    this.current ??= [];
    return this.current;
  }

  /** Text that is never split (quoted text, or everything when splitting is off). */
  addWhole(text: string, wildcardsActive: boolean): void {
    this.charge(text.length);
    this.open().push({ text, wildcardsActive });
  }

  /** An unquoted expansion result: blanks and newlines separate fields. */
  addSplittable(text: string): void {
    this.charge(text.length);
    text.split(/[ \t\n]+/).forEach((piece, index) => {
      // Every piece after the first had a separator before it: the open field ends there.
      if (index > 0 && this.current) {
        this.fields.push(this.current);
        this.current = undefined;
      }
      if (piece) this.open().push({ text: piece, wildcardsActive: true });
    });
  }

  finish(): Field[] {
    if (this.current) this.fields.push(this.current);
    this.current = undefined;
    return this.fields;
  }
}

function fieldText(field: Field): string {
  return field.map((segment) => segment.text).join('');
}

/** The field as a glob pattern, or undefined when it has no active wildcard (or is too long to be a path). */
function globPattern(field: Field): GlobPattern | undefined {
  if (!field.some((s) => s.wildcardsActive && /[*?[]/.test(s.text))) return undefined;
  if (field.reduce((n, s) => n + s.text.length, 0) > MAX_PATH_LENGTH) return undefined;
  const pattern: GlobPattern = { chars: [], active: [] };
  for (const segment of field) {
    for (const ch of segment.text) {
      pattern.chars.push(ch);
      pattern.active.push(segment.wildcardsActive);
    }
  }
  return hasWildcard(pattern) ? pattern : undefined;
}

async function expandParameter(part: ParameterPart, ctx: ExpansionContext): Promise<string> {
  const modifier = part.modifier;
  if (modifier?.op === 'unsupported') throw new ExpansionError(`bash: ${modifier.what} is not supported in this terminal`);
  if (modifier?.op === 'bad' || (part.name === '' && modifier?.op !== undefined)) {
    throw new ExpansionError(`bash: ${part.source}: bad substitution`);
  }
  const value = ctx.lookup(part.name);
  if (!modifier) return value ?? '';
  if (modifier.op === 'length') return String([...(value ?? '')].length);
  const unsetOrEmpty = modifier.op.startsWith(':') ? !value : value === undefined;
  switch (modifier.op) {
    case ':-':
    case '-':
      return unsetOrEmpty ? expandToString(modifier.word, ctx) : value!;
    case ':=':
    case '=': {
      if (!unsetOrEmpty) return value!;
      if (!/^[A-Za-z_]/.test(part.name)) throw new ExpansionError(`bash: $${part.name}: cannot assign in this way`);
      const assigned = await expandToString(modifier.word, ctx);
      ctx.assign(part.name, assigned);
      return assigned;
    }
    case ':+':
    case '+':
      return unsetOrEmpty ? '' : expandToString(modifier.word, ctx);
  }
}

async function buildFields(word: Word, ctx: ExpansionContext, split: boolean): Promise<FieldBuilder> {
  const builder = new FieldBuilder(ctx.charge);
  for (const part of word.parts) {
    switch (part.kind) {
      case 'text':
        builder.addWhole(part.value, split && !part.quoted);
        break;
      case 'tilde':
        builder.addWhole(ctx.home(), false);
        break;
      case 'parameter': {
        const value = await expandParameter(part, ctx);
        if (split && !part.quoted) builder.addSplittable(value);
        else builder.addWhole(value, false);
        break;
      }
      case 'substitution': {
        const output = await ctx.substitute(part.list);
        if (split && !part.quoted) builder.addSplittable(output);
        else builder.addWhole(output, false);
        break;
      }
    }
  }
  return builder;
}

/** Expands one word without splitting or globbing (assignments, `${x:-word}`, here-strings). */
export async function expandToString(word: Word, ctx: ExpansionContext): Promise<string> {
  const fields = (await buildFields(word, ctx, false)).finish();
  return fields.map(fieldText).join('');
}

/** Expands a word to zero or more arguments. */
export async function expandWord(word: Word, ctx: ExpansionContext): Promise<string[]> {
  const builder = await buildFields(word, ctx, true);
  const hasQuotedPart = word.parts.some((part) => part.kind === 'text' && part.quoted);
  const fields = builder.finish();
  // A word with quotes (even "") is one argument even when everything in it expanded to nothing.
  if (fields.length === 0 && hasQuotedPart) return [''];
  const out: string[] = [];
  for (const field of fields) {
    const pattern = globPattern(field);
    const matches = pattern ? expandGlob(pattern, ctx.fs, ctx.cwd) : [];
    if (matches.length > 0) out.push(...matches);
    else out.push(fieldText(field));
  }
  return out;
}

export async function expandWords(words: readonly Word[], ctx: ExpansionContext): Promise<string[]> {
  const out: string[] = [];
  for (const word of words) out.push(...(await expandWord(word, ctx)));
  return out;
}
