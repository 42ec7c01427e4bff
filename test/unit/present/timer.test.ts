import { describe, expect, it } from 'vitest';
import {
  elapsedMs, formatElapsed, loadTimer, paused, restarted, resumed, saveTimer, TIMER_STORAGE_KEY,
} from '../../../src/ui/present/timer';

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value) };
}

describe('presenter timer', () => {
  it('starts running when first opened and keeps counting across a reopen', () => {
    const storage = memoryStorage();
    const first = loadTimer(storage, 1_000);
    saveTimer(storage, first);
    const reopened = loadTimer(storage, 61_000);
    expect(elapsedMs(reopened, 61_000)).toBe(60_000);
  });

  it('pauses, resumes and restarts', () => {
    let timer = loadTimer(undefined, 0);
    timer = paused(timer, 10_000);
    expect(elapsedMs(timer, 50_000)).toBe(10_000);
    timer = resumed(timer, 50_000);
    expect(elapsedMs(timer, 55_000)).toBe(15_000);
    expect(elapsedMs(restarted(timer, 55_000), 56_000)).toBe(1_000);
    expect(elapsedMs(restarted(paused(timer, 55_000), 55_000), 90_000)).toBe(0);
  });

  it('starts afresh from damaged or future state', () => {
    for (const stored of ['not json', '{"runningSince":"x","elapsedBefore":1}', '{"runningSince":9e15,"elapsedBefore":0}', '{"elapsedBefore":-5}']) {
      expect(loadTimer(memoryStorage({ [TIMER_STORAGE_KEY]: stored }), 100)).toEqual({ runningSince: 100, elapsedBefore: 0 });
    }
  });

  it('reads like a clock', () => {
    expect(formatElapsed(0)).toBe('0:00');
    expect(formatElapsed(245_900)).toBe('4:05');
    expect(formatElapsed(3_723_000)).toBe('1:02:03');
  });
});
