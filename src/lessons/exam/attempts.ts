/**
 * Exam attempts, kept beside the lesson progress (same browser storage, own key, so the progress
 * format stays as it is): the attempt in progress, which survives a reload, and past attempts.
 *
 *   EXAM_KEY                      'kms-lab:exam:v1'
 *   startAttempt(options)         → ExamAttempt   (questions drawn from the seed; a deadline when timed)
 *   finishAttempt(attempt, grade, now, timedOut) → the attempt with its score and per-topic scores
 *   loadExamHistory(storage)      → ExamHistory   NEVER throws: unreadable data gives an empty history
 *   saveExamHistory(storage, h)   → boolean       false when the browser refuses (quota, blocked)
 *   withCurrent / withFinished    pure updates of the history
 */
import * as v from 'valibot';
import type { ProgressStorage } from '../progress/index.ts';
import type { ExamGrade, TopicScore } from './grade.ts';
import { EXAM_TOPICS } from './types.ts';

export const EXAM_KEY = 'kms-lab:exam:v1';
export const EXAM_FORMAT = 1;
/** Past attempts kept; older ones are dropped first. */
export const MAX_PAST_ATTEMPTS = 50;
/** Timed attempts allow 90 seconds a question (20 questions in 30 minutes). */
export const SECONDS_PER_TIMED_QUESTION = 90;

export type ExamMode = 'timed' | 'untimed';

export interface ExamAttempt {
  id: string;
  mode: ExamMode;
  /** The seed the questions were drawn from (kept for the record; the ids below are what is replayed). */
  seed: number;
  questionIds: string[];
  /** Epoch ms. */
  startedAt: number;
  /** Timed attempts: when the time runs out (epoch ms). */
  deadline?: number;
  responses: Record<string, string | string[]>;
  submittedAt?: number;
  /** The time ran out and the attempt was submitted by itself. */
  timedOut?: boolean;
  score?: { score: number; max: number };
  topics?: TopicScore[];
}

export interface ExamHistory {
  format: typeof EXAM_FORMAT;
  current?: ExamAttempt;
  /** Newest first. */
  past: ExamAttempt[];
}

export const emptyExamHistory = (): ExamHistory => ({ format: EXAM_FORMAT, past: [] });

export function startAttempt(options: { mode: ExamMode; seed: number; questionIds: string[]; now: number }): ExamAttempt {
  const { mode, seed, questionIds, now } = options;
  return {
    id: `attempt-${now}-${seed}`,
    mode,
    seed,
    questionIds,
    startedAt: now,
    ...(mode === 'timed' ? { deadline: now + questionIds.length * SECONDS_PER_TIMED_QUESTION * 1000 } : {}),
    responses: {},
  };
}

export function finishAttempt(attempt: ExamAttempt, grade: ExamGrade, now: number, timedOut = false): ExamAttempt {
  return { ...attempt, submittedAt: now, ...(timedOut ? { timedOut } : {}), score: { score: grade.score, max: grade.max }, topics: grade.topics };
}

export const withCurrent = (history: ExamHistory, current: ExamAttempt | undefined): ExamHistory => {
  const { current: _old, ...rest } = history;
  return current ? { ...rest, current } : rest;
};

/** The finished attempt becomes the newest past attempt, and nothing is in progress any more. */
export const withFinished = (history: ExamHistory, finished: ExamAttempt): ExamHistory => ({
  format: EXAM_FORMAT,
  past: [finished, ...history.past.filter((attempt) => attempt.id !== finished.id)].slice(0, MAX_PAST_ATTEMPTS),
});

// ---------------------------------------------------------------------------------------------
// storage

const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const attemptSchema = v.object({
  id: v.string(),
  mode: v.picklist(['timed', 'untimed']),
  seed: count,
  questionIds: v.array(v.string()),
  startedAt: v.number(),
  deadline: v.optional(v.number()),
  responses: v.record(v.string(), v.union([v.string(), v.array(v.string())])),
  submittedAt: v.optional(v.number()),
  timedOut: v.optional(v.boolean()),
  score: v.optional(v.object({ score: count, max: count })),
  topics: v.optional(v.array(v.object({ topic: v.picklist(EXAM_TOPICS), score: count, max: count }))),
});
const historySchema = v.object({
  format: v.literal(EXAM_FORMAT),
  current: v.optional(attemptSchema),
  past: v.array(attemptSchema),
});

export function loadExamHistory(storage: ProgressStorage | undefined): ExamHistory {
  try {
    const text = storage?.getItem(EXAM_KEY);
    if (!text) return emptyExamHistory();
    const parsed = v.safeParse(historySchema, JSON.parse(text));
    return parsed.success ? (parsed.output as ExamHistory) : emptyExamHistory();
  } catch {
    // Blocked storage or broken JSON: the exam still works, it just starts with no history.
    return emptyExamHistory();
  }
}

export function saveExamHistory(storage: ProgressStorage | undefined, history: ExamHistory): boolean {
  if (!storage) return true;
  try {
    storage.setItem(EXAM_KEY, JSON.stringify(history));
    return true;
  } catch {
    return false;
  }
}
