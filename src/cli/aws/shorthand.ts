/**
 * The CLI's shorthand syntax (`Dept=IT,Project=x`, `TagKey=a,TagValue=b`, `k=[a,b]`, `k={a=b}`):
 * a port of awscli/shorthand.py, including its error messages with the caret under the position.
 * The result is untyped (strings, lists, objects); `param-values.ts` fits it to the shape.
 */
export type ShorthandValue = string | ShorthandValue[] | { [key: string]: ShorthandValue };

export class ShorthandError extends Error {}

const START_WORD = '!#-&(-+\\--<>-Z\\\\-z\\u007c-\\uffff';
const FIRST_FOLLOW = '\\s!#-&(-+\\--\\\\^-|~-\\uffff';
const SECOND_FOLLOW = '\\s!#-&(-+\\--<>-\\uffff';
const ESCAPED_COMMA = '(\\\\,)';
const word = (name: string, follow: string) => ({
  name,
  regex: new RegExp(`(${ESCAPED_COMMA}|[${START_WORD}])(${ESCAPED_COMMA}|[${follow}])*`, 'y'),
});
const FIRST_VALUE = word('first', FIRST_FOLLOW);
const SECOND_VALUE = word('second', SECOND_FOLLOW);
const SINGLE_QUOTED = { name: 'singled quoted', regex: /'(?:\\\\|\\'|[^'])*'/y };
const DOUBLE_QUOTED = { name: 'double quoted', regex: /"(?:\\\\|\\"|[^"])*"/y };
const KEY_CHARS = /[A-Za-z0-9\-_.#/:]/;
const WHITESPACE = /[ \t\n\r\x0b\x0c]/;
const EOF = '';

function errorLocation(value: string, index: number): string {
  let spaces = index;
  const consumed = value.slice(0, index);
  if (consumed.includes('\n')) spaces = index - consumed.lastIndexOf('\n') - 1;
  const newline = value.indexOf('\n', index);
  const [before, after] = newline < 0 ? [value, ''] : [value.slice(0, newline), value.slice(newline + 1)];
  return `${before}\n${' '.repeat(spaces)}^${after ? '\n' + after : ''}`;
}

function syntaxError(value: string, expected: string, actual: string, index: number): ShorthandError {
  return new ShorthandError(`Expected: '${expected}', received: '${actual}' for input:\n${errorLocation(value, index)}`);
}

export function parseShorthand(input: string): Record<string, ShorthandValue> {
  let index = 0;
  const atEof = () => index >= input.length;
  const current = () => (atEof() ? EOF : input[index]);
  const skipWhitespace = () => {
    while (!atEof() && WHITESPACE.test(input[index])) index++;
  };
  const expect = (char: string, consumeWhitespace = false) => {
    if (consumeWhitespace) skipWhitespace();
    if (atEof()) throw syntaxError(input, char, 'EOF', index);
    if (input[index] !== char) throw syntaxError(input, char, input[index], index);
    index++;
    if (consumeWhitespace) skipWhitespace();
  };
  const match = (pattern: { regex: RegExp }): string | undefined => {
    pattern.regex.lastIndex = index;
    const found = pattern.regex.exec(input);
    if (!found) return undefined;
    index += found[0].length;
    return found[0];
  };
  const mustMatch = (pattern: { name: string; regex: RegExp }): string => {
    const found = match(pattern);
    if (found === undefined) throw syntaxError(input, `<${pattern.name}>`, '<none>', index);
    return found;
  };
  const quoted = (pattern: { name: string; regex: RegExp }, quote: string) =>
    mustMatch(pattern).slice(1, -1).replaceAll(`\\${quote}`, quote).replaceAll('\\\\', '\\');
  const key = () => {
    const start = index;
    while (!atEof() && KEY_CHARS.test(input[index])) index++;
    return input.slice(start, index);
  };
  const firstValue = (): string => {
    if (current() === "'") return quoted(SINGLE_QUOTED, "'");
    if (current() === '"') return quoted(DOUBLE_QUOTED, '"');
    const found = match(FIRST_VALUE);
    return found === undefined ? '' : found.replaceAll('\\,', ',').trimEnd();
  };
  const secondValue = (): string => {
    if (current() === "'") return quoted(SINGLE_QUOTED, "'");
    if (current() === '"') return quoted(DOUBLE_QUOTED, '"');
    return mustMatch(SECOND_VALUE).replaceAll('\\,', ',').trimEnd();
  };
  const explicitValues = (): ShorthandValue => {
    if (current() === '[') return explicitList();
    if (current() === '{') return hashLiteral();
    return firstValue();
  };
  const explicitList = (): ShorthandValue[] => {
    expect('[', true);
    const values: ShorthandValue[] = [];
    while (current() !== ']') {
      values.push(explicitValues());
      skipWhitespace();
      if (current() !== ']') {
        expect(',');
        skipWhitespace();
      }
    }
    expect(']');
    return values;
  };
  const hashLiteral = (): Record<string, ShorthandValue> => {
    expect('{', true);
    const entries: Record<string, ShorthandValue> = {};
    while (current() !== '}') {
      const name = key();
      expect('=', true);
      const value = explicitValues();
      skipWhitespace();
      if (current() !== '}') {
        expect(',');
        skipWhitespace();
      }
      entries[name] = value;
    }
    expect('}');
    return entries;
  };
  const csvValue = (): ShorthandValue => {
    const first = firstValue();
    skipWhitespace();
    if (atEof() || input[index] !== ',') return first;
    expect(',', true);
    const list: string[] = [first];
    for (;;) {
      try {
        const value = secondValue();
        skipWhitespace();
        if (atEof()) {
          list.push(value);
          break;
        }
        expect(',', true);
        list.push(value);
      } catch (error) {
        if (atEof()) throw error;
        // The word was the next key (`a=b,c=d`): step back to its comma.
        while (index >= 0 && input[index] !== ',') index--;
        break;
      }
    }
    return list.length === 1 ? first : list;
  };
  const values = (): ShorthandValue => {
    if (atEof()) return '';
    if (current() === '[') return explicitList();
    if (current() === '{') return hashLiteral();
    return csvValue();
  };
  const keyval = (): [string, ShorthandValue] => {
    const name = key();
    expect('=', true);
    return [name, values()];
  };

  const params: Record<string, ShorthandValue> = {};
  const [firstKey, firstVal] = keyval();
  params[firstKey] = firstVal;
  let lastIndex = index;
  while (index < input.length) {
    expect(',', true);
    const [name, value] = keyval();
    if (Object.hasOwn(params, name)) {
      throw new ShorthandError(
        `Second instance of key "${name}" encountered for input:\n${errorLocation(input, lastIndex + 1)}\n` +
          'This is often because there is a preceding "," instead of a space.',
      );
    }
    params[name] = value;
    lastIndex = index;
  }
  return params;
}
