/**
 * The quiz, checked against the scenario: every computed answer is computed (for the lesson's seed
 * and two others) and must equal the answer the explanations were written for; every answer names
 * real options; every question links to real steps.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createModelClock } from '../../src/sim/core/clock';
import { createEventStream } from '../../src/sim/core/events';
import { createRng } from '../../src/sim/core/rng';
import type { Answer, QuizEngine, QuizQuestion } from '../../src/lessons/types';
import quiz from './quiz';
import scenario from './scenario';

const folder = import.meta.dirname;
const lessonSeed = (parse(readFileSync(join(folder, 'lesson.md'), 'utf8').split('---')[1]) as { seed: number }).seed;
const stepIds = readdirSync(join(folder, 'steps')).map((name) => (parse(readFileSync(join(folder, 'steps', name), 'utf8').split(/^---$/m)[1]) as { id: string }).id);

function engineFor(defaultSeed: number): QuizEngine {
  return {
    async createScenario(seed = defaultSeed) {
      const clock = createModelClock();
      const stream = createEventStream(clock.now);
      const instance = await scenario.create({ seed, rng: createRng(seed), clock, stream });
      return { instance, events: stream.events };
    },
  };
}

async function resolve<T>(answer: Answer<T>, engine: QuizEngine): Promise<T> {
  return typeof answer === 'object' && answer !== null && 'compute' in answer ? answer.compute(engine) : (answer as T);
}

const choices = (q: QuizQuestion) => (q.kind === 'order' ? q.items : q.options).map((o) => o.id);

/** The answers the prompts, options and explanations were written for. */
const expected: Record<string, string | string[]> = {
  'http-eavesdropper': 'reads-password',
  'tls-eavesdropper': 'nothing',
  'handshake-order': ['client-hello', 'server-hello', 'certificate', 'certificate-verify', 'server-finished', 'client-finished'],
  'forged-ca-signature': 'ca-signature',
  'copied-certificate': 'certificate-verify',
  'tampered-record': 'reject-close',
  'replayed-record': 'sequence',
  'still-visible': ['server-name', 'sizes', 'timing'],
  'never-sent': ['session-keys', 'server-private', 'ca-private'],
  'forward-secrecy': 'no-ephemeral',
  's3-secure-transport': 'secure-transport',
  'after-tls': 'plaintext-at-rest',
};

describe('encryption-in-flight quiz', () => {
  it('has at least 8 questions, with single, multi and order kinds, and unique ids', () => {
    expect(quiz.questions.length).toBeGreaterThanOrEqual(8);
    expect(new Set(quiz.questions.map((q) => q.kind))).toEqual(new Set(['single', 'multi', 'order']));
    expect(new Set(quiz.questions.map((q) => q.id)).size).toBe(quiz.questions.length);
    expect(Object.keys(expected).sort()).toEqual(quiz.questions.map((q) => q.id).sort());
  });

  it('links every question to steps of this lesson, and explains every option', () => {
    for (const question of quiz.questions) {
      for (const ref of question.refs) expect(stepIds, question.id).toContain(ref);
      expect(question.explanation.length).toBeGreaterThan(20);
      const options = question.kind === 'order' ? question.items : question.options;
      expect(new Set(options.map((o) => o.id)).size).toBe(options.length);
      for (const option of options) expect(option.why.length, `${question.id}/${option.id}`).toBeGreaterThan(10);
    }
  });

  for (const seed of [lessonSeed, 1, 99]) {
    it(`computes every answer from the scenario (seed ${seed}) as the text says`, async () => {
      const engine = engineFor(seed);
      for (const question of quiz.questions) {
        const answer = await resolve<string | string[]>(question.answer, engine);
        expect(answer, question.id).toEqual(expected[question.id]);
        for (const id of [answer].flat()) expect(choices(question), question.id).toContain(id);
        if (question.kind === 'order') expect([...(answer as string[])].sort()).toEqual([...choices(question)].sort());
      }
    });
  }

  it('computes at least four answers by running the scenario', () => {
    const computed = quiz.questions.filter((q) => typeof q.answer === 'object' && q.answer !== null && 'compute' in q.answer);
    expect(computed.length).toBeGreaterThanOrEqual(4);
  });
});
