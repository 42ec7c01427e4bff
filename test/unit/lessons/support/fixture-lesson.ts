/**
 * Fixture lessons as the loader produces them, without Vite: the same parsing as the plugin
 * (readLessons) plus the lesson's scenario.ts and quiz.ts imported directly.
 */
import { resolve } from 'node:path';
import { readLessons } from '../../../../src/lessons/build/vite-plugin';
import type { Lesson, Quiz, Scenario } from '../../../../src/lessons/types';

export const projectRoot = resolve(import.meta.dirname, '../../../..');
export const fixturesDir = resolve(projectRoot, 'test/fixtures/lessons');

export async function fixtureLesson(folder = '01-tiny-lesson', set = 'valid'): Promise<Lesson> {
  const read = readLessons(resolve(fixturesDir, set), projectRoot).find((lesson) => lesson.summary.folder === folder);
  if (!read) throw new Error(`no fixture lesson ${set}/${folder}`);
  const scenario = ((await import(read.scenarioPath)) as { default: Scenario<unknown> }).default;
  const quiz = ((await import(read.quizPath)) as { default: Quiz }).default;
  return { ...read.summary, introHtml: read.introHtml, steps: read.steps, scenario, quiz };
}
