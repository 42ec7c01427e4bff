/**
 * Splits a command line into words and operators with bash's quoting rules: backslash escapes,
 * '…' (everything literal), "…" (only `\$ \` \" \\` escapes; `$` expansions still happen),
 * `$'…'` (C escapes), `$VAR`, `${…}`, `$( … )` and backquotes, a leading `~`, and `#` comments.
 * Command substitutions are parsed right here (through `parseInner`), as bash does, so that a
 * syntax error anywhere in the line stops the whole line before anything runs.
 */
import type { CommandList, ParameterModifier, RedirectOperator, Word, WordPart } from './ast.ts';
import { decodeEscapes } from './escapes.ts';
import { findClosingBrace, findClosingParen } from './brackets.ts';
import { ShellSyntaxError } from './syntax-error.ts';
import { fromUtf8 } from '../vfs/encoding.ts';

export type Operator = '|' | '|&' | '||' | '&&' | ';' | ';;' | '&' | '(' | ')' | 'newline';

export type Token =
  | { kind: 'word'; word: Word }
  | { kind: 'operator'; op: Operator; text: string }
  | { kind: 'redirect'; op: RedirectOperator | '<<'; fd?: number; text: string };

/** Parses the inside of `$( … )`; supplied by the parser to avoid a circular import. */
export type InnerParser = (source: string, depth: number) => CommandList;

/** Deeper `$( $( … ) )` nesting than this is refused, so no line can exhaust the stack. */
export const MAX_NESTING = 24;

const OPERATORS: readonly string[] = [';;', '||', '&&', '|&', '&>>', '&>', '>>', '<<<', '<<', '>&', '<&', '>|', '|', '&', ';', '<', '>', '(', ')'];
const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const SPECIAL_PARAMETERS = '?$#@*!-0123456789';

function isBlank(ch: string): boolean {
  return ch === ' ' || ch === '\t';
}

function startsOperator(ch: string): boolean {
  return '|&;<>()'.includes(ch) || ch === '\n';
}

export function tokenize(source: string, parseInner: InnerParser, depth = 0): Token[] {
  return new Lexer(source, parseInner, depth, false).run();
}

class Lexer {
  private pos = 0;
  private readonly tokens: Token[] = [];
  private parts: WordPart[] = [];
  private wordStart = -1;

  constructor(
    private readonly src: string,
    private readonly parseInner: InnerParser,
    private readonly depth: number,
    /** Inside `${name:-word}`: blanks and operator characters are ordinary text. */
    private readonly embedded: boolean,
  ) {}

