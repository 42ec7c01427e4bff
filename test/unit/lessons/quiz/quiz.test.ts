import { beforeAll, describe, expect, it } from 'vitest';
import { LessonError } from '../../../../src/lessons/errors';
import { createQuizGrader, gradeQuestion, gradeQuiz, resolveAnswerKey, type AnswerKey } from '../../../../src/lessons/quiz';
import type { Lesson, QuizQuestion } from '../../../../src/lessons/types';
import { fixtureLesson } from '../support/fixture-lesson';

let lesson: Lesson;
let key: AnswerKey;
const question = (id: string) => lesson.quiz.questions.find((q) => q.id === id) as QuizQuestion;

beforeAll(async () => {
  lesson = await fixtureLesson();
  key = await resolveAnswerKey(lesson);
});

describe('resolveAnswerKey', () => {
  it('takes fixed answers as written and computes the others by running the scenario', () => {
    expect(key).toEqual({ 'who-greets': 'client', 'greeting-count': 'one', 'true-things': ['a', 'c'], sequence: ['hello', 'press', 'goodbye'] });
  });

  it('names quiz.ts and the question when a computation fails or gives an answer that does not fit', async () => {
    const computed = (compute: () => Promise<unknown>) =>
      ({ ...lesson, quiz: { questions: [{ ...question('greeting-count'), answer: { describe: 'counts', compute } } as QuizQuestion] } });
    await expect(resolveAnswerKey(computed(() => Promise.reject(new Error('no world'))))).rejects.toThrow(
      'test/fixtures/lessons/valid/01-tiny-lesson/quiz.ts: field "question "greeting-count" answer": computing the answer ("counts") failed: no world',
    );
    const wrong = await resolveAnswerKey(computed(async () => 'three')).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(LessonError);
    expect((wrong as Error).message).toContain('the computed answer expected one of the option ids (options: one, two), got "three"');
  });
});

describe('gradeQuestion', () => {
  it('single: right, wrong and unanswered, with feedback on every option', () => {
    const right = gradeQuestion(question('who-greets'), key, 'client');
    expect(right).toMatchObject({ kind: 'single', answered: true, correct: true, score: 1, max: 1, refs: ['hello'], explanation: 'The client starts.' });
    expect(right.kind === 'single' && right.options).toEqual([
      { id: 'client', text: 'The client', why: 'It sends the first message.', chosen: true, correct: true },
      { id: 'server', text: 'The server', why: 'It only answers.', chosen: false, correct: false },
    ]);
    expect(gradeQuestion(question('who-greets'), key, 'server')).toMatchObject({ correct: false, score: 0, answered: true });
    expect(gradeQuestion(question('who-greets'), key, undefined)).toMatchObject({ correct: false, score: 0, answered: false });
    expect(gradeQuestion(question('who-greets'), key, ['client'])).toMatchObject({ answered: false, score: 0 });
  });

  it('multi: all or nothing, in any order of choice', () => {
    expect(gradeQuestion(question('true-things'), key, ['c', 'a'])).toMatchObject({ correct: true, score: 1 });
    expect(gradeQuestion(question('true-things'), key, ['a'])).toMatchObject({ correct: false, score: 0 });
    expect(gradeQuestion(question('true-things'), key, ['a', 'b', 'c'])).toMatchObject({ correct: false, score: 0 });
    const result = gradeQuestion(question('true-things'), key, ['a', 'b']);
    expect(result.kind === 'multi' && result.options.map((o) => [o.id, o.chosen, o.correct])).toEqual([
      ['a', true, true], ['b', true, false], ['c', false, true],
    ]);
  });

  it('order: all or nothing, and how many items are in the right place', () => {
    expect(gradeQuestion(question('sequence'), key, ['hello', 'press', 'goodbye'])).toMatchObject({ correct: true, score: 1, inPlace: 3, total: 3 });
    const swapped = gradeQuestion(question('sequence'), key, ['press', 'hello', 'goodbye']);
    expect(swapped).toMatchObject({ correct: false, score: 0, inPlace: 1, total: 3 });
    expect(swapped.kind === 'order' && swapped.items.map((i) => [i.id, i.position, i.correctPosition, i.inPlace])).toEqual([
      ['press', 0, 1, false], ['hello', 1, 0, false], ['goodbye', 2, 2, true],
    ]);
    const partial = gradeQuestion(question('sequence'), key, ['hello']);
    expect(partial).toMatchObject({ correct: false, inPlace: 1 });
    expect(partial.kind === 'order' && partial.items.map((i) => i.position)).toEqual([0, -1, -1]);
  });
});

describe('gradeQuiz and the grader', () => {
  it('adds up the score over every question', () => {
    const result = gradeQuiz(lesson.quiz, key, { 'who-greets': 'client', 'true-things': ['a', 'c'], sequence: ['press', 'hello', 'goodbye'] });
    expect(result).toMatchObject({ score: 2, max: 4, answered: 3 });
    expect(result.results.map((r) => r.questionId)).toEqual(['who-greets', 'greeting-count', 'true-things', 'sequence']);
  });

  it('resolves the key once and grades through it', async () => {
    const grader = createQuizGrader(lesson);
    expect(await grader.gradeQuestion('greeting-count', 'one')).toMatchObject({ correct: true });
    expect(await grader.gradeQuiz({ 'greeting-count': 'two' })).toMatchObject({ score: 0, max: 4, answered: 1 });
    expect(await grader.key()).toBe(await grader.key());
    await expect(grader.gradeQuestion('nope', 'x')).rejects.toThrow('the quiz has no question "nope"');
  });
});
