/** The build-time module of the bank: every lessons/exam/bank/*.ts imported, tests and declarations not, in name order. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { examBankFiles, examBankModule } from '../../../src/lessons/build/exam-bank';
import { readLessons } from '../../../src/lessons/build/read-lessons';

function lessonsDir(files: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'exam-bank-'));
  mkdirSync(join(root, 'lessons', 'exam', 'bank'), { recursive: true });
  for (const file of files) writeFileSync(join(root, 'lessons', 'exam', 'bank', file), 'export default [];\n');
  return root;
}

describe('examBankModule', () => {
  it('imports each bank file once, by absolute path, and names it by its path from the root', () => {
    const root = lessonsDir(['key-types.ts', 'encryption-in-flight.ts', 'key-types.test.ts', 'types.d.ts', 'notes.md']);
    const dir = join(root, 'lessons');
    expect(examBankFiles(dir).map((file) => file.slice(dir.length + 1))).toEqual(['exam/bank/encryption-in-flight.ts', 'exam/bank/key-types.ts']);
    const code = examBankModule(dir, root);
    expect(code).toContain(`import bank0 from ${JSON.stringify(join(dir, 'exam/bank/encryption-in-flight.ts'))};`);
    expect(code).toContain('{ file: "lessons/exam/bank/key-types.ts", questions: bank1 },');
    expect(code.match(/^import /gm)).toHaveLength(2);
  });

  it('is an empty list without a bank folder, and the lesson reader never takes exam/ for a lesson', () => {
    const root = mkdtempSync(join(tmpdir(), 'exam-bank-'));
    expect(examBankModule(join(root, 'lessons'), root)).toBe('export const bankFiles = [\n];\n');
    const withBank = lessonsDir(['key-types.ts']);
    expect(readLessons(join(withBank, 'lessons'), withBank)).toEqual([]);
  });
});
