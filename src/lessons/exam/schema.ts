/**
 * The exam question format, as a valibot schema in the style of ../schema.ts: every message says what is
 * EXPECTED, and validateExamQuestions names the file, the question and the field:
 *
 *   lessons/exam/bank/key-types.ts: field "question \"kt-3\" answer": expected option ids of this question ("a", "b", "c", "d"), got "e"
 *
 *   examQuestionSchema                         one ExamQuestion's shape
 *   validateExamQuestions(value, file)         a bank file's default export → Validation<ExamQuestion[]>:
 *                                              the shape, answers that name options, unique ids
 *
 * Whether `lessonId` and `refs` name real lessons and steps is checked against the lessons themselves
 * (./references.ts), since the schema cannot see them.
 */
import * as v from 'valibot';
import type { LessonProblem } from '../errors.ts';
import { SLUG_PATTERN } from '../schema.ts';
import { validateWith, type Validation } from '../schema-issues.ts';
import { EXAM_TOPICS, type ExamQuestion } from './types.ts';

const text = (what: string) => v.pipe(v.string(what), v.trim(), v.minLength(1, what));

const optionSchema = v.strictObject(
  {
    id: text('an option id'),
    text: text('the option text'),
    why: text('why this option is right or wrong'),
  },
  'an option { id, text, why }',
);

const options = v.pipe(
  v.array(optionSchema, 'a list of options'),
  v.minLength(2, 'at least two options'),
  v.check((list) => new Set(list.map((option) => option.id)).size === list.length, 'options with different ids'),
);

const common = {
  // Unique across the whole bank: attempts store question ids.
  id: text('a question id'),
  prompt: text('a prompt'),
  refs: v.pipe(v.array(text('a step id'), 'a list of step ids'), v.minLength(1, 'a non-empty list of step ids that teach this')),
  explanation: text('an explanation'),
  topic: v.picklist(EXAM_TOPICS, `one of the exam topics: ${EXAM_TOPICS.join(', ')}`),
  lessonId: v.pipe(v.string('a lesson id'), v.regex(SLUG_PATTERN, 'a lesson id such as "key-management"')),
};

const singleSchema = v.strictObject({ ...common, kind: v.literal('single'), options, answer: text('an option id') });

const multiSchema = v.strictObject({
  ...common,
  kind: v.literal('multi'),
  options,
  answer: v.pipe(
    v.array(text('an option id'), 'a list of option ids'),
    v.minLength(1, 'a non-empty list of option ids'),
    v.check((ids) => new Set(ids).size === ids.length, 'option ids without repeats'),
  ),
});

export const examQuestionSchema = v.variant('kind', [singleSchema, multiSchema], 'a question of kind single or multi');

/** Validates a bank file's questions one by one, so every problem names its question; ids must be unique. */
export function validateExamQuestions(value: unknown, file: string): Validation<ExamQuestion[]> {
  if (!Array.isArray(value)) {
    return { ok: false, problems: [{ file, message: 'expected defineExamQuestions([...]) as the default export, got something else' }] };
  }
  const problems: LessonProblem[] = [];
  const questions: ExamQuestion[] = [];
  const seen = new Set<string>();
  value.forEach((item: unknown, index) => {
    const name = questionName(item, index);
    const result = validateWith(examQuestionSchema, item, file);
    if (!result.ok) {
      for (const problem of result.problems) problems.push({ ...problem, field: problem.field ? `${name} ${problem.field}` : name });
      return;
    }
    const question = result.output as ExamQuestion;
    const unknown = answerIds(question).filter((id) => !question.options.some((option) => option.id === id));
    if (unknown.length > 0) {
      const ids = question.options.map((option) => `"${option.id}"`).join(', ');
      problems.push({ file, field: `${name} answer`, message: `expected option ids of this question (${ids}), got ${unknown.map((id) => `"${id}"`).join(', ')}` });
    }
    if (seen.has(question.id)) problems.push({ file, field: `${name} id`, message: 'expected a unique question id, but another question has it' });
    seen.add(question.id);
    questions.push(question);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, output: questions };
}

const answerIds = (question: ExamQuestion): string[] => (typeof question.answer === 'string' ? [question.answer] : question.answer);

function questionName(item: unknown, index: number): string {
  const id = item && typeof item === 'object' && 'id' in item ? (item as { id: unknown }).id : undefined;
  return typeof id === 'string' && id !== '' ? `question "${id}"` : `question #${index + 1}`;
}
