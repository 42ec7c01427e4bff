/** The exam question schema: what it accepts, and errors that name the file, the question, the field and what was expected. */
import { describe, expect, it } from 'vitest';
import { validateExamQuestions } from '../../../src/lessons/exam/schema';
import { checkBank } from '../../../src/lessons/exam/bank';
import { FIXTURE_BANK } from './fixture-bank';

const FILE = 'lessons/exam/bank/key-types.ts';
const good = FIXTURE_BANK[0]!;

describe('validateExamQuestions', () => {
  it('accepts single and multiple choice questions with fixed answers', () => {
    const result = validateExamQuestions(FIXTURE_BANK, FILE);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.output.map((q) => q.id)).toEqual(FIXTURE_BANK.map((q) => q.id));
  });

  it('names the file, the question and the field, and says what was expected', () => {
    const result = validateExamQuestions([{ ...good, topic: 'kms-basics' }, { ...good, id: 'kt-9', answer: 'z' }, { ...good, id: 'kt-10', refs: [] }], FILE);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      expect.objectContaining({ file: FILE, field: 'question "kt-1" topic', message: expect.stringMatching(/^expected one of the exam topics: encryption-in-flight, .*got "kms-basics"$/) }),
      { file: FILE, field: 'question "kt-9" answer', message: 'expected option ids of this question ("a", "b", "c"), got "z"' },
      expect.objectContaining({ file: FILE, field: 'question "kt-10" refs', message: expect.stringContaining('expected a non-empty list of step ids') }),
    ]);
  });

  it('refuses ordering questions, computed answers, missing fields, repeated ids and a non-list export', () => {
    const { options: _o, ...noOptions } = good;
    const results = [
      validateExamQuestions([{ ...good, kind: 'order', items: good.options }], FILE),
      validateExamQuestions([{ ...good, answer: { describe: 'x', compute: async () => 'a' } }], FILE),
      validateExamQuestions([noOptions], FILE),
      validateExamQuestions([good, good], FILE),
      validateExamQuestions({ questions: [good] }, FILE),
    ];
    const messages = results.map((r) => (r.ok ? [] : r.problems.map((p) => `${p.field ?? ''}: ${p.message}`)));
    expect(messages[0]!.join()).toContain('expected a question of kind single or multi');
    expect(messages[1]!.join()).toContain('answer: expected an option id');
    expect(messages[2]!.join()).toContain('question "kt-1" options: expected');
    expect(messages[3]).toEqual(['question "kt-1" id: expected a unique question id, but another question has it']);
    expect(messages[4]!.join()).toContain('expected defineExamQuestions([...]) as the default export');
  });
});

describe('checkBank', () => {
  it('keeps the valid questions of a file with problems and refuses ids used twice across files or shaped like generated ids', () => {
    const checked = checkBank([
      { file: 'a.ts', questions: [good, { ...good, id: 'bad', answer: 'nope' }] },
      { file: 'b.ts', questions: [good, { ...good, id: 'gen-policy-decision-4' }] },
    ]);
    expect(checked.questions.map((q) => q.id)).toEqual(['kt-1']);
    expect(checked.problems.map((p) => `${p.file} ${p.field}`)).toEqual(['a.ts question "bad" answer', 'b.ts question "kt-1" id', 'b.ts question "gen-policy-decision-4" id']);
  });
});
