/**
 * Word expansion in bash's order: tilde, parameters, command substitution, then field splitting
 * of unquoted expansion results on blanks and newlines, then pathname expansion of unquoted
 * wildcards, then quote removal. `"$EMPTY"` stays one empty argument; `$EMPTY` disappears.
 */
import type { CommandList, ParameterPart, Word } from './ast.ts';
import { expandGlob, hasWildcard, type GlobPattern } from './glob.ts';
import type { VirtualFileSystem } from '../vfs/file-system.ts';

export interface ExpansionContext {
  /** A variable or special parameter's value; undefined when unset. */
  lookup(name: string): string | undefined;
  assign(name: string, value: string): void;
  /** Runs `$( … )` and returns its output (trailing newlines removed). */
  substitute(list: CommandList): Promise<string>;
  home(): string;
  fs: VirtualFileSystem;
  cwd: string;
}

/** A runtime expansion error, e.g. "bash: ${1a}: bad substitution" (status 1). */
export class ExpansionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExpansionError';
  }
}

const IFS_WHITESPACE = new Set([' ', '\t', '\n']);

class FieldBuilder {
  readonly fields: GlobPattern[] = [];
  private current: GlobPattern | undefined;

  private open(): GlobPattern {
    this.current ??= { chars: [], active: [] };
    return this.current;
  }

  /** Text that is never split (quoted text, or everything when splitting is off). */
  addWhole(text: string, wildcardsActive: boolean): void {
    const field = this.open();
    for (const ch of text) {
      field.chars.push(ch);
      field.active.push(wildcardsActive);
    }
  }

  /** An unquoted expansion result: blanks and newlines separate fields. */
  addSplittable(text: string): void {
    for (const ch of text) {
      if (IFS_WHITESPACE.has(ch)) {
        if (this.current) this.fields.push(this.current);
        this.current = undefined;
      } else {
        const field = this.open();
        field.chars.push(ch);
        field.active.push(true);
      }
    }
  }

  finish(): GlobPattern[] {
    if (this.current) this.fields.push(this.current);
    this.current = undefined;
    return this.fields;
  }
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
  const builder = new FieldBuilder();
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
  return fields.map((field) => field.chars.join('')).join('');
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
    const matches = hasWildcard(field) ? expandGlob(field, ctx.fs, ctx.cwd) : [];
    if (matches.length > 0) out.push(...matches);
    else out.push(field.chars.join(''));
  }
  return out;
}

export async function expandWords(words: readonly Word[], ctx: ExpansionContext): Promise<string[]> {
  const out: string[] = [];
  for (const word of words) out.push(...(await expandWord(word, ctx)));
  return out;
}
