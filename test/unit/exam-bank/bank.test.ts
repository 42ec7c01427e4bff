/**
 * The practice exam's fixed question bank (lessons/exam/bank/<topic>.ts): every file passes the exam
 * schema, sits in the file named after its topic, points at the lesson of that topic, and links only to
 * step ids that exist in that lesson's steps/ front matter (the link a wrong answer follows). Plus the
 * bank's size: at least 5 questions a topic, 75 in all, and "Choose two" prompts with two answers.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../../src/lessons/build/frontmatter.ts';
import { validateExamQuestions } from '../../../src/lessons/exam/schema.ts';
import { EXAM_TOPICS, type ExamQuestion, type ExamTopic } from '../../../src/lessons/exam/types.ts';

const LESSONS = join(import.meta.dirname, '../../../lessons');
const BANK = join(LESSONS, 'exam/bank');

/** Front matter `id:` of a markdown file, or undefined when it has none. */
function frontmatterId(file: string): string | undefined {
  const split = splitFrontmatter(readFileSync(file, 'utf8'), file);
  if (!split.ok || !split.data || typeof split.data !== 'object') return undefined;
  const id = (split.data as { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
}

/** lesson id → its step ids, read from the lesson folders' front matter (not the whole lesson parser). */
function stepIdsByLesson(): Map<string, Set<string>> {
  const lessons = new Map<string, Set<string>>();
  for (const folder of readdirSync(LESSONS, { withFileTypes: true })) {
    const lessonMd = join(LESSONS, folder.name, 'lesson.md');
    const stepsDir = join(LESSONS, folder.name, 'steps');
    if (!folder.isDirectory() || !existsSync(lessonMd) || !existsSync(stepsDir)) continue;
    const lessonId = frontmatterId(lessonMd);
    if (!lessonId) continue;
    const steps = readdirSync(stepsDir)
      .filter((name) => name.endsWith('.md'))
      .map((name) => frontmatterId(join(stepsDir, name)))
      .filter((id): id is string => id !== undefined);
    lessons.set(lessonId, new Set(steps));
  }
  return lessons;
}

async function loadTopic(topic: ExamTopic): Promise<ExamQuestion[]> {
  const file = `lessons/exam/bank/${topic}.ts`;
  const module = (await import(join(BANK, `${topic}.ts`))) as { default: unknown };
  const result = validateExamQuestions(module.default, file);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.file}: ${p.field ?? ''} ${p.message}`).join('\n'));
  return result.output;
}

const steps = stepIdsByLesson();

describe('exam question bank', () => {
  it('has one file per exam topic and no other', () => {
    const files = readdirSync(BANK).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));
    expect(files.map((name) => name.replace(/\.ts$/, '')).sort()).toEqual([...EXAM_TOPICS].sort());
  });

  describe.each(EXAM_TOPICS)('%s', (topic) => {
    it('passes the exam schema and has at least 5 questions of its own topic and lesson', async () => {
      const questions = await loadTopic(topic);
      expect(questions.length).toBeGreaterThanOrEqual(5);
      for (const question of questions) {
        expect(question.topic, question.id).toBe(topic);
        expect(question.lessonId, question.id).toBe(topic);
      }
    });

    it('links only to steps of its lesson', async () => {
      const questions = await loadTopic(topic);
      const lessonSteps = steps.get(topic);
      expect(lessonSteps, `lesson ${topic} has a lesson.md and steps/`).toBeDefined();
      const missing = questions.flatMap((q) => q.refs.filter((ref) => !lessonSteps?.has(ref)).map((ref) => `${q.id} → ${ref}`));
      expect(missing).toEqual([]);
    });

    it('answers "Choose two" with exactly two options, and a single question with one', async () => {
      for (const question of await loadTopic(topic)) {
        if (question.kind === 'multi') {
          expect(question.prompt, question.id).toMatch(/\(Choose two\.\)$/);
          expect(question.answer, question.id).toHaveLength(2);
        } else {
          expect(question.prompt, question.id).not.toMatch(/Choose/);
        }
        expect(question.options.length, question.id).toBeGreaterThanOrEqual(4);
      }
    });
  });

  it('holds at least 75 questions with ids unique across the whole bank', async () => {
    const all = (await Promise.all(EXAM_TOPICS.map(loadTopic))).flat();
    expect(all.length).toBeGreaterThanOrEqual(75);
    expect(new Set(all.map((q) => q.id)).size).toBe(all.length);
  });

  // Options are shown in the order written, so "the right answer is always first" would be a giveaway.
  it('spreads the right answers over the option positions', async () => {
    const all = (await Promise.all(EXAM_TOPICS.map(loadTopic))).flat();
    const positions = all.flatMap((q) => [q.answer].flat().map((id) => q.options.findIndex((option) => option.id === id)));
    const share = (position: number) => positions.filter((p) => p === position).length / positions.length;
    for (const position of [0, 1, 2, 3]) {
      expect(share(position), `share of right answers in position ${position + 1}`).toBeGreaterThan(0.15);
      expect(share(position), `share of right answers in position ${position + 1}`).toBeLessThan(0.4);
    }
  });
});