  run(): Token[] {
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos];
      if (this.embedded) {
        if (this.wordStart < 0) this.wordStart = this.pos;
        this.readWordCharacter();
      } else if (isBlank(ch)) {
        this.endWord();
        this.pos++;
      } else if (ch === '#' && this.wordStart < 0) {
        while (this.pos < this.src.length && this.src[this.pos] !== '\n') this.pos++;
      } else if (startsOperator(ch)) {
        this.readOperator();
      } else {
        if (this.wordStart < 0) this.wordStart = this.pos;
        this.readWordCharacter();
      }
    }
    this.endWord();
    return this.tokens;
  }

  private endWord(): void {
    if (this.wordStart < 0) return;
    this.tokens.push({ kind: 'word', word: { parts: mergeText(this.parts), raw: this.src.slice(this.wordStart, this.pos) } });
    this.parts = [];
    this.wordStart = -1;
  }

  private readOperator(): void {
    if (this.src[this.pos] === '\n') {
      this.endWord();
      this.tokens.push({ kind: 'operator', op: 'newline', text: 'newline' });
      this.pos++;
      return;
    }
    const op = OPERATORS.find((candidate) => this.src.startsWith(candidate, this.pos))!;
    // `2>` : a word of digits right before a redirection is the file descriptor it applies to.
    let fd: number | undefined;
    const isRedirect = op.includes('<') || op.includes('>');
    if (isRedirect && !op.startsWith('&') && this.wordStart >= 0) {
      const digits = this.src.slice(this.wordStart, this.pos);
      if (/^[0-9]+$/.test(digits)) {
        fd = Number(digits);
        this.parts = [];
        this.wordStart = -1;
      }
    }
    this.endWord();
    this.pos += op.length;
    if (isRedirect) {
      const redirect = (op === '>|' ? '>' : op) as RedirectOperator | '<<';
      this.tokens.push({ kind: 'redirect', op: redirect, fd, text: op });
    } else {
      this.tokens.push({ kind: 'operator', op: op as Operator, text: op });
    }
  }

  private pushText(value: string, quoted: boolean): void {
    this.parts.push({ kind: 'text', value, quoted });
  }

  private readWordCharacter(): void {
    const ch = this.src[this.pos];
    if (ch === '\\') {
      const next = this.src[this.pos + 1];
      // A backslash-newline joins lines; a backslash ending the input stays (as in `bash -c`).
      if (next === undefined) this.pushText('\\', true);
      else if (next !== '\n') this.pushText(next, true);
      this.pos += next === undefined ? 1 : 2;
    } else if (ch === "'") {
      const end = this.src.indexOf("'", this.pos + 1);
      if (end < 0) throw ShellSyntaxError.unmatched("'");
      this.pushText(this.src.slice(this.pos + 1, end), true);
      this.pos = end + 1;
    } else if (ch === '"') {
      this.pos++;
      this.readDoubleQuoted();
    } else if (ch === '$') {
      this.readDollar(false);
    } else if (ch === '`') {
      this.readBackquote(false);
    } else if (ch === '~' && this.parts.length === 0 && this.pos === this.wordStart && this.tildeEndsHere()) {
      this.parts.push({ kind: 'tilde' });
      this.pos++;
    } else {
      this.pushText(ch, false);
      this.pos++;
    }
  }

  private tildeEndsHere(): boolean {
    const next = this.src[this.pos + 1];
    return next === undefined || next === '/' || isBlank(next) || startsOperator(next);
  }

  private readDoubleQuoted(): void {
    // An empty "" still makes a (quoted, empty) word.
    this.pushText('', true);
    let text = '';
    const flush = () => {
      if (text) this.pushText(text, true);
      text = '';
    };
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos];
      if (ch === '"') {
        flush();
        this.pos++;
        return;
      }
      if (ch === '\\') {
        const next = this.src[this.pos + 1];
        if (next !== undefined && '$`"\\'.includes(next)) text += next;
        else if (next !== '\n') text += next === undefined ? '\\' : '\\' + next;
        this.pos += next === undefined ? 1 : 2;
      } else if (ch === '$') {
        flush();
        this.readDollar(true);
      } else if (ch === '`') {
        flush();
        this.readBackquote(true);
      } else {
        text += ch;
        this.pos++;
      }
    }
    throw ShellSyntaxError.unmatched('"');
  }

  private readDollar(quoted: boolean): void {
    const start = this.pos;
    const next = this.src[this.pos + 1];
    if (next === '{') {
      this.readBraceParameter(quoted);
    } else if (next === '(') {
      if (this.src[this.pos + 2] === '(') {
        const end = findClosingParen(this.src, this.pos + 1);
        this.pos = end + 1;
        this.parts.push({
          kind: 'parameter',
          name: '',
          quoted,
          source: this.src.slice(start, this.pos),
          modifier: { op: 'unsupported', what: 'arithmetic expansion $(( … ))' },
        });
        return;
      }
      const end = findClosingParen(this.src, this.pos + 1);
      const inner = this.src.slice(this.pos + 2, end);
      this.pos = end + 1;
      this.parts.push({ kind: 'substitution', list: this.parseNested(inner), quoted });
    } else if (next === "'" && !quoted) {
      this.readAnsiC();
    } else if (next === '"' && !quoted) {
      // $"…" is bash's locale translation; with no message catalogue it is plain "…".
      this.pos += 2;
      this.readDoubleQuoted();
    } else if (next !== undefined && NAME_START.test(next)) {
      let end = this.pos + 1;
      while (end < this.src.length && NAME_CHAR.test(this.src[end])) end++;
      this.parts.push({ kind: 'parameter', name: this.src.slice(this.pos + 1, end), quoted, source: this.src.slice(start, end) });
      this.pos = end;
    } else if (next !== undefined && SPECIAL_PARAMETERS.includes(next)) {
      this.parts.push({ kind: 'parameter', name: next, quoted, source: '$' + next });
      this.pos += 2;
    } else {
      this.pushText('$', quoted);
      this.pos++;
    }
  }

  private readBraceParameter(quoted: boolean): void {
    const start = this.pos;
    const end = findClosingBrace(this.src, this.pos + 2);
    const body = this.src.slice(this.pos + 2, end);
    const source = this.src.slice(start, end + 1);
    this.pos = end + 1;
    const parameter = (name: string, modifier?: ParameterModifier) =>
      this.parts.push({ kind: 'parameter', name, quoted, modifier, source });
    const nameMatch = /^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?$#@*!-])/.exec(body);
    if (body.startsWith('#') && body.length > 1 && /^#([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?$#@*!-])$/.test(body)) {
      parameter(body.slice(1), { op: 'length' });
      return;
    }
    if (!nameMatch) {
      parameter('', { op: 'bad' });
      return;
    }
    const name = nameMatch[1];
    const rest = body.slice(name.length);
    if (rest === '') {
      parameter(name);
      return;
    }
    const opMatch = /^(:-|:=|:\+|-|=|\+)/.exec(rest);
    if (!opMatch) {
      const what = /^(:?[?]|##?|%%?|\/\/?|:[0-9])/.test(rest) ? `the parameter operation ${source}` : '';
      parameter(name, what ? { op: 'unsupported', what } : { op: 'bad' });
      return;
    }
    const op = opMatch[1] as ':-' | ':=' | ':+' | '-' | '=' | '+';
    const wordSource = rest.slice(op.length);
    if (this.depth + 1 > MAX_NESTING) throw new ShellSyntaxError('bash: parameter expansions nested too deeply for this terminal');
    parameter(name, { op, word: lexEmbeddedWord(wordSource, this.parseInner, this.depth + 1) });
  }

  private readAnsiC(): void {
    let end = this.pos + 2;
    while (end < this.src.length && this.src[end] !== "'") end += this.src[end] === '\\' ? 2 : 1;
    if (end >= this.src.length) throw ShellSyntaxError.unmatched("'");
    const decoded = decodeEscapes(this.src.slice(this.pos + 2, end), 'ansi-c');
    this.pushText(fromUtf8(decoded.bytes), true);
    this.pos = end + 1;
  }

  private readBackquote(quoted: boolean): void {
    let inner = '';
    let i = this.pos + 1;
    for (; i < this.src.length && this.src[i] !== '`'; i++) {
      const next = this.src[i + 1];
      if (this.src[i] === '\\' && next !== undefined && ('$`\\'.includes(next) || (quoted && next === '"'))) {
        inner += next;
        i++;
      } else {
        inner += this.src[i];
      }
    }
    if (i >= this.src.length) throw ShellSyntaxError.unmatched('`');
    this.pos = i + 1;
    this.parts.push({ kind: 'substitution', list: this.parseNested(inner), quoted });
  }

  private parseNested(inner: string): CommandList {
    if (this.depth + 1 > MAX_NESTING) throw new ShellSyntaxError('bash: command substitutions nested too deeply for this terminal');
    return this.parseInner(inner, this.depth + 1);
  }
}

/** The parts of a word inside `${name:-word}`: quotes and expansions, but no operators. */
function lexEmbeddedWord(source: string, parseInner: InnerParser, depth: number): Word {
  const tokens = new Lexer(source, parseInner, depth, true).run();
  const parts = tokens.flatMap((token) => (token.kind === 'word' ? token.word.parts : []));
  return { parts, raw: source };
}

/** Joins neighbouring text parts of the same quoting, so words stay small. */
function mergeText(parts: WordPart[]): WordPart[] {
  const merged: WordPart[] = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if (part.kind === 'text' && last?.kind === 'text' && last.quoted === part.quoted && (part.value !== '' || !part.quoted)) {
      last.value += part.value;
    } else if (part.kind === 'text' && part.value === '' && part.quoted && last?.kind === 'text' && last.quoted) {
      continue;
    } else {
      merged.push(part.kind === 'text' ? { ...part } : part);
    }
  }
  return merged;
}
