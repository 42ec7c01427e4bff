/**
 * One `steps/NN-slug.md` file → a Step (build time, pure: takes the file's text, touches no disk).
 *
 *   parseStep({ fileName, file, source }, index) → { ok: true, step } | { ok: false, problems }
 *
 * Checks the frontmatter against stepMetaSchema, the file name, a non-empty body, and the rules that span
 * fields: a hands-on step (`await`) carries its stored walkthrough (`solution`), and a `solution` only
 * exists for a hands-on step. Markdown (body, notes, hint) is rendered here, with raw HTML disabled.
 */
import type { LessonProblem } from '../errors.ts';
import { stepMetaSchema } from '../schema.ts';
import { validateWith } from '../schema-issues.ts';
import type { Step, StepMeta } from '../types.ts';
import { splitFrontmatter } from './frontmatter.ts';
import { renderMarkdown } from './markdown.ts';

export interface StepSource {
  /** Name inside steps/, e.g. "02-tls.md". */
  fileName: string;
  /** Path shown in errors, e.g. "lessons/01-encryption-in-flight/steps/02-tls.md". */
  file: string;
  source: string;
}

/** `NN-slug.md`: NN orders the steps. */
export const STEP_FILE_PATTERN = /^(\d+)-[a-z0-9]+(?:-[a-z0-9]+)*\.md$/;

export type ParsedStep = { ok: true; step: Step; order: number } | { ok: false; problems: LessonProblem[] };

export function parseStep({ fileName, file, source }: StepSource, index: number): ParsedStep {
  const name = STEP_FILE_PATTERN.exec(fileName);
  if (!name) {
    return { ok: false, problems: [{ file, message: 'a step file must be named NN-slug.md, such as 02-tls-handshake.md' }] };
  }
  const split = splitFrontmatter(source, file);
  if (!split.ok) return split;
  const meta = validateWith(stepMetaSchema, split.data, file);
  if (!meta.ok) return meta;

  const problems = crossFieldProblems(meta.output, file);
  if (split.body.trim() === '') {
    problems.push({ file, message: 'expected the step text (markdown) after the frontmatter, got nothing' });
  }
  if (problems.length > 0) return { ok: false, problems };

  const step: Step = {
    ...withoutUndefined(meta.output),
    index,
    file,
    handsOn: meta.output.await !== undefined,
    html: renderMarkdown(split.body),
    notesHtml: renderMarkdown(meta.output.notes),
    ...(meta.output.hint === undefined ? {} : { hintHtml: renderMarkdown(meta.output.hint) }),
  };
  return { ok: true, step, order: Number(name[1]) };
}

function crossFieldProblems(meta: StepMeta, file: string): LessonProblem[] {
  const problems: LessonProblem[] = [];
  if (meta.await !== undefined && meta.solution === undefined) {
    problems.push({
      file,
      field: 'solution',
      message: 'expected the stored walkthrough (a list of learner actions that satisfy "await"), got nothing (the field is missing)',
    });
  }
  if (meta.solution !== undefined && meta.await === undefined) {
    problems.push({
      file,
      field: 'solution',
      message: 'a solution needs "await" (the check it satisfies); without "await" the step is narration',
    });
  }
  if (meta.await !== undefined && meta.actions === undefined) {
    problems.push({
      file,
      field: 'actions',
      message: 'expected the actions the learner may take, because the step has "await", got nothing (the field is missing)',
    });
  }
  return problems;
}

/** Optional fields absent from the frontmatter stay absent (not `undefined`) in the generated module. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
