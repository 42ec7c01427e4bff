/**
 * The presenter's timer: time since the talk started, with pause and reset. Its state is two numbers
 * kept in localStorage, so closing and reopening the presenter tab (or reloading it) carries on
 * counting instead of starting again; elapsed time is computed from the clock, never counted by ticks.
 *
 *   loadTimer(storage, now)  the stored timer, or a new one running from `now`
 *   saveTimer(storage, timer) · elapsedMs(timer, now) · paused(timer, now) · resumed(timer, now)
 *   restarted(timer, now)    back to 0:00, keeping whether it runs · formatElapsed(ms) "4:05", "1:02:03"
 */
export interface TimerState {
  /** When the current running stretch began (epoch ms), or null while paused. */
  runningSince: number | null;
  /** Time counted before the current running stretch. */
  elapsedBefore: number;
}

export const TIMER_STORAGE_KEY = 'kms-lab:presenter-timer';

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

export function loadTimer(storage: KeyValueStorage | undefined, now: number): TimerState {
  try {
    const stored = JSON.parse(storage?.getItem(TIMER_STORAGE_KEY) ?? 'null') as Partial<TimerState> | null;
    const since = stored?.runningSince;
    const before = stored?.elapsedBefore;
    const validSince = since === null || (typeof since === 'number' && Number.isFinite(since) && since <= now);
    if (validSince && typeof before === 'number' && Number.isFinite(before) && before >= 0) {
      return { runningSince: since ?? null, elapsedBefore: before };
    }
  } catch {
    /* unreadable or blocked storage: start a new timer */
  }
  return { runningSince: now, elapsedBefore: 0 };
}

export function saveTimer(storage: KeyValueStorage | undefined, timer: TimerState): void {
  try {
    storage?.setItem(TIMER_STORAGE_KEY, JSON.stringify(timer));
  } catch {
    /* not kept: the timer still works in this tab */
  }
}

export function elapsedMs(timer: TimerState, now: number): number {
  return timer.elapsedBefore + (timer.runningSince === null ? 0 : Math.max(0, now - timer.runningSince));
}

export function paused(timer: TimerState, now: number): TimerState {
  return timer.runningSince === null ? timer : { runningSince: null, elapsedBefore: elapsedMs(timer, now) };
}

export function resumed(timer: TimerState, now: number): TimerState {
  return timer.runningSince === null ? { runningSince: now, elapsedBefore: timer.elapsedBefore } : timer;
}

export function restarted(timer: TimerState, now: number): TimerState {
  return { runningSince: timer.runningSince === null ? null : now, elapsedBefore: 0 };
}

export function formatElapsed(ms: number): string {
  const total = Math.floor(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}
