/**
 * The fixed questions of the practice exam, checked.
 *
 *   checkBank(files) → { questions, problems }   every file validated (./schema.ts); ids unique across the
 *                                                 bank and never shaped like a generated question's id
 *   examBank()       → the same for lessons/exam/bank/*.ts (the build's virtual module), computed once
 *
 * A bad file does not take the exam down: its valid questions are kept and its problems are listed
 * (the exam page shows them; the tests fail on them).
 */
import { bankFiles } from 'virtual:lessons-exam-bank';
import type { LessonProblem } from '../errors.ts';
import { parseGeneratedId } from './generated/family.ts';
import { validateExamQuestions } from './schema.ts';
import type { ExamQuestion } from './types.ts';

export interface BankFile {
  file: string;
  questions: unknown;
}

export interface CheckedBank {
  questions: ExamQuestion[];
  problems: LessonProblem[];
}

export function checkBank(files: readonly BankFile[]): CheckedBank {
  const questions: ExamQuestion[] = [];
  const problems: LessonProblem[] = [];
  const fileOf = new Map<string, string>();
  for (const { file, questions: exported } of files) {
    const result = validateExamQuestions(exported, file);
    if (!result.ok) problems.push(...result.problems);
    // The valid questions of a file with problems are still usable.
    const valid = result.ok ? result.output : validPart(exported, file);
    for (const question of valid) {
      const field = `question "${question.id}" id`;
      const other = fileOf.get(question.id);
      if (other !== undefined) {
        problems.push({ file, field, message: `expected an id unique in the bank, but ${other} has a question "${question.id}" too` });
        continue;
      }
      if (parseGeneratedId(question.id)) {
        problems.push({ file, field, message: 'expected an id that does not start with "gen-" (those name generated questions)' });
        continue;
      }
      fileOf.set(question.id, file);
      questions.push(question);
    }
  }
  return { questions, problems };
}

function validPart(exported: unknown, file: string): ExamQuestion[] {
  if (!Array.isArray(exported)) return [];
  return exported.flatMap((item) => {
    const one = validateExamQuestions([item], file);
    return one.ok ? one.output : [];
  });
}

let cached: CheckedBank | undefined;

export function examBank(): CheckedBank {
  return (cached ??= checkBank(bankFiles));
}
