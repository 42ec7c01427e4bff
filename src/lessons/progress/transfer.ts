/**
 * Progress as a file the learner keeps (export) and brings back (import), e.g. to another browser.
 *
 *   exportProgress(progress) → string (pretty JSON of the storage format)
 *   importProgress(text)     → { ok: true, progress } | { ok: false, message }   never throws; the message
 *                              says what is wrong with the file, in words a learner can act on
 */
import { validateWith } from '../schema-issues';
import { PROGRESS_FORMAT, progressSchema, type Progress } from './model';

export function exportProgress(progress: Progress): string {
  return `${JSON.stringify(progress, null, 2)}\n`;
}

export type ImportResult = { ok: true; progress: Progress } | { ok: false; message: string };

export function importProgress(text: string): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `This file is not a KMS Lab progress file: it is not valid JSON (${(error as Error).message}).` };
  }
  if (typeof data === 'object' && data !== null && 'format' in data && typeof data.format === 'number' && data.format !== PROGRESS_FORMAT) {
    return {
      ok: false,
      message: `This progress file has format ${data.format}, but this version of KMS Lab reads format ${PROGRESS_FORMAT}.`,
    };
  }
  const result = validateWith(progressSchema, data, 'progress file');
  if (result.ok) return { ok: true, progress: result.output };
  const [first] = result.problems;
  const where = first.field === undefined ? '' : ` field "${first.field}":`;
  return { ok: false, message: `This file is not a KMS Lab progress file:${where} ${first.message}.` };
}
