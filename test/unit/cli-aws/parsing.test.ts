/** The pieces ported from the CLI and Python: shorthand, base64 decoding, close matches. */
import { describe, expect, test } from 'vitest';
import { parseShorthand, ShorthandError } from '../../../src/cli/aws/shorthand.ts';
import { pythonBase64Decode } from '../../../src/cli/aws/python-base64.ts';
import { closeMatches } from '../../../src/cli/aws/close-matches.ts';
import { pythonJsonLoads, PythonJsonError } from '../../../src/cli/aws/python-json.ts';

describe('shorthand syntax', () => {
  test('key=value pairs, csv lists, explicit lists and hashes, quotes', () => {
    expect(parseShorthand('Dept=IT,Project=x')).toEqual({ Dept: 'IT', Project: 'x' });
    expect(parseShorthand('a=b,c,d=e')).toEqual({ a: ['b', 'c'], d: 'e' });
    expect(parseShorthand('a=[1,2],b={c=d}')).toEqual({ a: ['1', '2'], b: { c: 'd' } });
    expect(parseShorthand(`a="x,y",b='z=w'`)).toEqual({ a: 'x,y', b: 'z=w' });
    expect(parseShorthand('a=')).toEqual({ a: '' });
  });
  test('errors point at the position', () => {
    expect(() => parseShorthand('a')).toThrow(new ShorthandError("Expected: '=', received: 'EOF' for input:\na\n ^"));
    expect(() => parseShorthand('a=b,a=c')).toThrow(/Second instance of key "a" encountered/);
  });
});

describe("Python's base64.b64decode (non-strict)", () => {
  test('decodes, skips characters outside the alphabet, stops after padding', () => {
    expect([...pythonBase64Decode('aGVsbG8=')!]).toEqual([...new TextEncoder().encode('hello')]);
    expect([...pythonBase64Decode('aGVs\nbG8=\n')!]).toEqual([...new TextEncoder().encode('hello')]);
    expect([...pythonBase64Decode('aGk=garbage')!]).toEqual([...new TextEncoder().encode('hi')]);
    expect(pythonBase64Decode('')!.length).toBe(0);
  });
  test('a dangling quantum is invalid', () => {
    expect(pythonBase64Decode('hello')).toBeUndefined();
    expect(pythonBase64Decode('aGk')).toBeUndefined();
  });
});

describe('difflib.get_close_matches', () => {
  test('best first, cutoff respected', () => {
    expect(closeMatches('encryptx', ['decrypt', 'encrypt', 'sign'], 3, 0.8)).toEqual(['encrypt', 'decrypt']);
    expect(closeMatches('zzz', ['encrypt'], 3, 0.8)).toEqual([]);
  });
});

describe("Python's json.loads messages (as printed by Python 3.11 for the same documents)", () => {
  const cases: [string, string][] = [
    ['{bad', 'Expecting property name enclosed in double quotes: line 1 column 2 (char 1)'],
    ['{"a" "b"}', "Expecting ':' delimiter: line 1 column 6 (char 5)"],
    ['{"a": }', 'Expecting value: line 1 column 7 (char 6)'],
    ['{"a":"b",}', 'Expecting property name enclosed in double quotes: line 1 column 10 (char 9)'],
    ['{"a":"b"} x', 'Extra data: line 1 column 11 (char 10)'],
    ['[1,2', "Expecting ',' delimiter: line 1 column 5 (char 4)"],
    ['{"a":"b\\q"}', 'Invalid \\escape: line 1 column 8 (char 7)'],
    ['{"a":"x', 'Unterminated string starting at: line 1 column 6 (char 5)'],
    ['[1,]', 'Expecting value: line 1 column 4 (char 3)'],
    ['{\n "a": 1,\n "b" 2}', "Expecting ':' delimiter: line 3 column 6 (char 16)"],
    ['', 'Expecting value: line 1 column 1 (char 0)'],
  ];
  test.each(cases)('%j', (doc, message) => {
    expect(() => pythonJsonLoads(doc)).toThrow(new PythonJsonError(message));
  });
  test('valid documents parse to the same values', () => {
    expect(pythonJsonLoads(' {"a": [1, 2.5, true, null, "\\u00e9"]} ')).toEqual({ a: [1, 2.5, true, null, 'é'] });
  });
});
