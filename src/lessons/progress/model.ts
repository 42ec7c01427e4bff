/**
 * What KMS Lab remembers about a learner, and its format on disk (localStorage or an exported file).
 *
 *   PROGRESS_KEY      'kms-lab:progress:v1'  the localStorage key (the version is in the key and in `format`)
 *   Progress          { format: 1, lessons: { [lessonId]: LessonProgress } }
 *   LessonProgress    per lesson AND lesson version: progress saved for another version of a lesson is
 *                     not shown and is replaced on the next update (its steps may mean something else)
 *   progressSchema    valibot schema of the format, used to read storage and to import files
 */
import * as v from 'valibot';

export const PROGRESS_KEY = 'kms-lab:progress:v1';
export const PROGRESS_FORMAT = 1;

export interface QuizScore {
  score: number;
  max: number;
}

export interface LessonProgress {
  lessonId: string;
  /** The lesson's `version` this progress belongs to. */
  version: number;
  /** Step ids the learner has opened, in the order first seen. */
  stepsSeen: string[];
  /** Hands-on step ids whose check the learner satisfied. */
  checksPassed: string[];
  /** The step to resume at. */
  lastStep?: string;
  quizBest?: QuizScore;
  quizLast?: QuizScore;
  quizAttempts: number;
}

export interface Progress {
  format: typeof PROGRESS_FORMAT;
  lessons: Record<string, LessonProgress>;
}

/** The identity progress is keyed on (a LessonSummary or Lesson fits). */
export interface LessonRef {
  id: string;
  version: number;
}

export function emptyProgress(): Progress {
  return { format: PROGRESS_FORMAT, lessons: {} };
}

const ids = (what: string) => v.array(v.string(what), `a list of ${what}s`);
const count = (what: string) => v.pipe(v.number(what), v.integer(what), v.minValue(0, what));
const score = v.pipe(
  v.strictObject({ score: count('a whole number of points'), max: count('a whole number of points') }, 'a score { score, max }'),
  v.check((s) => s.score <= s.max, 'a score no higher than its maximum'),
);

export const lessonProgressSchema = v.strictObject(
  {
    lessonId: v.string('a lesson id'),
    version: v.pipe(v.number('a lesson version'), v.integer('a lesson version'), v.minValue(1, 'a lesson version')),
    stepsSeen: ids('step id'),
    checksPassed: ids('step id'),
    lastStep: v.optional(v.string('a step id')),
    quizBest: v.optional(score),
    quizLast: v.optional(score),
    quizAttempts: count('a number of attempts'),
  },
  "a lesson's progress",
);

export const progressSchema = v.pipe(
  v.strictObject(
    {
      format: v.literal(PROGRESS_FORMAT, `format ${PROGRESS_FORMAT}`),
      lessons: v.record(v.string(), lessonProgressSchema, 'a mapping of lesson ids to progress'),
    },
    'a KMS Lab progress object { format, lessons }',
  ),
  v.check(
    (progress) => Object.entries(progress.lessons).every(([id, lesson]) => lesson.lessonId === id),
    'each lesson filed under its own id',
  ),
);
