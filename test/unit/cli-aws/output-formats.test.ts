/** The output formats on their own, against what AWS CLI v2 prints for the same values. */
import { describe, expect, test } from 'vitest';
import { formatJson } from '../../../src/cli/aws/output/json.ts';
import { formatText } from '../../../src/cli/aws/output/text.ts';
import { formatYaml } from '../../../src/cli/aws/output/yaml.ts';
import { formatTable } from '../../../src/cli/aws/output/table.ts';
import { isoTimestamp } from '../../../src/cli/aws/response.ts';
import type { CliValue } from '../../../src/cli/aws/output/value.ts';

describe('--output json', () => {
  test('4-space indent, keys in response order, non-ASCII kept', () => {
    expect(formatJson({ B: 1, A: ['x'], C: { é: true } })).toBe('{\n    "B": 1,\n    "A": [\n        "x"\n    ],\n    "C": {\n        "é": true\n    }\n}\n');
  });
  test('an empty response prints nothing; empty lists and null print', () => {
    expect(formatJson({})).toBe('');
    expect(formatJson({ Tags: [] })).toBe('{\n    "Tags": []\n}\n');
    expect(formatJson(null)).toBe('null\n');
  });
});

describe('--output text', () => {
  test('scalars of a mapping on one line, sorted, tab-separated; True/False/None as Python', () => {
    expect(formatText({ KeyId: 'k', Enabled: true, Extra: null })).toBe('True\tNone\tk\n');
  });
  test('nested lists of mappings get the upper-cased key and the union of scalar columns', () => {
    const value: CliValue = { Keys: [{ KeyId: 'a', KeyArn: 'arn-a' }, { KeyId: 'b' }] };
    expect(formatText(value)).toBe('KEYS\tarn-a\ta\nKEYS\t\tb\n');
  });
  test('a list of scalars under a key: one line each; a bare list: one tab-separated line', () => {
    expect(formatText({ EncryptionAlgorithms: ['A', 'B'] })).toBe('ENCRYPTIONALGORITHMS\tA\nENCRYPTIONALGORITHMS\tB\n');
    expect(formatText(['A', 'B', 3])).toBe('A\tB\t3\n');
    expect(formatText([['a', 'b'], ['c', 'd']])).toBe('a\tb\nc\td\n');
  });
  test('scalars print alone; an empty list prints nothing', () => {
    expect(formatText('AQID')).toBe('AQID\n');
    expect(formatText([])).toBe('');
    expect(formatText(false)).toBe('False\n');
  });
  test('scalars first, then nested values in key order', () => {
    const value = { KeyMetadata: { KeyId: 'k', EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'], Enabled: false } };
    expect(formatText(value)).toBe('KEYMETADATA\tFalse\tk\nENCRYPTIONALGORITHMS\tSYMMETRIC_DEFAULT\n');
  });
});

describe('--output yaml', () => {
  test('keys sorted, sequences not indented, strings that look like numbers or dates quoted', () => {
    const value = { Z: ['a'], AWSAccountId: '111122223333', CreationDate: '2026-01-01T00:00:00+00:00', Enabled: true };
    expect(formatYaml(value)).toBe("AWSAccountId: '111122223333'\nCreationDate: '2026-01-01T00:00:00+00:00'\nEnabled: true\nZ:\n- a\n");
  });
  test('scalars print as JSON, an empty response prints nothing', () => {
    expect(formatYaml('text')).toBe('"text"\n');
    expect(formatYaml(3)).toBe('3\n');
    expect(formatYaml({})).toBe('');
  });
});

describe('--output table', () => {
  // Expected texts printed by awscli's own TableFormatter (color off) for the same values.
  test('a mapping with one scalar is a key/value row under the title', () => {
    expect(formatTable({ KeyState: 'Enabled' }, 'DescribeKey')).toBe(
      '-------------------------\n|      DescribeKey      |\n+-----------+-----------+\n|  KeyState |  Enabled  |\n+-----------+-----------+\n',
    );
  });
  test('several scalars become a header row and a value row, widths scaled with round-half-even', () => {
    expect(formatTable({ A: 'x', B: 'y' }, 'T')).toBe(
      '------------\n|     T    |\n+----+-----+\n|  A |  B  |\n+----+-----+\n|  x |  y  |\n+----+-----+\n',
    );
  });
  test('nothing is printed for an empty value', () => {
    expect(formatTable({}, 'T')).toBe('');
    expect(formatTable(null, 'T')).toBe('');
  });
});

describe('timestamps as CLI v2 prints them', () => {
  test('Python isoformat in UTC, microseconds only when there is a fraction', () => {
    expect(isoTimestamp(1767225600)).toBe('2026-01-01T00:00:00+00:00');
    expect(isoTimestamp(1767225600.25)).toBe('2026-01-01T00:00:00.250000+00:00');
  });
});
