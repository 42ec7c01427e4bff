import { describe, expect, it } from 'vitest';
import { scanJson } from '../../src/ui/access/json-scan';
import { parseEncryptionContext } from '../../src/ui/access/try-request';

describe("the policy editor's JSON reader", () => {
  it.each([
    ['{"a": 1,}', 1, 9, 'Expected a property name in double quotes, found "}". There is a comma after the last property.'],
    ['{"a": [1,\n  ]}', 2, 3, 'There is a comma after the last item of the list.'],
    ['{"a" 1}', 1, 6, 'Expected ":" after the property name "a", found "1".'],
    ["{\n  'a': 1}", 2, 3, 'Expected a property name in double quotes, found "\'".'],
    ['{"a": "x\n"}', 1, 9, 'A string cannot span lines: close it with a double quote.'],
    ['{"a": "\\q"}', 1, 8, 'Unknown escape "\\q" in a string.'],
    ['{"a": tru}', 1, 7, 'Expected a value (a string, number, object, list, true, false or null), found "t".'],
    ['{"a": 1} x', 1, 10, 'Unexpected text after the end of the JSON document: "x".'],
    ['{"a": {"b": 1}', 1, 15, 'Expected "," or "}" after the value of "a", found the end of the text.'],
    ['  ', 1, 3, 'The policy is empty.'],
  ])('%j: line %i, column %i', (text, line, column, message) => {
    expect(scanJson(text).error).toMatchObject({ line, column, message });
    expect(() => JSON.parse(text)).toThrow();
  });

  it('accepts what JSON.parse accepts, and finds where each statement starts', () => {
    const text = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Sid": "A", "Condition": { "Statement": [1] } },\n    { "Sid": "B", "Effect": -1.5e3, "X": [true, false, null, "\\u00e9\\n"] }\n  ]\n}';
    expect(() => JSON.parse(text)).not.toThrow();
    const scan = scanJson(text);
    expect(scan.error).toBeUndefined();
    expect(scan.statementOffsets.map((o) => text.slice(o, o + 12))).toEqual(['{ "Sid": "A"', '{ "Sid": "B"']);
    expect(scanJson('{"Statement": {"Sid": "only"}}').statementOffsets).toEqual([14]);
  });
});

describe('the encryption context of "Try this request"', () => {
  it('reads the CLI shorthand and refuses a pair without a key', () => {
    expect(parseEncryptionContext(' Dept=IT, Project = alpha ,')).toEqual({ ok: true, value: { Dept: 'IT', Project: 'alpha' } });
    expect(parseEncryptionContext('')).toEqual({ ok: true, value: {} });
    expect(parseEncryptionContext('Dept=IT,oops')).toEqual({ ok: false, error: '"oops" is not a key=value pair.' });
    expect(parseEncryptionContext('=x')).toEqual({ ok: false, error: '"=x" is not a key=value pair.' });
  });
});
