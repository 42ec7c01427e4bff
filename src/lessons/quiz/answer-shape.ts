/**
 * Whether an answer fits its question: one option id for `single`, distinct option ids for `multi`,
 * every item exactly once for `order`. Used for fixed answers when a lesson loads (references.ts) and
 * for computed answers when the key is resolved (answer-key.ts), so both are held to the same rule.
 *
 *   answerShapeProblem(question, answer) → undefined when it fits, else what is wrong
 */
import type { QuizQuestion } from '../types';

export type ResolvedAnswer = string | string[];

export function answerShapeProblem(question: QuizQuestion, answer: unknown): string | undefined {
  const ids = (question.kind === 'order' ? question.items : question.options).map((option) => option.id);
  const known = `(${question.kind === 'order' ? 'items' : 'options'}: ${ids.join(', ')})`;
  if (question.kind === 'single') {
    if (typeof answer !== 'string') return `expected one option id, got ${describe(answer)}`;
    return ids.includes(answer) ? undefined : `expected one of the option ids ${known}, got "${answer}"`;
  }
  if (!Array.isArray(answer) || answer.some((id) => typeof id !== 'string')) {
    return `expected a list of ${question.kind === 'order' ? 'item' : 'option'} ids, got ${describe(answer)}`;
  }
  const unknown = answer.filter((id) => !ids.includes(id));
  if (unknown.length > 0) return `names ${unknown.map((id) => `"${id}"`).join(', ')}, which is not one of ${known}`;
  if (new Set(answer).size !== answer.length) return 'names the same id twice';
  if (question.kind === 'multi' && answer.length === 0) return 'expected at least one correct option';
  if (question.kind === 'order' && answer.length !== ids.length) return `expected every item exactly once ${known}`;
  return undefined;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'string' ? `"${value}"` : typeof value;
}
