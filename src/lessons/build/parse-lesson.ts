/**
 * One lesson folder's texts → the lesson's summary and rendered content (build time, pure: no disk).
 *
 *   parseLesson(sources) → { ok: true, lesson: ParsedLesson } | { ok: false, problems }
 *
 * Checks lesson.md against lessonMetaSchema, the folder name (NN-slug), every step (parse-step.ts), step
 * order (unique NN prefixes), unique step ids and actor ids, and that scenario.ts and quiz.ts exist.
 * References into scenario.ts and quiz.ts are checked when the lesson loads (references.ts): they are code.
 */
import type { LessonProblem } from '../errors.ts';
import { lessonMetaSchema } from '../schema.ts';
import { validateWith } from '../schema-issues.ts';
import type { LessonMeta, LessonSummary, Step } from '../types.ts';
import { splitFrontmatter } from './frontmatter.ts';
import { renderMarkdown } from './markdown.ts';
import { parseStep, type StepSource } from './parse-step.ts';

export interface LessonSources {
  /** Folder name, e.g. "01-encryption-in-flight". */
  folder: string;
  /** Folder path shown in errors, e.g. "lessons/01-encryption-in-flight". */
  sourceDir: string;
  /** Text of lesson.md, or undefined when the file is missing. */
  lessonMd?: string;
  /** Every *.md file in steps/, in any order. */
  steps: StepSource[];
  hasScenario: boolean;
  hasQuiz: boolean;
}

export interface ParsedLesson {
  summary: LessonSummary;
  introHtml: string;
  steps: Step[];
}

export type LessonParse = { ok: true; lesson: ParsedLesson } | { ok: false; problems: LessonProblem[] };

/** `NN-slug`: NN orders the catalogue. */
export const LESSON_FOLDER_PATTERN = /^(\d+)-[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function parseLesson(sources: LessonSources): LessonParse {
  const { folder, sourceDir } = sources;
  const problems: LessonProblem[] = [];
  const folderName = LESSON_FOLDER_PATTERN.exec(folder);
  if (!folderName) {
    problems.push({ file: sourceDir, message: 'a lesson folder must be named NN-slug, such as 01-encryption-in-flight' });
  }
  for (const [present, name] of [[sources.hasScenario, 'scenario.ts'], [sources.hasQuiz, 'quiz.ts']] as const) {
    if (!present) problems.push({ file: `${sourceDir}/${name}`, message: 'expected this file, but it is missing' });
  }

  const meta = parseLessonMd(sources, problems);
  const steps = parseSteps(sources, problems);
  if (!meta || !steps || !folderName || problems.length > 0) return { ok: false, problems };

  const summary: LessonSummary = {
    ...meta.meta,
    folder,
    sourceDir,
    order: Number(folderName[1]),
    steps: steps.map(({ id, title, handsOn }) => ({ id, title, handsOn })),
  };
  return { ok: true, lesson: { summary, introHtml: meta.introHtml, steps } };
}

function parseLessonMd(
  { sourceDir, lessonMd }: LessonSources,
  problems: LessonProblem[],
): { meta: LessonMeta; introHtml: string } | undefined {
  const file = `${sourceDir}/lesson.md`;
  if (lessonMd === undefined) {
    problems.push({ file, message: 'expected this file, but it is missing' });
    return undefined;
  }
  const split = splitFrontmatter(lessonMd, file);
  if (!split.ok) return void problems.push(...split.problems);
  const meta = validateWith(lessonMetaSchema, split.data, file);
  if (!meta.ok) return void problems.push(...meta.problems);
  problems.push(...duplicates(meta.output.actors.map((actor) => actor.id), (id, at) => ({
    file,
    field: `actors[${at}].id`,
    message: `expected a unique actor id, but "${id}" is already used by an earlier actor`,
  })));
  return { meta: meta.output, introHtml: renderMarkdown(split.body) };
}

function parseSteps(sources: LessonSources, problems: LessonProblem[]): Step[] | undefined {
  if (sources.steps.length === 0) {
    problems.push({ file: `${sources.sourceDir}/steps`, message: 'expected at least one step file named NN-slug.md' });
    return undefined;
  }
  const parsed = sources.steps.map((source) => ({ source, result: parseStep(source, 0) }));
  const good: { step: Step; order: number }[] = [];
  for (const { result } of parsed) {
    if (result.ok) good.push(result);
    else problems.push(...result.problems);
  }
  good.sort((a, b) => a.order - b.order);
  for (let i = 1; i < good.length; i++) {
    if (good[i].order === good[i - 1].order) {
      problems.push({
        file: good[i].step.file,
        message: `expected a unique NN prefix, but ${good[i - 1].step.file} has the same number; the prefix orders the steps`,
      });
    }
  }
  const steps = good.map(({ step }, index) => ({ ...step, index }));
  problems.push(...duplicates(steps.map((step) => step.id), (id, at) => ({
    file: steps[at].file,
    field: 'id',
    message: `expected a unique step id, but "${id}" is already the id of ${steps.find((s) => s.id === id)?.file}`,
  })));
  return good.length === sources.steps.length ? steps : undefined;
}

/** A problem for every repeat of a value (the first occurrence is fine). */
function duplicates(values: string[], problem: (value: string, index: number) => LessonProblem): LessonProblem[] {
  const seen = new Set<string>();
  const found: LessonProblem[] = [];
  values.forEach((value, index) => {
    if (seen.has(value)) found.push(problem(value, index));
    seen.add(value);
  });
  return found;
}
