/**
 * The quiz, checked against the scenario through the engine's own answer key: every computed answer
 * is computed by running the command lines (for the lesson's seed and another) and must equal the
 * answer the prompt, options and explanations were written for.
 */
import { describe, expect, it } from 'vitest';
import { loadLesson } from '../../src/lessons/catalogue';
import { isComputed, resolveAnswerKey } from '../../src/lessons/quiz';
import type { Lesson } from '../../src/lessons/types';

const lesson: Lesson = await loadLesson('cli-and-4kb-limit');

/** The answers the prompts, options and explanations were written for. */
const expected: Record<string, string | string[]> = {
  'what-is-printed': 'base64',
  'file-instead-of-fileb': 'cli-refuses',
  'decrypt-the-base64': 'invalid-ciphertext',
  'decrypt-without-key-id': 'yes',
  'five-kb-exception': 'validation',
  'largest-plaintext': '4096',
  'query-typo': 'none-success',
  'wrong-context': 'invalid-ciphertext',
  'context-syntaxes': ['shorthand', 'reordered'],
  'failed-call-status': '254',
  'round-trip-order': ['encrypt', 'decode-blob', 'decrypt', 'decode-plaintext'],
  'large-file': 'envelope',
  'script-output': 'text',
};

describe('cli-and-4kb-limit quiz', () => {
  const { questions } = lesson.quiz;

  it('has at least 8 questions, a test answer for each, and explains every option; refs name steps', () => {
    expect(questions.length).toBeGreaterThanOrEqual(8);
    expect(questions.map((q) => q.id).sort()).toEqual(Object.keys(expected).sort());
    const stepIds = new Set(lesson.steps.map((s) => s.id));
    for (const question of questions) {
      expect(question.explanation.length, question.id).toBeGreaterThan(60);
      for (const ref of question.refs) expect(stepIds.has(ref), `${question.id} → ${ref}`).toBe(true);
      const options = question.kind === 'order' ? question.items : question.options;
      for (const option of options) expect(option.why.length, `${question.id}/${option.id}`).toBeGreaterThan(20);
    }
  });

  it('computes every answer that a command line can give', () => {
    const computed = questions.filter((q) => isComputed(q.answer)).map((q) => q.id);
    expect(computed).toEqual(Object.keys(expected).filter((id) => !['round-trip-order', 'large-file', 'script-output'].includes(id)));
  });

  for (const seed of [lesson.seed, 7]) {
    it(`the engine's answer key (seed ${seed}) is the one the text was written for`, async () => {
      const key = await resolveAnswerKey({ ...lesson, seed });
      expect(key).toEqual(expected);
    }, 60_000);
  }
});
