/**
 * The real bank (lessons/exam/bank/*.ts, through the build's virtual module) and the generated
 * questions against the lessons that exist now (read with the build's own reader): every question fits
 * the schema, and every lessonId and ref names a real lesson and a real step of it. A question about a
 * lesson that does not exist (yet) is reported by name.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bankFiles } from 'virtual:lessons-exam-bank';
import { readEachLesson } from '../../../src/lessons/build/read-lessons';
import { formatProblem } from '../../../src/lessons/errors';
import { checkBank } from '../../../src/lessons/exam/bank';
import { QUESTION_FAMILIES, generateQuestion } from '../../../src/lessons/exam/generated/index';
import { examReferenceProblems } from '../../../src/lessons/exam/references';
import { EXAM_TOPICS } from '../../../src/lessons/exam/types';
import { FIXTURE_BANK } from './fixture-bank';

const root = resolve(__dirname, '../../..');
// The lessons that load now: a lesson still being written is left out (its questions are then reported).
const lessons = readEachLesson(resolve(root, 'lessons'), root).lessons.map((lesson) => lesson.summary);
// Until the bank's files exist the fixture stands in, so these checks always run on something.
const files = bankFiles.length > 0 ? bankFiles : [{ file: 'test/unit/exam/fixture-bank.ts', questions: FIXTURE_BANK }];
const bank = checkBank(files);
const fileOf = new Map(files.flatMap(({ file, questions }) => (Array.isArray(questions) ? questions.map((q: { id?: string }) => [q.id, file] as const) : [])));

describe('the exam bank', () => {
  it('has no schema problems in any file', () => {
    expect(bank.problems.map(formatProblem)).toEqual([]);
    expect(bank.questions.length).toBeGreaterThan(0);
  });

  it('points every question at a real lesson and real steps of it', () => {
    const problems = examReferenceProblems(bank.questions, lessons, (q) => fileOf.get(q.id) ?? 'lessons/exam/bank');
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it('with the generated questions, offers at least 80 questions, and something in every topic once the bank is in', async () => {
    const generated = new Set<string>();
    for (const family of QUESTION_FAMILIES) for (const seed of [1, 2, 3]) generated.add((await generateQuestion(family, seed)).prompt);
    const topics = new Set([...bank.questions.map((q) => q.topic), ...QUESTION_FAMILIES.map((f) => f.topic)]);
    if (bankFiles.length > 0) {
      expect(bank.questions.length + generated.size).toBeGreaterThanOrEqual(80);
      expect([...EXAM_TOPICS].filter((topic) => !topics.has(topic))).toEqual([]);
    } else expect(generated.size).toBeGreaterThanOrEqual(2 * QUESTION_FAMILIES.length);
  });
});

describe('generated questions', () => {
  it('point at real lessons and steps, for several seeds', async () => {
    const questions = [];
    for (const family of QUESTION_FAMILIES) for (const seed of [5, 6]) questions.push(await generateQuestion(family, seed));
    expect(examReferenceProblems(questions, lessons, (q) => `src/lessons/exam/generated (${q.id})`).map(formatProblem)).toEqual([]);
  });
});

describe('examReferenceProblems', () => {
  it('flags a lesson that does not exist and a step its lesson does not have', () => {
    const [question] = FIXTURE_BANK;
    const problems = examReferenceProblems(
      [{ ...question!, id: 'x1', lessonId: 'no-such-lesson' }, { ...question!, id: 'x2', refs: ['choose-key-spec', 'no-such-step'] }],
      [{ id: 'key-types', steps: [{ id: 'choose-key-spec', title: 'Choose', handsOn: false }] }],
    );
    expect(problems.map(formatProblem)).toEqual([
      'lessons/exam/bank: field "question "x1" lessonId": expected the id of a lesson (key-types), got "no-such-lesson": there is no such lesson yet',
      'lessons/exam/bank: field "question "x2" refs": expected step ids of lesson key-types (choose-key-spec), got "no-such-step"',
    ]);
  });
});
