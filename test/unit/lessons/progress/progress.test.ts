import { describe, expect, it } from 'vitest';
import {
  PROGRESS_KEY,
  RESET_NOTICE,
  UNAVAILABLE_NOTICE,
  emptyProgress,
  exportProgress,
  importProgress,
  lessonProgress,
  loadProgress,
  markCheckPassed,
  markStepSeen,
  openProgressStore,
  recordPlayerProgress,
  recordQuiz,
  saveProgress,
  type ProgressStorage,
} from '../../../../src/lessons/progress';

/** A Storage-like map, as localStorage behaves. */
function memoryStorage(initial: Record<string, string> = {}): ProgressStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

const lesson = {
  id: 'tiny-lesson',
  version: 2,
  steps: [
    { id: 'hello', title: 'Hello', handsOn: false },
    { id: 'press', title: 'Press', handsOn: true },
  ],
};

describe('pure updates', () => {
  it('marks steps seen, keeps the resume point, and returns the same object when nothing changes', () => {
    const once = markStepSeen(emptyProgress(), lesson, 'hello');
    expect(lessonProgress(once, 'tiny-lesson')).toEqual({
      lessonId: 'tiny-lesson', version: 2, stepsSeen: ['hello'], checksPassed: [], lastStep: 'hello', quizAttempts: 0,
    });
    expect(markStepSeen(once, lesson, 'hello')).toBe(once);
    const twice = markStepSeen(markStepSeen(once, lesson, 'press'), lesson, 'hello');
    expect(lessonProgress(twice, 'tiny-lesson')).toMatchObject({ stepsSeen: ['hello', 'press'], lastStep: 'hello' });
    const passed = markCheckPassed(twice, lesson, 'press');
    expect(lessonProgress(passed, 'tiny-lesson')?.checksPassed).toEqual(['press']);
    expect(markCheckPassed(passed, lesson, 'press')).toBe(passed);
  });

  it('records what a player snapshot says: the current step seen, completed hands-on steps passed', () => {
    const progress = recordPlayerProgress(emptyProgress(), lesson, 'press', ['hello', 'press']);
    expect(lessonProgress(progress, 'tiny-lesson')).toMatchObject({ stepsSeen: ['press'], checksPassed: ['press'], lastStep: 'press' });
  });

  it('records quiz attempts, the last score and the best one', () => {
    let progress = recordQuiz(emptyProgress(), lesson, { score: 3, max: 6 });
    progress = recordQuiz(progress, lesson, { score: 5, max: 6 });
    progress = recordQuiz(progress, lesson, { score: 4, max: 6 });
    expect(lessonProgress(progress, 'tiny-lesson')).toMatchObject({ quizAttempts: 3, quizBest: { score: 5, max: 6 }, quizLast: { score: 4, max: 6 } });
  });

  it('stores only the score and the maximum of a whole quiz result, so the store stays readable', () => {
    const storage = memoryStorage();
    const result = { score: 1, max: 2, answered: 2, results: [{ questionId: 'q' }] };
    saveProgress(storage, recordQuiz(emptyProgress(), lesson, result));
    const loaded = loadProgress(storage);
    expect(loaded.notice).toBeUndefined();
    expect(lessonProgress(loaded.progress, 'tiny-lesson')?.quizBest).toEqual({ score: 1, max: 2 });
  });

  it('keys progress on the lesson version: another version is not shown and is replaced', () => {
    const v2 = markStepSeen(emptyProgress(), lesson, 'press');
    expect(lessonProgress(v2, 'tiny-lesson', 3)).toBeUndefined();
    expect(lessonProgress(v2, 'tiny-lesson', 2)).toBeDefined();
    const v3 = markStepSeen(v2, { id: 'tiny-lesson', version: 3 }, 'hello');
    expect(lessonProgress(v3, 'tiny-lesson')).toMatchObject({ version: 3, stepsSeen: ['hello'] });
  });
});

