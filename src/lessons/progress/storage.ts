/**
 * Progress in a Storage (window.localStorage in the page, any Storage-like object in Node tests).
 *
 *   loadProgress(storage)            → { progress, notice?, reason? }  NEVER throws. Corrupt JSON, a wrong
 *                                      shape or another format version is reset (the bad entry is removed)
 *                                      and reported in `notice`, written for the learner.
 *   saveProgress(storage, progress)  → { ok: true } | { ok: false, notice }  never throws (quota, blocked storage)
 */
import * as v from 'valibot';
import { emptyProgress, PROGRESS_FORMAT, PROGRESS_KEY, progressSchema, type Progress } from './model';

export type ProgressStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const RESET_NOTICE = 'Your saved progress could not be read and was reset.';
export const UNAVAILABLE_NOTICE = 'This browser does not let KMS Lab save progress, so it will only last for this visit.';

export type LoadReason = 'corrupt-json' | 'wrong-shape' | 'other-version' | 'storage-unavailable';

export interface LoadedProgress {
  progress: Progress;
  /** For the learner: shown once, then dismissed. */
  notice?: string;
  /** For logs and tests: why the notice was given. */
  reason?: LoadReason;
}

export function loadProgress(storage: ProgressStorage | undefined): LoadedProgress {
  let text: string | null;
  try {
    if (!storage) return { progress: emptyProgress() };
    text = storage.getItem(PROGRESS_KEY);
  } catch {
    return { progress: emptyProgress(), notice: UNAVAILABLE_NOTICE, reason: 'storage-unavailable' };
  }
  if (text === null) return { progress: emptyProgress() };

  const reason = unreadable(text);
  if (reason === undefined) return { progress: v.parse(progressSchema, JSON.parse(text)) };
  try {
    storage.removeItem(PROGRESS_KEY);
  } catch {
    // Nothing more to do: the in-memory progress is reset either way.
  }
  return { progress: emptyProgress(), notice: RESET_NOTICE, reason };
}

export function saveProgress(storage: ProgressStorage | undefined, progress: Progress): { ok: true } | { ok: false; notice: string } {
  if (!storage) return { ok: true };
  try {
    storage.setItem(PROGRESS_KEY, JSON.stringify(progress));
    return { ok: true };
  } catch {
    return { ok: false, notice: 'Your progress could not be saved in this browser (its storage may be full or blocked).' };
  }
}

function unreadable(text: string): LoadReason | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return 'corrupt-json';
  }
  if (isRecord(data) && 'format' in data && data.format !== PROGRESS_FORMAT) return 'other-version';
  return v.is(progressSchema, data) ? undefined : 'wrong-shape';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
