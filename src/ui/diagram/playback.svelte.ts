/**
 * Pacing of the diagram: which events of the stream are shown yet. New events of the current step
 * are revealed one at a time, each after the previous one's animation (BASE_EVENT_MS / speed);
 * "step by step" waits for "Play next message"; reduced motion shows everything at once (end state).
 * Older steps' events are never animated. Pacing runs on timers, not on the SVG, so the diagram and
 * the text twin stay in step even while the diagram pane is hidden behind a tab.
 */
export type Speed = 0.25 | 0.5 | 1 | 2 | 4 | 'step';

export const speedOptions: { value: Speed; label: string }[] = [
  { value: 0.25, label: '0.25×' },
  { value: 0.5, label: '0.5×' },
  { value: 1, label: '1×' },
  { value: 2, label: '2×' },
  { value: 4, label: '4×' },
  { value: 'step', label: 'Step by step' },
];

export const BASE_EVENT_MS = 900;
const SPEED_STORAGE_KEY = 'kms-lab:speed';

function readSpeed(): Speed {
  try {
    const stored = globalThis.localStorage?.getItem(SPEED_STORAGE_KEY);
    const found = speedOptions.find((option) => String(option.value) === stored);
    return found ? found.value : 1;
  } catch {
    return 1;
  }
}

export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export class Playback {
  speed = $state<Speed>(readSpeed());
  /** Events [0, revealed) are shown. */
  revealed = $state(0);
  /** The event being animated right now (its seq), if any. */
  animating = $state<number | undefined>(undefined);
  reducedMotion = $state(prefersReducedMotion());
  total = $state(0);
  #timer: ReturnType<typeof setTimeout> | undefined;
  #stopWatchingMotion: () => void = () => {};

  constructor() {
    // The system setting can change while a lesson is open: follow it, jumping to the end state.
    if (typeof matchMedia !== 'function') return;
    const query = matchMedia('(prefers-reduced-motion: reduce)');
    const follow = (event: MediaQueryListEvent) => {
      this.reducedMotion = event.matches;
      if (event.matches) this.showAll();
    };
    query.addEventListener?.('change', follow);
    this.#stopWatchingMotion = () => query.removeEventListener?.('change', follow);
  }

  /** True in step-by-step mode when a message is ready for "Play next message". */
  get waiting(): boolean {
    return this.speed === 'step' && this.animating === undefined && this.revealed < this.total;
  }

  /** How long one event's animation lasts now (0 with reduced motion). */
  get durationMs(): number {
    if (this.reducedMotion) return 0;
    return this.speed === 'step' ? BASE_EVENT_MS : BASE_EVENT_MS / this.speed;
  }

  /** Follows the player's snapshot: how many events exist and where the current step's begin. */
  sync(total: number, stepEventsFrom: number): void {
    this.total = total;
    if (this.revealed > total) {
      // the log was replayed shorter (previous step, reset): show its end state at once
      this.#stop();
      this.revealed = total;
    }
    if (this.revealed < stepEventsFrom) this.revealed = Math.min(stepEventsFrom, total);
    this.#pump();
  }

  setSpeed(speed: Speed): void {
    this.speed = speed;
    try {
      globalThis.localStorage?.setItem(SPEED_STORAGE_KEY, String(speed));
    } catch {
      /* kept for this visit only */
    }
    this.#pump();
  }

  /** "Play next message": finishes the current animation and reveals the next event. */
  playNext(): void {
    if (this.animating !== undefined) this.#finish();
    if (this.revealed < this.total) this.#reveal();
  }

  /** Shows everything now (reduced motion, or the learner skips ahead). */
  showAll(): void {
    this.#stop();
    this.revealed = this.total;
  }

  dispose(): void {
    this.#stop();
    this.#stopWatchingMotion();
  }

  #pump(): void {
    if (this.speed === 'step') return; // the learner asked to drive each message
    if (this.reducedMotion) {
      this.showAll();
      return;
    }
    if (this.animating !== undefined) return;
    if (this.revealed < this.total) this.#reveal();
  }

  #reveal(): void {
    const seq = this.revealed;
    this.revealed = seq + 1;
    this.animating = seq;
    this.#timer = setTimeout(() => {
      this.#finish();
      this.#pump();
    }, this.durationMs);
  }

  #finish(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.animating = undefined;
  }

  #stop(): void {
    this.#finish();
  }
}
