/**
 * Grading, decided here and only here (views never judge an answer themselves).
 *
 *   gradeQuestion(question, key, response) → QuestionResult
 *   gradeQuiz(quiz, key, responses)        → QuizResult { score, max, answered, results }
 *
 * Each question is worth 1 point, all or nothing, as on the AWS exams ("choose two" gives no half marks):
 *   single  the chosen option id is the answer
 *   multi   the chosen set equals the answer set (order of choice does not matter)
 *   order   the whole order is right; `inPlace` also says how many items are already in the right place
 * Feedback covers every option (its `why`), whether chosen or not, so the learner learns from all of them.
 * A missing response, or one of the wrong type, counts as unanswered (0 points) rather than throwing.
 */
import type { QuizOption, QuizQuestion, Quiz } from '../types';
import type { AnswerKey } from './answer-key';

export type QuizResponse = string | string[];

export interface OptionFeedback extends QuizOption {
  chosen: boolean;
  /** Part of the right answer. */
  correct: boolean;
}

export interface ItemFeedback extends QuizOption {
  /** Where the learner put it (0-based), or -1 if not placed. */
  position: number;
  correctPosition: number;
  inPlace: boolean;
}

interface ResultBase {
  questionId: string;
  answered: boolean;
  correct: boolean;
  score: number;
  max: number;
  explanation: string;
  /** Step ids that teach it; link to the first. */
  refs: string[];
}

export interface ChoiceResult extends ResultBase {
  kind: 'single' | 'multi';
  options: OptionFeedback[];
}

export interface OrderResult extends ResultBase {
  kind: 'order';
  /** In the learner's order, then any item they did not place. */
  items: ItemFeedback[];
  inPlace: number;
  total: number;
}

export type QuestionResult = ChoiceResult | OrderResult;

export interface QuizResult {
  score: number;
  max: number;
  answered: number;
  results: QuestionResult[];
}

export function gradeQuestion(question: QuizQuestion, key: AnswerKey, response: QuizResponse | undefined): QuestionResult {
  const answer = key[question.id];
  if (answer === undefined) throw new Error(`the answer key has no answer for question "${question.id}"`);
  const base = { questionId: question.id, max: 1, explanation: question.explanation, refs: question.refs };
  const right = Array.isArray(answer) ? answer : [answer];

  if (question.kind === 'order') {
    const order = Array.isArray(response) ? response : [];
    const placed = order.filter((id) => question.items.some((item) => item.id === id));
    const items = [
      ...placed.map((id) => question.items.find((item) => item.id === id)!),
      ...question.items.filter((item) => !placed.includes(item.id)),
    ].map((item): ItemFeedback => {
      const position = placed.indexOf(item.id);
      const correctPosition = right.indexOf(item.id);
      return { ...item, position, correctPosition, inPlace: position !== -1 && position === correctPosition };
    });
    const inPlace = items.filter((item) => item.inPlace).length;
    const answered = placed.length > 0;
    const correct = answered && inPlace === right.length;
    return { ...base, kind: 'order', answered, correct, score: correct ? 1 : 0, items, inPlace, total: right.length };
  }

  const chosen = question.kind === 'single'
    ? (typeof response === 'string' ? [response] : [])
    : (Array.isArray(response) ? response : []);
  const answered = chosen.length > 0;
  const correct = answered && sameSet(chosen, right);
  const options = question.options.map((option) => ({ ...option, chosen: chosen.includes(option.id), correct: right.includes(option.id) }));
  return { ...base, kind: question.kind, answered, correct, score: correct ? 1 : 0, options };
}

export function gradeQuiz(quiz: Quiz, key: AnswerKey, responses: Readonly<Record<string, QuizResponse | undefined>>): QuizResult {
  const results = quiz.questions.map((question) => gradeQuestion(question, key, responses[question.id]));
  return {
    score: results.reduce((sum, result) => sum + result.score, 0),
    max: results.reduce((sum, result) => sum + result.max, 0),
    answered: results.filter((result) => result.answered).length,
    results,
  };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((id) => set.has(id));
}
