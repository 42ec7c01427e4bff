/**
 * Every lesson in lessons/ against the lesson format: frontmatter schema (through the same parser as the
 * build), references between markdown and code, quiz links to steps, and every quiz answer — computed
 * ones by running the scenario — fits its question.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLessons } from '../../../src/lessons/build/vite-plugin';
import { listLessons, loadLesson } from '../../../src/lessons/catalogue';
import { gradeQuiz, resolveAnswerKey } from '../../../src/lessons/quiz';
import { lessonReferenceProblems } from '../../../src/lessons/references';
import { projectRoot } from './support/fixture-lesson';

const lessons = listLessons();

describe('lessons/ as a whole', () => {
  it('parses without a problem and matches what the catalogue serves', () => {
    const read = readLessons(resolve(projectRoot, 'lessons'), projectRoot);
    expect(read.map((lesson) => lesson.summary)).toEqual(lessons);
    expect(lessons.length).toBeGreaterThan(0);
  });
});

describe.each(lessons.map((summary) => [summary.folder, summary.id] as const))('%s', (_folder, id) => {
  it('has consistent references between its markdown, scenario and quiz', async () => {
    const lesson = await loadLesson(id); // throws a LessonError listing every problem
    expect(lessonReferenceProblems(lesson)).toEqual([]);
    expect(lesson.steps.every((step) => step.notes.trim().length > 0)).toBe(true);
  });

  it('links every quiz question to steps of the lesson', async () => {
    const lesson = await loadLesson(id);
    const stepIds = new Set(lesson.steps.map((step) => step.id));
    for (const question of lesson.quiz.questions) {
      expect(question.refs.length).toBeGreaterThan(0);
      for (const ref of question.refs) expect(stepIds, `question "${question.id}" refs "${ref}"`).toContain(ref);
    }
  });

  it('has an answer for every question, computed ones included, and its key scores full marks', async () => {
    const lesson = await loadLesson(id);
    const key = await resolveAnswerKey(lesson);
    expect(Object.keys(key).sort()).toEqual(lesson.quiz.questions.map((q) => q.id).sort());
    const perfect = gradeQuiz(lesson.quiz, key, key);
    expect(perfect.score).toBe(perfect.max);
  }, 60_000);
});
