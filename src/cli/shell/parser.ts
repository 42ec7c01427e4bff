/**
 * Builds the command list from tokens, with bash's grammar for what this terminal runs:
 * `a | b`, `a |& b`, `a && b`, `a || b`, `a ; b`, `a & b`, `NAME=value cmd`, redirections.
 * Compound commands (if, for, while, { }, ( )) are recognised and refused with a clear message
 * instead of being misread.
 */
import type { Assignment, CommandList, Connector, Pipeline, Redirection, SimpleCommand, Word, WordPart } from './ast.ts';
import { tokenize, type Token } from './lexer.ts';
import { ShellSyntaxError } from './syntax-error.ts';

const UNSUPPORTED_KEYWORDS = new Set(['if', 'for', 'while', 'until', 'case', 'select', 'function', '{', '[[', 'coproc', '!']);
const MISPLACED_KEYWORDS = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', 'esac', '}', ']]', 'in']);

export function parseCommandLine(source: string, depth = 0): CommandList {
  return new Parser(tokenize(source, parseCommandLine, depth)).parseList();
}

function tokenText(token: Token): string {
  return token.kind === 'word' ? token.word.raw : token.text;
}

/** The plain text of a word if it is written without any quoting or expansion. */
function plainText(word: Word): string | undefined {
  if (word.parts.length === 1 && word.parts[0].kind === 'text' && !word.parts[0].quoted) return word.parts[0].value;
  return undefined;
}

function assignmentOf(word: Word): Assignment | undefined {
  const first = word.parts[0];
  if (first?.kind !== 'text' || first.quoted) return undefined;
  const match = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.value);
  if (!match) return undefined;
  const rest = first.value.slice(match[0].length);
  // bash expands a ~ right after the = of an assignment (X=~/notes), as at the start of a word.
  const tilde = (rest === '~' && word.parts.length === 1) || rest.startsWith('~/');
  const text = tilde ? rest.slice(1) : rest;
  const parts: WordPart[] = [
    ...(tilde ? [{ kind: 'tilde' } as const] : []),
    ...(text ? [{ ...first, value: text }] : []),
    ...word.parts.slice(1),
  ];
  return { name: match[1], value: { parts, raw: word.raw.slice(match[0].length) } };
}

class Parser {
  private pos = 0;

  constructor(private readonly tokens: Token[]) {}

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private isOperator(token: Token | undefined, ...ops: string[]): boolean {
    return token?.kind === 'operator' && ops.includes(token.op);
  }

  private skipNewlines(): void {
    while (this.isOperator(this.peek(), 'newline')) this.pos++;
  }

  parseList(): CommandList {
    const items: CommandList['items'] = [];
    this.skipNewlines();
    while (this.peek()) {
      const pipeline = this.parsePipeline();
      const next = this.peek();
      let connector: Connector = ';';
      if (this.isOperator(next, ';', '&', 'newline')) {
        connector = next!.kind === 'operator' && next!.op === '&' ? '&' : ';';
        this.pos++;
        this.skipNewlines();
      } else if (this.isOperator(next, '&&', '||')) {
        connector = (next as { op: Connector }).op;
        this.pos++;
        this.skipNewlines();
        if (!this.peek()) throw ShellSyntaxError.unexpectedEndOfFile();
      } else if (next) {
        throw ShellSyntaxError.unexpectedToken(tokenText(next));
      }
      items.push({ pipeline, connector });
    }
    return { items };
  }

  private parsePipeline(): Pipeline {
    const commands = [this.parseSimpleCommand()];
    const pipeStderr: boolean[] = [];
    while (this.isOperator(this.peek(), '|', '|&')) {
      pipeStderr.push((this.peek() as { op: string }).op === '|&');
      this.pos++;
      this.skipNewlines();
      if (!this.peek()) throw ShellSyntaxError.unexpectedEndOfFile();
      commands.push(this.parseSimpleCommand());
    }
    return { commands, pipeStderr };
  }

  private parseSimpleCommand(): SimpleCommand {
    const command: SimpleCommand = { assignments: [], words: [], redirections: [] };
    for (let token = this.peek(); token; token = this.peek()) {
      if (token.kind === 'operator') {
        if (token.op === '(' && command.words.length === 0 && command.assignments.length === 0) {
          throw ShellSyntaxError.unsupported('subshells ( … ) are');
        }
        break;
      }
      this.pos++;
      if (token.kind === 'redirect') {
        command.redirections.push(this.parseRedirection(token));
        continue;
      }
      const assignment = command.words.length === 0 ? assignmentOf(token.word) : undefined;
      if (assignment) {
        command.assignments.push(assignment);
        continue;
      }
      if (command.words.length === 0) this.checkKeyword(token.word);
      command.words.push(token.word);
    }
    if (command.words.length + command.assignments.length + command.redirections.length === 0) {
      const token = this.peek();
      if (!token) throw ShellSyntaxError.unexpectedEndOfFile();
      throw ShellSyntaxError.unexpectedToken(tokenText(token));
    }
    return command;
  }

  private checkKeyword(word: Word): void {
    const text = plainText(word);
    if (text === undefined) return;
    if (UNSUPPORTED_KEYWORDS.has(text)) throw ShellSyntaxError.unsupported(`compound commands (${text} …) are`);
    if (MISPLACED_KEYWORDS.has(text)) throw ShellSyntaxError.unexpectedToken(text);
  }

  private parseRedirection(token: Extract<Token, { kind: 'redirect' }>): Redirection {
    if (token.op === '<<') throw ShellSyntaxError.unsupported('here-documents (<<) are');
    const target = this.peek();
    if (!target || target.kind !== 'word') {
      throw ShellSyntaxError.unexpectedToken(target ? tokenText(target) : 'newline');
    }
    this.pos++;
    return { fd: token.fd, op: token.op, target: target.word };
  }
}
