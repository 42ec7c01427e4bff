/**
 * Reads every lesson folder under a directory (build time, Node only) and parses it.
 *
 *   readLessons(dir, root) → ReadLesson[]   sorted by NN prefix; throws one LessonError listing every problem
 *   readEachLesson(dir, root) → { lessons, problems }   the folders that parse, and the others' problems (no throw)
 *
 * A missing or empty directory gives no lessons (a fresh checkout is not an error). Entries starting with
 * "_" or "." are ignored (shared assets, editor files), and so is exam/ (the practice exam's bank, read by
 * ../exam); loose files at the top are ignored too.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { LessonError, type LessonProblem } from '../errors.ts';
import { parseLesson, type LessonSources, type ParsedLesson } from './parse-lesson.ts';

export interface ReadLesson extends ParsedLesson {
  /** Absolute paths, imported by the lesson's lazy module. */
  scenarioPath: string;
  quizPath: string;
  /** Every markdown file the lesson was built from (watched in dev). */
  markdownFiles: string[];
}

/** Folders beside the lessons that are not lessons: exam/ holds the practice exam's question bank. */
export const NOT_LESSON_FOLDERS: readonly string[] = ['exam'];

export function readLessons(dir: string, root: string): ReadLesson[] {
  const { lessons, problems } = readEachLesson(dir, root);
  problems.push(...catalogueProblems(lessons));
  if (problems.length > 0) throw new LessonError(problems);
  return lessons;
}

/**
 * Every lesson folder that parses, sorted, and the problems of those that do not, without throwing:
 * for checks that must work while a lesson is still being written (the exam's references test).
 */
export function readEachLesson(dir: string, root: string): { lessons: ReadLesson[]; problems: LessonProblem[] } {
  if (!existsSync(dir)) return { lessons: [], problems: [] };
  const folders = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !/^[_.]/.test(entry.name) && !NOT_LESSON_FOLDERS.includes(entry.name))
    .map((entry) => entry.name)
    .sort();

  const problems: LessonProblem[] = [];
  const lessons: ReadLesson[] = [];
  for (const folder of folders) {
    const { sources, markdownFiles } = readSources(join(dir, folder), folder, root);
    const parsed = parseLesson(sources);
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      continue;
    }
    lessons.push({
      ...parsed.lesson,
      scenarioPath: join(dir, folder, 'scenario.ts'),
      quizPath: join(dir, folder, 'quiz.ts'),
      markdownFiles,
    });
  }
  lessons.sort((a, b) => a.summary.order - b.summary.order);
  return { lessons, problems };
}

function readSources(folderPath: string, folder: string, root: string): { sources: LessonSources; markdownFiles: string[] } {
  const lessonMdPath = join(folderPath, 'lesson.md');
  const stepsDir = join(folderPath, 'steps');
  const stepNames = existsSync(stepsDir)
    ? readdirSync(stepsDir).filter((name) => name.endsWith('.md') && statSync(join(stepsDir, name)).isFile())
    : [];
  const steps = stepNames.map((fileName) => ({
    fileName,
    file: display(join(stepsDir, fileName), root),
    source: readFileSync(join(stepsDir, fileName), 'utf8'),
  }));
  return {
    sources: {
      folder,
      sourceDir: display(folderPath, root),
      lessonMd: existsSync(lessonMdPath) ? readFileSync(lessonMdPath, 'utf8') : undefined,
      steps,
      hasScenario: existsSync(join(folderPath, 'scenario.ts')),
      hasQuiz: existsSync(join(folderPath, 'quiz.ts')),
    },
    markdownFiles: [lessonMdPath, ...stepNames.map((name) => join(stepsDir, name))].filter((file) => existsSync(file)),
  };
}

/** Across lessons: ids are URLs and progress keys, NN prefixes are the catalogue order. */
function catalogueProblems(lessons: ReadLesson[]): LessonProblem[] {
  const problems: LessonProblem[] = [];
  lessons.forEach(({ summary }, index) => {
    const earlier = lessons.slice(0, index).map((lesson) => lesson.summary);
    const sameId = earlier.find((other) => other.id === summary.id);
    if (sameId) {
      problems.push({
        file: `${summary.sourceDir}/lesson.md`,
        field: 'id',
        message: `expected a unique lesson id, but "${summary.id}" is already the id of ${sameId.sourceDir}`,
      });
    }
    const sameOrder = earlier.find((other) => other.order === summary.order);
    if (sameOrder) {
      problems.push({
        file: summary.sourceDir ?? summary.folder,
        message: `expected a unique NN prefix, but ${sameOrder.sourceDir} has the same number; the prefix orders the catalogue`,
      });
    }
  });
  return problems;
}

/** A path from the project root with forward slashes, as people write it. */
function display(path: string, root: string): string {
  return relative(root, path).split(sep).join('/');
}
