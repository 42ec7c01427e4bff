/**
 * The tokenizer and parser: how quoting shapes words, how operators split a line, and bash's own
 * messages for lines it refuses (as an interactive bash 5.2 prints them; checked by hand).
 */
import { describe, expect, test } from 'vitest';
import { parseCommandLine } from '../../../src/cli/shell/parser.ts';
import { ShellSyntaxError } from '../../../src/cli/shell/syntax-error.ts';
import type { Word } from '../../../src/cli/shell/ast.ts';
import { createShell } from '../../../src/cli/shell/index.ts';

function firstCommand(line: string) {
  return parseCommandLine(line).items[0].pipeline.commands[0];
}

function syntaxError(line: string): string {
  try {
    parseCommandLine(line);
  } catch (error) {
    if (error instanceof ShellSyntaxError) return error.message;
    throw error;
  }
  throw new Error(`no syntax error for ${line}`);
}

const text = (word: Word) => word.parts.map((p) => (p.kind === 'text' ? p.value : `<${p.kind}>`)).join('');

describe('words and quoting', () => {
  test('blanks separate words; quotes keep them together and are removed', () => {
    const words = firstCommand(`echo a   "b  c" 'd  e' f\\ g`).words.map(text);
    expect(words).toEqual(['echo', 'a', 'b  c', 'd  e', 'f g']);
  });

  test('quoted text is marked quoted; bare text is not (it may be split and globbed)', () => {
    const [, word] = firstCommand(`echo a"b"'c'`).words;
    expect(word.parts).toEqual([
      { kind: 'text', value: 'a', quoted: false },
      { kind: 'text', value: 'bc', quoted: true },
    ]);
  });

  test('an empty quoted string is still a word', () => {
    expect(firstCommand(`echo "" ''`).words).toHaveLength(3);
  });

  test('parameters, braces, special parameters and substitutions become parts', () => {
    const [, word] = firstCommand('echo $HOME${X}$?$(pwd)`pwd`').words;
    expect(word.parts.map((p) => p.kind)).toEqual(['parameter', 'parameter', 'parameter', 'substitution', 'substitution']);
  });

  test('in double quotes only \\$ \\` \\" \\\\ are escapes; other backslashes stay', () => {
    const [, word] = firstCommand('echo "\\$x \\n \\\\"').words;
    expect(text(word)).toBe('$x \\n \\');
  });

  test('a leading ~ is a tilde part, anywhere else it is text', () => {
    expect(firstCommand('echo ~/a').words[1].parts[0]).toEqual({ kind: 'tilde' });
    expect(firstCommand('echo a~').words[1].parts).toEqual([{ kind: 'text', value: 'a~', quoted: false }]);
  });

  test('# starts a comment only at the start of a word', () => {
    expect(firstCommand('echo a#b # rest').words.map(text)).toEqual(['echo', 'a#b']);
  });

  test('$ before nothing special is a literal dollar', () => {
    expect(text(firstCommand('echo $ a$').words[1])).toBe('$');
  });

  test("$'…' decodes C escapes", () => {
    expect(text(firstCommand("echo $'a\\tb\\x41'").words[1])).toBe('a\tbA');
  });
});

describe('operators', () => {
  test('pipelines and connectors', () => {
    const list = parseCommandLine('a | b |& c && d || e ; f & g');
    expect(list.items.map((item) => item.connector)).toEqual(['&&', '||', ';', '&', ';']);
    expect(list.items[0].pipeline.commands).toHaveLength(3);
    expect(list.items[0].pipeline.pipeStderr).toEqual([false, true]);
  });

  test('redirections with and without a file descriptor', () => {
    const command = firstCommand('cmd <in >out 2>err >>app 2>&1 &>both <<<word');
    expect(command.redirections.map((r) => [r.fd, r.op, text(r.target)])).toEqual([
      [undefined, '<', 'in'],
      [undefined, '>', 'out'],
      [2, '>', 'err'],
      [undefined, '>>', 'app'],
      [2, '>&', '1'],
      [undefined, '&>', 'both'],
      [undefined, '<<<', 'word'],
    ]);
  });

  test('digits glued to a word are not a file descriptor', () => {
    const command = firstCommand('echo a2>f');
    expect(command.words.map(text)).toEqual(['echo', 'a2']);
    expect(command.redirections[0].fd).toBeUndefined();
  });

  test('NAME=value before the command is an assignment; after it, an argument', () => {
    const command = firstCommand('A=1 B="x y" cmd C=3');
    expect(command.assignments.map((a) => [a.name, text(a.value)])).toEqual([
      ['A', '1'],
      ['B', 'x y'],
    ]);
    expect(command.words.map(text)).toEqual(['cmd', 'C=3']);
  });

  test('newlines separate commands like ;', () => {
    expect(parseCommandLine('echo a\necho b\n').items).toHaveLength(2);
  });
});

describe("bash's syntax errors", () => {
  test.each([
    ['| foo', 'bash: syntax error near unexpected token `|\''],
    ['echo a >', "bash: syntax error near unexpected token `newline'"],
    ['echo a ;; b', "bash: syntax error near unexpected token `;;'"],
    ['&& a', "bash: syntax error near unexpected token `&&'"],
    ['echo > > f', "bash: syntax error near unexpected token `>'"],
    ['echo a; ; b', "bash: syntax error near unexpected token `;'"],
    ['echo a | | b', "bash: syntax error near unexpected token `|'"],
    ['echo a && ; b', "bash: syntax error near unexpected token `;'"],
    ['echo )', "bash: syntax error near unexpected token `)'"],
    ['echo a (', "bash: syntax error near unexpected token `('"],
    ['fi', "bash: syntax error near unexpected token `fi'"],
    ["echo 'abc", "bash: unexpected EOF while looking for matching `''"],
    ['echo "abc', 'bash: unexpected EOF while looking for matching `"\''],
    ['echo ${a', "bash: unexpected EOF while looking for matching `}'"],
    ['echo $(echo a', "bash: unexpected EOF while looking for matching `)'"],
    ['echo `a', "bash: unexpected EOF while looking for matching ``'"],
    ['echo a |', 'bash: syntax error: unexpected end of file'],
    ['echo a &&', 'bash: syntax error: unexpected end of file'],
  ])('%s', (line, message) => {
    expect(syntaxError(line)).toBe(message);
  });

  test('constructs this terminal does not run are refused by name', () => {
    expect(syntaxError('if true; then echo; fi')).toBe('bash: compound commands (if …) are not supported in this terminal');
    expect(syntaxError('( echo a )')).toBe('bash: subshells ( … ) are not supported in this terminal');
    expect(syntaxError('cat <<EOF')).toBe('bash: here-documents (<<) are not supported in this terminal');
  });

  test('a syntax error anywhere stops the whole line: nothing runs, status 2', async () => {
    const shell = createShell();
    const result = await shell.run('echo first; echo second |');
    expect(result).toEqual({ stdout: '', stderr: 'bash: syntax error: unexpected end of file\n', exitCode: 2 });
    expect((await shell.run('echo $?')).stdout).toBe('2\n');
  });

  test('substitutions nested beyond the limit are refused, not recursed into', () => {
    const line = 'echo ' + '$('.repeat(40) + 'x' + ')'.repeat(40);
    expect(syntaxError(line)).toBe('bash: command substitutions nested too deeply for this terminal');
  });
});
