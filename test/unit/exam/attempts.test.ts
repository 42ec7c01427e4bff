/** Exam attempts in the browser's storage: start, resume after a reload, finish, history, and unreadable data. */
import { describe, expect, it } from 'vitest';
import {
  EXAM_KEY,
  MAX_PAST_ATTEMPTS,
  finishAttempt,
  loadExamHistory,
  saveExamHistory,
  startAttempt,
  withCurrent,
  withFinished,
  emptyExamHistory,
} from '../../../src/lessons/exam/attempts';
import { gradeExam } from '../../../src/lessons/exam/grade';
import { FIXTURE_BANK } from './fixture-bank';

function memoryStorage(): Storage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    key: (i: number) => [...data.keys()][i] ?? null,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
}

const ids = FIXTURE_BANK.map((q) => q.id);

describe('exam attempts', () => {
  it('gives a timed attempt 90 seconds a question, an untimed one no deadline', () => {
    expect(startAttempt({ mode: 'timed', seed: 3, questionIds: ids, now: 1000 }).deadline).toBe(1000 + 5 * 90_000);
    expect(startAttempt({ mode: 'untimed', seed: 3, questionIds: ids, now: 1000 }).deadline).toBeUndefined();
  });

  it('keeps the attempt in progress with its answers across a reload, then files it with its scores', () => {
    const storage = memoryStorage();
    const attempt = startAttempt({ mode: 'untimed', seed: 9, questionIds: ids, now: 5 });
    saveExamHistory(storage, withCurrent(emptyExamHistory(), { ...attempt, responses: { 'kt-1': 'a', 'kt-2': ['a', 'c'] } }));

    const reloaded = loadExamHistory(storage);
    expect(reloaded.current).toMatchObject({ id: attempt.id, seed: 9, questionIds: ids, responses: { 'kt-1': 'a', 'kt-2': ['a', 'c'] } });

    const grade = gradeExam(FIXTURE_BANK, reloaded.current!.responses);
    const done = finishAttempt(reloaded.current!, grade, 99);
    saveExamHistory(storage, withFinished(reloaded, done));
    const after = loadExamHistory(storage);
    expect(after.current).toBeUndefined();
    expect(after.past[0]).toMatchObject({ id: attempt.id, submittedAt: 99, score: { score: 2, max: 5 }, topics: grade.topics });
    expect(after.past[0]!.timedOut).toBeUndefined();
  });

  it('records an attempt the clock submitted, keeps the newest attempts first and at most MAX_PAST_ATTEMPTS', () => {
    let history = emptyExamHistory();
    for (let i = 0; i < MAX_PAST_ATTEMPTS + 3; i++) {
      const attempt = startAttempt({ mode: 'timed', seed: i, questionIds: ids, now: i });
      history = withFinished(withCurrent(history, attempt), finishAttempt(attempt, gradeExam(FIXTURE_BANK, {}), i + 1, true));
    }
    expect(history.past).toHaveLength(MAX_PAST_ATTEMPTS);
    expect(history.past[0]).toMatchObject({ seed: MAX_PAST_ATTEMPTS + 2, timedOut: true, score: { score: 0, max: 5 } });
  });

  it('starts empty from broken JSON, a wrong shape or a storage that throws, and says so when saving fails', () => {
    const storage = memoryStorage();
    storage.setItem(EXAM_KEY, '{not json');
    expect(loadExamHistory(storage)).toEqual(emptyExamHistory());
    storage.setItem(EXAM_KEY, JSON.stringify({ format: 1, past: [{ id: 3 }] }));
    expect(loadExamHistory(storage)).toEqual(emptyExamHistory());
    const throwing = { getItem: () => { throw new Error('blocked'); }, setItem: () => { throw new Error('full'); }, removeItem: () => undefined };
    expect(loadExamHistory(throwing)).toEqual(emptyExamHistory());
    expect(saveExamHistory(throwing, emptyExamHistory())).toBe(false);
    expect(loadExamHistory(undefined)).toEqual(emptyExamHistory());
  });
});
