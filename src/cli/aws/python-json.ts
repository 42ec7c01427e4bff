/**
 * Python's `json.loads`, which the CLI uses for JSON parameter values, so that a mistyped value
 * gets Python's own message ("Expecting ',' delimiter: line 1 column 9 (char 8)") as the learner
 * would see it from the real CLI. Values come out as JavaScript values (NaN/Infinity included).
 */
export class PythonJsonError extends Error {}

const NUMBER = /(-?(?:0|[1-9]\d*))(\.\d+)?([eE][-+]?\d+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

function fail(message: string, doc: string, pos: number): never {
  const line = doc.slice(0, pos).split('\n').length;
  const column = pos - doc.lastIndexOf('\n', pos - 1);
  throw new PythonJsonError(`${message}: line ${line} column ${column} (char ${pos})`);
}

/** Thrown by scanOnce when no value starts at `pos` (Python's StopIteration). */
class NoValue {
  constructor(readonly pos: number) {}
}

export function pythonJsonLoads(doc: string): unknown {
  const skip = (pos: number) => {
    WHITESPACE.lastIndex = pos;
    WHITESPACE.exec(doc);
    return WHITESPACE.lastIndex;
  };

  const scanString = (start: number): [string, number] => {
    let out = '';
    let end = start;
    for (;;) {
      if (end >= doc.length) fail('Unterminated string starting at', doc, start - 1);
      const char = doc[end];
      if (char === '"') return [out, end + 1];
      if (char.charCodeAt(0) < 0x20) fail('Invalid control character at', doc, end);
      if (char !== '\\') {
        out += char;
        end++;
        continue;
      }
      const escape = doc[end + 1];
      if (escape === undefined) fail('Unterminated string starting at', doc, start - 1);
      if (escape !== 'u') {
        if (!Object.hasOwn(ESCAPES, escape)) fail('Invalid \\escape', doc, end);
        out += ESCAPES[escape];
        end += 2;
        continue;
      }
      const hex = doc.slice(end + 2, end + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('Invalid \\uXXXX escape', doc, end + 1);
      out += String.fromCharCode(parseInt(hex, 16));
      end += 6;
    }
  };

  const scanObject = (start: number): [Record<string, unknown>, number] => {
    const result: Record<string, unknown> = {};
    let end = skip(start);
    let next = doc[end] ?? '';
    if (next !== '"') {
      if (next === '}') return [result, end + 1];
      fail('Expecting property name enclosed in double quotes', doc, end);
    }
    end++;
    for (;;) {
      let key: string;
      [key, end] = scanString(end);
      if (doc[end] !== ':') {
        end = skip(end);
        if (doc[end] !== ':') fail("Expecting ':' delimiter", doc, end);
      }
      end = skip(end + 1);
      let value: unknown;
      [value, end] = scanValue(end, true);
      result[key] = value;
      end = skip(end);
      next = doc[end] ?? '';
      end++;
      if (next === '}') return [result, end];
      if (next !== ',') fail("Expecting ',' delimiter", doc, end - 1);
      end = skip(end);
      next = doc[end] ?? '';
      end++;
      if (next !== '"') fail('Expecting property name enclosed in double quotes', doc, end - 1);
    }
  };

  const scanArray = (start: number): [unknown[], number] => {
    const result: unknown[] = [];
    let end = skip(start);
    if (doc[end] === ']') return [result, end + 1];
    for (;;) {
      let value: unknown;
      [value, end] = scanValue(end, true);
      result.push(value);
      end = skip(end);
      const next = doc[end] ?? '';
      end++;
      if (next === ']') return [result, end];
      if (next !== ',') fail("Expecting ',' delimiter", doc, end - 1);
      end = skip(end);
    }
  };

  /** Python's scan_once; `nested` turns "no value here" into "Expecting value" at that point. */
  const scanValue = (pos: number, nested: boolean): [unknown, number] => {
    const char = doc[pos];
    const literal = (word: string, value: unknown): [unknown, number] | undefined =>
      doc.startsWith(word, pos) ? [value, pos + word.length] : undefined;
    let found: [unknown, number] | undefined;
    if (char === '"') found = scanString(pos + 1);
    else if (char === '{') found = scanObject(pos + 1);
    else if (char === '[') found = scanArray(pos + 1);
    else if (char === 'n') found = literal('null', null);
    else if (char === 't') found = literal('true', true);
    else if (char === 'f') found = literal('false', false);
    else if (char === 'N') found = literal('NaN', NaN);
    else if (char === 'I') found = literal('Infinity', Infinity);
    else if (char === '-' && doc.startsWith('-Infinity', pos)) found = [-Infinity, pos + 9];
    else {
      NUMBER.lastIndex = pos;
      const number = pos < doc.length ? NUMBER.exec(doc) : null;
      if (number) found = [Number(number[0]), pos + number[0].length];
    }
    if (found) return found;
    if (nested) fail('Expecting value', doc, pos);
    throw new NoValue(pos);
  };

  try {
    const [value, end] = scanValue(skip(0), false);
    const rest = skip(end);
    if (rest !== doc.length) fail('Extra data', doc, rest);
    return value;
  } catch (error) {
    if (error instanceof NoValue) fail('Expecting value', doc, error.pos);
    throw error;
  }
}
