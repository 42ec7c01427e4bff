/**
 * A small JSON reader for the policy editor: where the first syntax error is (offset, line and
 * column, the same in every browser, which JSON.parse's messages are not) and where each statement
 * of the policy's `Statement` starts, so a grammar problem can point at its line.
 */
export interface TextPosition {
  offset: number;
  /** 1-based. */
  line: number;
  /** 1-based, in characters. */
  column: number;
}

export interface JsonSyntaxError extends TextPosition {
  message: string;
}

export interface JsonScan {
  error?: JsonSyntaxError;
  /** Offsets of the statements of the top-level `Statement` (one entry when it is a single object). */
  statementOffsets: number[];
}

export function positionAt(text: string, offset: number): TextPosition {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { offset, line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

class Fail extends Error {
  constructor(readonly at: number, message: string) {
    super(message);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;

export function scanJson(text: string): JsonScan {
  const statementOffsets: number[] = [];
  let i = 0;
  const skip = () => {
    WHITESPACE.lastIndex = i;
    WHITESPACE.exec(text);
    i = WHITESPACE.lastIndex;
  };
  const describe = (at: number) => (at >= text.length ? 'the end of the text' : `"${text[at]}"`);

  function string(): void {
    const start = i;
    i++; // opening quote
    for (;;) {
      if (i >= text.length) throw new Fail(start, 'This string has no closing double quote.');
      const c = text[i];
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) throw new Fail(i, 'A \\u escape needs four hexadecimal digits.');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else throw new Fail(i, `Unknown escape "\\${e ?? ''}" in a string.`);
        continue;
      }
      if (c < ' ') throw new Fail(i, c === '\n' ? 'A string cannot span lines: close it with a double quote.' : 'A control character must be escaped in a string.');
      i++;
    }
  }

  function value(path: string[]): void {
    skip();
    const c = text[i];
    if (c === '{') return object(path);
    if (c === '[') return array(path);
    if (c === '"') return string();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    NUMBER.lastIndex = i;
    if (c !== undefined && /[-\d]/.test(c) && NUMBER.exec(text)) {
      i = NUMBER.lastIndex;
      return;
    }
    if (c === "'") throw new Fail(i, 'JSON strings use double quotes, not single quotes.');
    throw new Fail(i, `Expected a value (a string, number, object, list, true, false or null), found ${describe(i)}.`);
  }

  function object(path: string[]): void {
    if (path.length === 1 && path[0] === 'Statement') statementOffsets.push(i);
    i++;
    skip();
    if (text[i] === '}') {
      i++;
      return;
    }
    for (;;) {
      skip();
      if (text[i] !== '"') {
        const trailing = text[i] === '}' ? ' There is a comma after the last property.' : '';
        throw new Fail(i, `Expected a property name in double quotes, found ${describe(i)}.${trailing}`);
      }
      const keyStart = i;
      string();
      const key = JSON.parse(text.slice(keyStart, i)) as string;
      skip();
      if (text[i] !== ':') throw new Fail(i, `Expected ":" after the property name "${key}", found ${describe(i)}.`);
      i++;
      value(path.length === 0 ? [key] : [...path, key]);
      skip();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') {
        i++;
        return;
      }
      throw new Fail(i, `Expected "," or "}" after the value of "${key}", found ${describe(i)}.`);
    }
  }

  function array(path: string[]): void {
    const statements = path.length === 1 && path[0] === 'Statement';
    i++;
    skip();
    if (text[i] === ']') {
      i++;
      return;
    }
    for (;;) {
      skip();
      if (text[i] === ']') throw new Fail(i, 'There is a comma after the last item of the list.');
      if (statements) statementOffsets.push(i);
      value(statements ? ['Statement', 'item'] : [...path, 'item']);
      skip();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') {
        i++;
        return;
      }
      throw new Fail(i, `Expected "," or "]" after an item of the list, found ${describe(i)}.`);
    }
  }

  try {
    skip();
    if (i >= text.length) throw new Fail(i, 'The policy is empty.');
    value([]);
    skip();
    if (i < text.length) throw new Fail(i, `Unexpected text after the end of the JSON document: ${describe(i)}.`);
    return { statementOffsets };
  } catch (e) {
    if (!(e instanceof Fail)) throw e;
    return { error: { ...positionAt(text, e.at), message: e.message }, statementOffsets };
  }
}
