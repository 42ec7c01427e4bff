/**
 * Which questions an attempt asks: drawn at random from a seed, spread across topics.
 *
 *   drawQuestionIds({ bank, families, count, seed }) → question ids (bank ids and "gen-<family>-<seed>")
 *   resolveQuestions(ids, bank)                      → the questions, generated ones computed by the engine
 *
 * Every topic that has questions gets its turn before any topic gets a second one (topics in a random
 * order each round), so a short attempt still covers the curriculum. A topic's candidates are its bank
 * questions and two generated questions per family, shuffled; two generated questions of one family
 * never share parameters in one attempt. The same seed always draws the same ids, which is all an
 * attempt needs to store to be reviewed later.
 */
import { createRng, type Rng } from '../../sim/core/rng.ts';
import { drawParams, generatedId, generateQuestion, parseGeneratedId, type QuestionFamily } from './generated/family.ts';
import type { ExamQuestion, ExamTopic } from './types.ts';

/** Generated questions each family offers per attempt (each with its own seed). */
const GENERATED_PER_FAMILY = 2;

export interface DrawOptions {
  bank: readonly ExamQuestion[];
  families: readonly QuestionFamily<any>[];
  count: number;
  seed: number;
}

export function drawQuestionIds({ bank, families, count, seed }: DrawOptions): string[] {
  const rng = createRng(seed >>> 0);
  const byTopic = new Map<ExamTopic, string[]>();
  const add = (topic: ExamTopic, id: string) => byTopic.set(topic, [...(byTopic.get(topic) ?? []), id]);
  for (const question of bank) add(question.topic, question.id);
  for (const family of families) {
    const seen = new Set<string>();
    for (let tries = 0; seen.size < GENERATED_PER_FAMILY && tries < 20; tries++) {
      const questionSeed = rng.int(1, 0x7fffffff);
      const params = JSON.stringify(drawParams(family, questionSeed));
      if (seen.has(params)) continue;
      seen.add(params);
      add(family.topic, generatedId(family.id, questionSeed));
    }
  }
  const queues = [...byTopic.values()].map((ids) => shuffle(ids, rng));
  const drawn: string[] = [];
  while (drawn.length < count && queues.some((queue) => queue.length > 0)) {
    for (const queue of shuffle(queues, rng)) {
      const id = queue.shift();
      if (id !== undefined && drawn.length < count) drawn.push(id);
    }
  }
  return drawn;
}

/** The questions behind stored ids, in order; an id no longer in the bank (or of an unknown family) is left out. */
export async function resolveQuestions(
  ids: readonly string[],
  bank: readonly ExamQuestion[],
  families: readonly QuestionFamily<any>[],
): Promise<ExamQuestion[]> {
  const questions: ExamQuestion[] = [];
  for (const id of ids) {
    const generated = parseGeneratedId(id);
    const family = generated && families.find((candidate) => candidate.id === generated.familyId);
    if (generated && family) questions.push(await generateQuestion(family, generated.seed));
    else {
      const fixed = bank.find((question) => question.id === id);
      if (fixed) questions.push(fixed);
    }
  }
  return questions;
}

/** Fisher–Yates on a copy. */
function shuffle<T>(items: readonly T[], rng: Rng): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
