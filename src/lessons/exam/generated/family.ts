/**
 * A family of generated exam questions: a seed draws the parameters (a key state, a plaintext size,
 * a set of policies…) and the real engine computes the answer, so a question can never disagree with
 * the simulator. The same seed always gives the same question, which is how an attempt stores it.
 *
 *   QuestionFamily<P>          draw(rng) → P (pure), question(params, seed) → ExamQuestion (runs the engine)
 *   generateQuestion(f, seed)  the question of one seed
 *   generatedId / parseGeneratedId   "gen-<family>-<seed>", the id an attempt stores
 *   numberOptions              distinct numeric options around the right one (for "how many" questions)
 */
import { createRng, type Rng } from '../../../sim/core/rng.ts';
import type { QuizOption } from '../../types.ts';
import type { ExamQuestion, ExamTopic } from '../types.ts';

export interface QuestionFamily<P = unknown> {
  /** Lowercase-with-hyphens; part of every generated question's id. */
  id: string;
  topic: ExamTopic;
  /** The lesson (and its steps) that teaches what the question asks. */
  lessonId: string;
  refs: string[];
  /** How the answer is computed, in one sentence, shown with the explanation. */
  describe: string;
  /** The question's parameters from a seeded generator: pure, so tests can recompute the answer themselves. */
  draw(rng: Rng): P;
  /** The question for these parameters, its answer computed by the engine. */
  question(params: P, seed: number): Promise<GeneratedQuestion>;
}

/** What a family's `question` returns: everything but the fields the family itself supplies. */
export type GeneratedQuestion = Omit<ExamQuestion, 'id' | 'topic' | 'lessonId' | 'refs'>;

const ID_PATTERN = /^gen-([a-z0-9]+(?:-[a-z0-9]+)*)-(\d+)$/;

export const generatedId = (familyId: string, seed: number): string => `gen-${familyId}-${seed >>> 0}`;

export function parseGeneratedId(id: string): { familyId: string; seed: number } | undefined {
  const match = ID_PATTERN.exec(id);
  return match ? { familyId: match[1]!, seed: Number(match[2]) } : undefined;
}

export function drawParams<P>(family: QuestionFamily<P>, seed: number): P {
  return family.draw(createRng(seed >>> 0));
}

export async function generateQuestion<P>(family: QuestionFamily<P>, seed: number): Promise<ExamQuestion> {
  const generated = await family.question(drawParams(family, seed), seed >>> 0);
  return {
    ...generated,
    id: generatedId(family.id, seed),
    topic: family.topic,
    lessonId: family.lessonId,
    refs: [...family.refs],
    explanation: `${generated.explanation} (Computed by the simulator: ${family.describe}.)`,
  } as ExamQuestion;
}

/**
 * Four different numbers: the right one and the first distinct, positive distractors, in ascending
 * order (so the position of the right answer gives nothing away).
 */
export function numberOptions(
  right: number,
  distractors: readonly number[],
  format: (n: number) => string,
  why: (n: number) => string,
): { options: QuizOption[]; answer: string } {
  const values = [right];
  for (const candidate of [...distractors, right * 2, right + 1, Math.max(0, right - 1), right * 3 + 2]) {
    if (values.length === 4) break;
    if (Number.isFinite(candidate) && candidate >= 0 && !values.some((v) => format(v) === format(candidate))) values.push(candidate);
  }
  values.sort((a, b) => a - b);
  const options = values.map((value, index) => ({ id: `n${index + 1}`, text: format(value), why: why(value) }));
  return { options, answer: options[values.indexOf(right)]!.id };
}
