/** Drawing an attempt's questions from a seed, resolving them again for review, and grading with per-topic scores. */
import { describe, expect, it } from 'vitest';
import { drawQuestionIds, resolveQuestions } from '../../../src/lessons/exam/draw';
import { QUESTION_FAMILIES, parseGeneratedId } from '../../../src/lessons/exam/generated/index';
import { examGrader, gradeExam, stepsToStudy, topicLabel } from '../../../src/lessons/exam/grade';
import { FIXTURE_BANK } from './fixture-bank';

const draw = (count: number, seed: number) => drawQuestionIds({ bank: FIXTURE_BANK, families: QUESTION_FAMILIES, count, seed });

describe('drawQuestionIds', () => {
  it('draws the same ids for the same seed, and other ids for another seed', () => {
    expect(draw(20, 5)).toEqual(draw(20, 5));
    expect(draw(20, 6)).not.toEqual(draw(20, 5));
  });

  it('gives every topic with questions a turn before any topic gets a second', async () => {
    const topicsWithQuestions = new Set([...FIXTURE_BANK.map((q) => q.topic), ...QUESTION_FAMILIES.map((f) => f.topic)]);
    for (const seed of [1, 2, 3]) {
      const ids = draw(topicsWithQuestions.size, seed);
      const questions = await resolveQuestions(ids, FIXTURE_BANK, QUESTION_FAMILIES);
      expect(new Set(questions.map((q) => q.topic))).toEqual(topicsWithQuestions);
    }
  });

  it('never repeats an id, and never asks one family the same parameters twice', () => {
    const ids = draw(100, 11);
    expect(new Set(ids).size).toBe(ids.length);
    // the fixture's 5 questions plus two per family is all there is
    expect(ids.length).toBe(FIXTURE_BANK.length + 2 * QUESTION_FAMILIES.length);
    expect(ids.filter((id) => parseGeneratedId(id)).length).toBe(2 * QUESTION_FAMILIES.length);
  });

  it('resolves stored ids back to the same questions, leaving out ids that are no longer in the bank', async () => {
    const ids = draw(8, 21);
    const first = await resolveQuestions(ids, FIXTURE_BANK, QUESTION_FAMILIES);
    const again = await resolveQuestions(ids, FIXTURE_BANK, QUESTION_FAMILIES);
    expect(again).toEqual(first);
    expect(first.map((q) => q.id)).toEqual(ids);
    const gone = await resolveQuestions(['kt-1', 'removed-question', 'gen-no-such-family-3'], FIXTURE_BANK, QUESTION_FAMILIES);
    expect(gone.map((q) => q.id)).toEqual(['kt-1']);
  });
});

describe('gradeExam', () => {
  it('scores one point per question, all or nothing, overall and per topic in the curriculum order', () => {
    const grade = gradeExam(FIXTURE_BANK, {
      'kt-1': 'a', // right
      'kt-2': ['a'], // half of a "choose two": no point
      'km-1': 'b', // right
      'km-2': 'a', // wrong
      // eif-1 not answered
    });
    expect(grade).toMatchObject({ score: 2, max: 5, answered: 4 });
    expect(grade.topics).toEqual([
      { topic: 'encryption-in-flight', score: 0, max: 1 },
      { topic: 'key-types', score: 1, max: 2 },
      { topic: 'key-management', score: 1, max: 2 },
    ]);
    const eif = grade.results.find((r) => r.questionId === 'eif-1')!;
    expect(eif).toMatchObject({ answered: false, correct: false, refs: ['plain-http'] });
    const kt2 = grade.results.find((r) => r.questionId === 'kt-2')!;
    expect(kt2.kind === 'multi' && kt2.options.map((o) => [o.id, o.chosen, o.correct])).toEqual([
      ['a', true, true],
      ['b', false, false],
      ['c', false, true],
    ]);
  });

  it('gives the quiz views the same grades through examGrader', async () => {
    const grader = examGrader(FIXTURE_BANK);
    expect(await grader.key()).toMatchObject({ 'kt-1': 'a', 'kt-2': ['a', 'c'] });
    expect(await grader.gradeQuestion('kt-2', ['c', 'a'])).toMatchObject({ correct: true, score: 1 });
    const whole = await grader.gradeQuiz({ 'kt-1': 'a' });
    expect(whole).toMatchObject({ score: 1, max: 5, answered: 1 });
  });

  it('names a topic by its lesson title when there is one', () => {
    expect(topicLabel('key-policies-and-iam')).toBe('Key policies and iam');
    expect(topicLabel('key-policies-and-iam', 'Key policies and IAM')).toBe('Key policies and IAM');
  });
});

describe('stepsToStudy', () => {
  it('lists the teaching step of each question not answered right, once per step, with the questions it covers', () => {
    const questions = [...FIXTURE_BANK, { ...FIXTURE_BANK[2]!, id: 'km-3' }];
    const grade = gradeExam(questions, { 'kt-1': 'a', 'km-1': 'c', 'km-3': 'a' });
    expect(stepsToStudy(questions, grade.results)).toEqual([
      { lessonId: 'key-types', stepId: 'hmac-keys', questions: [2] },
      { lessonId: 'key-management', stepId: 'disable-and-enable', questions: [3, 6] },
      { lessonId: 'key-management', stepId: 'schedule-and-cancel', questions: [4] },
      { lessonId: 'encryption-in-flight', stepId: 'plain-http', questions: [5] },
    ]);
  });
});
