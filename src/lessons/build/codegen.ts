/**
 * The JavaScript of the virtual modules (build time, pure).
 *
 *   catalogueModule(lessons)  `virtual:lessons`: `summaries` (metadata only, eager) and `loaders`, one
 *                             dynamic import per lesson, so the catalogue never loads scenario code.
 *   lessonModule(lesson)      `virtual:lessons/<folder>`: the lazy chunk: rendered steps, intro,
 *                             scenario.ts and quiz.ts.
 */
import type { ReadLesson } from './read-lessons.ts';

export const CATALOGUE_ID = 'virtual:lessons';
/** Prefix of the per-lesson modules; the folder name follows. */
export const LESSON_ID_PREFIX = 'virtual:lessons/';

export function catalogueModule(lessons: readonly ReadLesson[]): string {
  const summaries = lessons.map((lesson) => lesson.summary);
  const loaders = lessons.map(
    ({ summary }) =>
      `  ${JSON.stringify(summary.id)}: () => import(${JSON.stringify(LESSON_ID_PREFIX + summary.folder)}).then((m) => m.default),`,
  );
  return [
    `export const summaries = ${JSON.stringify(summaries)};`,
    'export const loaders = {',
    ...loaders,
    '};',
    '',
  ].join('\n');
}

export function lessonModule(lesson: ReadLesson): string {
  const content = { ...lesson.summary, introHtml: lesson.introHtml, steps: lesson.steps };
  return [
    `import scenario from ${JSON.stringify(importPath(lesson.scenarioPath))};`,
    `import quiz from ${JSON.stringify(importPath(lesson.quizPath))};`,
    `const content = ${JSON.stringify(content)};`,
    'export default { ...content, scenario, quiz };',
    '',
  ].join('\n');
}

/** Absolute file paths with forward slashes, which the bundler resolves on every platform. */
function importPath(file: string): string {
  return file.split('\\').join('/');
}
