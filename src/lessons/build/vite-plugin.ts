/**
 * Vite plugin: the lessons/ folder as modules.
 *
 *   lessonsPlugin({ dir? })   dir defaults to `<project root>/lessons` (relative paths are from the root)
 *
 *   import { summaries, loaders } from 'virtual:lessons';
 *     summaries: LessonSummary[]                        eager, metadata only, sorted by the NN prefix
 *     loaders:   Record<lessonId, () => Promise<Lesson>> each lesson (rendered steps, scenario.ts, quiz.ts)
 *                                                       is its own lazily imported chunk
 *   Types: src/lessons/virtual-lessons.d.ts. Views use src/lessons/catalogue.ts, not this module directly.
 *
 *   import { bankFiles } from 'virtual:lessons-exam-bank';   the practice exam's bank (exam-bank.ts)
 *
 * Frontmatter is parsed (yaml) and validated (schema.ts) and markdown is rendered (markdown-it, raw HTML
 * off) HERE, at build time: none of those libraries ships to the browser. An invalid lesson fails the
 * build, the dev server (error overlay) and the tests with one line per problem, naming file and field.
 * In dev, editing, adding or removing a lesson's markdown (or adding/removing any lesson file) rebuilds
 * the virtual modules and reloads the page; scenario.ts and quiz.ts edits go through normal HMR.
 *
 * The pure parts (parse-lesson.ts, parse-step.ts, read-lessons.ts, codegen.ts) are exported for tests.
 */
import { relative, resolve, isAbsolute } from 'node:path';
import type { Plugin } from 'vite';
import { catalogueModule, CATALOGUE_ID, LESSON_ID_PREFIX, lessonModule } from './codegen.ts';
import { readLessons } from './read-lessons.ts';
import { EXAM_BANK_ID, examBankModule } from './exam-bank.ts';

export { parseLesson, LESSON_FOLDER_PATTERN, type LessonSources, type ParsedLesson } from './parse-lesson.ts';
export { parseStep, STEP_FILE_PATTERN, type StepSource } from './parse-step.ts';
export { readLessons, type ReadLesson } from './read-lessons.ts';
export { catalogueModule, lessonModule, CATALOGUE_ID, LESSON_ID_PREFIX } from './codegen.ts';

export interface LessonsPluginOptions {
  /** The lessons folder; default `<project root>/lessons`. Relative paths are resolved from the root. */
  dir?: string;
}

/** Rollup's convention: a leading NUL marks a virtual module so no other plugin touches it. */
const RESOLVED_PREFIX = '\0';

export function lessonsPlugin(options: LessonsPluginOptions = {}): Plugin {
  let root = process.cwd();
  let dir = resolve(root, options.dir ?? 'lessons');

  const isOurs = (id: string) => id.startsWith(RESOLVED_PREFIX + CATALOGUE_ID);
  const isLessonFile = (file: string) => {
    const path = relative(dir, file);
    return path !== '' && !path.startsWith('..') && !isAbsolute(path);
  };

  return {
    name: 'kms-lab:lessons',

    configResolved(config) {
      root = config.root;
      dir = resolve(root, options.dir ?? 'lessons');
    },

    configureServer(server) {
      // The root is watched already; a lessons folder outside it (tests, other courses) is not.
      server.watcher.add(dir);
    },

    resolveId(id) {
      if (id === EXAM_BANK_ID) return RESOLVED_PREFIX + id;
      if (id === CATALOGUE_ID || id.startsWith(LESSON_ID_PREFIX)) return RESOLVED_PREFIX + id;
      return undefined;
    },

    load(id) {
      if (!isOurs(id)) return undefined;
      // The practice exam's bank (lessons/exam/bank/*.ts): see exam-bank.ts.
      if (id === RESOLVED_PREFIX + EXAM_BANK_ID) return examBankModule(dir, root);
      const lessons = readLessons(dir, root); // throws a LessonError naming every bad file and field
      for (const lesson of lessons) for (const file of lesson.markdownFiles) this.addWatchFile(file);
      if (id === RESOLVED_PREFIX + CATALOGUE_ID) return catalogueModule(lessons);

      const folder = id.slice((RESOLVED_PREFIX + LESSON_ID_PREFIX).length);
      const lesson = lessons.find((candidate) => candidate.summary.folder === folder);
      if (!lesson) throw new Error(`${LESSON_ID_PREFIX}${folder}: there is no lesson folder "${folder}" in ${dir}`);
      return lessonModule(lesson);
    },

    hotUpdate({ type, file }) {
      if (!isLessonFile(file)) return undefined;
      // Code edits (scenario.ts, quiz.ts) follow the normal module graph.
      if (type === 'update' && !file.endsWith('.md')) return undefined;
      const graph = this.environment.moduleGraph;
      for (const [id, module] of graph.idToModuleMap) if (isOurs(id)) graph.invalidateModule(module);
      // Markdown feeds generated modules that nothing accepts: a full reload is the honest update.
      this.environment.hot.send({ type: 'full-reload' });
      return [];
    },
  };
}