describe('loadProgress', () => {
  it('starts empty without a notice when nothing is stored, or storage is absent', () => {
    expect(loadProgress(memoryStorage())).toEqual({ progress: emptyProgress() });
    expect(loadProgress(undefined)).toEqual({ progress: emptyProgress() });
  });

  it('reads what saveProgress wrote under the versioned key', () => {
    const storage = memoryStorage();
    const progress = recordQuiz(markStepSeen(emptyProgress(), lesson, 'hello'), lesson, { score: 1, max: 2 });
    expect(saveProgress(storage, progress)).toEqual({ ok: true });
    expect([...storage.data.keys()]).toEqual([PROGRESS_KEY]);
    expect(PROGRESS_KEY).toBe('kms-lab:progress:v1');
    expect(loadProgress(storage)).toEqual({ progress });
  });

  it.each([
    ['corrupt JSON', '{"format":1,"less', 'corrupt-json'],
    ['a wrong shape', '{"format":1,"lessons":{"x":{"lessonId":"x","stepsSeen":"all"}}}', 'wrong-shape'],
    ['a lesson filed under another id', JSON.stringify({ format: 1, lessons: { a: { lessonId: 'b', version: 1, stepsSeen: [], checksPassed: [], quizAttempts: 0 } } }), 'wrong-shape'],
    ['an old format', '{"format":0,"seen":["a"]}', 'other-version'],
    ['not an object', '42', 'wrong-shape'],
  ])('resets %s with a notice, never throwing', (_what, stored, reason) => {
    const storage = memoryStorage({ [PROGRESS_KEY]: stored });
    expect(loadProgress(storage)).toEqual({ progress: emptyProgress(), notice: RESET_NOTICE, reason });
    expect(RESET_NOTICE).toBe('Your saved progress could not be read and was reset.');
    expect(storage.data.has(PROGRESS_KEY)).toBe(false);
  });

  it('survives storage that throws (blocked by the browser)', () => {
    const blocked: ProgressStorage = {
      getItem: () => { throw new DOMException('denied', 'SecurityError'); },
      setItem: () => { throw new DOMException('full', 'QuotaExceededError'); },
      removeItem: () => {},
    };
    expect(loadProgress(blocked)).toEqual({ progress: emptyProgress(), notice: UNAVAILABLE_NOTICE, reason: 'storage-unavailable' });
    expect(saveProgress(blocked, emptyProgress())).toMatchObject({ ok: false });
  });
});

describe('export and import', () => {
  it('round-trips', () => {
    const progress = markCheckPassed(markStepSeen(emptyProgress(), lesson, 'press'), lesson, 'press');
    const file = exportProgress(progress);
    expect(JSON.parse(file)).toEqual(progress);
    expect(importProgress(file)).toEqual({ ok: true, progress });
  });

  it('explains what is wrong with a bad file', () => {
    expect(importProgress('not json')).toMatchObject({ ok: false, message: expect.stringMatching(/^This file is not a KMS Lab progress file: it is not valid JSON/) });
    expect(importProgress('{"format":7,"lessons":{}}')).toEqual({
      ok: false,
      message: 'This progress file has format 7, but this version of KMS Lab reads format 1.',
    });
    expect(importProgress('{"format":1,"lessons":{"a":{"lessonId":"a","version":1,"stepsSeen":[3],"checksPassed":[],"quizAttempts":0}}}')).toEqual({
      ok: false,
      message: 'This file is not a KMS Lab progress file: field "lessons.a.stepsSeen[0]": expected step id, got number.',
    });
    expect(importProgress('[]')).toEqual({
      ok: false,
      message: 'This file is not a KMS Lab progress file: expected a KMS Lab progress object { format, lessons }, got a list.',
    });
  });
});

describe('openProgressStore', () => {
  it('saves after each change, tells subscribers, and reports whether a change happened', () => {
    const storage = memoryStorage();
    const store = openProgressStore(storage);
    const seen: number[] = [];
    store.subscribe((progress) => seen.push(Object.keys(progress.lessons).length));
    expect(store.recordSteps(lesson, 'press', ['press'])).toBe(true);
    expect(store.recordSteps(lesson, 'press', ['press'])).toBe(false);
    store.recordQuiz(lesson, { score: 2, max: 2 });
    expect(seen).toEqual([1, 1]);
    expect(openProgressStore(storage).lesson('tiny-lesson', 2)).toMatchObject({ checksPassed: ['press'], quizBest: { score: 2, max: 2 } });
  });

  it('carries the reset notice, and imports a file replacing all progress', () => {
    const store = openProgressStore(memoryStorage({ [PROGRESS_KEY]: '{oops' }));
    expect(store.notice).toBe(RESET_NOTICE);
    const other = exportProgress(markStepSeen(emptyProgress(), lesson, 'hello'));
    expect(store.importJson(other)).toEqual({ ok: true });
    expect(store.lesson('tiny-lesson')?.stepsSeen).toEqual(['hello']);
    expect(store.importJson('{')).toMatchObject({ ok: false });
    expect(JSON.parse(store.exportJson())).toEqual(JSON.parse(other));
  });
});
