/**
 * The practice exam's question contract (#/exam).
 *
 *   ExamTopic            one per lesson; the names match the lessons' ids (lesson.md front matter `id:`)
 *   ExamQuestion         a fixed quiz question (single or multi choice) with its topic and teaching lesson
 *   defineExamQuestions  the default export of every lessons/exam/bank/<topic>.ts
 *
 * The bank files import this module, so it stays plain types plus two tiny values (no engine, no valibot):
 * the shape is checked by ./schema.ts when the bank loads and in the tests.
 */
import type { MultipleChoiceQuestion, SingleChoiceQuestion } from '../types.ts';

export type ExamTopic =
  | 'encryption-in-flight'
  | 'server-side-encryption'
  | 'client-side-encryption'
  | 'key-types'
  | 'key-management'
  | 'cli-and-4kb-limit'
  | 'envelope-encryption'
  | 'key-policies-and-iam'
  | 'quotas-and-backoff'
  | 'audit-with-cloudtrail'
  | 'secrets-and-integrated-services';

/** Every topic, in the curriculum's order (the per-topic score lists them this way). */
export const EXAM_TOPICS = [
  'encryption-in-flight',
  'server-side-encryption',
  'client-side-encryption',
  'key-types',
  'key-management',
  'cli-and-4kb-limit',
  'envelope-encryption',
  'key-policies-and-iam',
  'quotas-and-backoff',
  'audit-with-cloudtrail',
  'secrets-and-integrated-services',
] as const satisfies readonly ExamTopic[];

/** A fixed exam question: a quiz question (single or multi, fixed answer) with its topic and the lesson
 *  whose steps teach it; `refs` are step ids of that lesson (the first is linked from a wrong answer). */
export type ExamQuestion = (
  | (Omit<SingleChoiceQuestion, 'answer'> & { answer: string })
  | (Omit<MultipleChoiceQuestion, 'answer'> & { answer: string[] })
) & { topic: ExamTopic; lessonId: string };

/** Identity at run time; it gives a bank file its types (like defineQuiz). */
export function defineExamQuestions(questions: ExamQuestion[]): ExamQuestion[] {
  return questions;
}
