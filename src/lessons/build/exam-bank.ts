/**
 * The practice exam's question bank as a virtual module (build time, Node only):
 *
 *   import { bankFiles } from 'virtual:lessons-exam-bank';
 *     bankFiles: { file: string; questions: unknown }[]   one entry per lessons/exam/bank/*.ts, sorted by name
 *
 * Every *.ts file in the bank folder is imported (tests beside them, *.test.ts, are not); what each
 * exports is validated where it is used (src/lessons/exam/bank.ts), so a bad file names its question
 * and field. The name starts with "virtual:lessons" so the lessons plugin's dev reload covers it.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const EXAM_BANK_ID = 'virtual:lessons-exam-bank';
/** Where the bank lives inside the lessons folder. */
export const EXAM_BANK_FOLDER = join('exam', 'bank');

export function examBankFiles(lessonsDir: string): string[] {
  const dir = join(lessonsDir, EXAM_BANK_FOLDER);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(dir, entry.name))
    .sort();
}

export function examBankModule(lessonsDir: string, root: string): string {
  const files = examBankFiles(lessonsDir);
  const imports = files.map((file, index) => `import bank${index} from ${JSON.stringify(file.split(sep).join('/'))};`);
  const entries = files.map((file, index) => `  { file: ${JSON.stringify(relative(root, file).split(sep).join('/'))}, questions: bank${index} },`);
  return [...imports, 'export const bankFiles = [', ...entries, '];', ''].join('\n');
}
