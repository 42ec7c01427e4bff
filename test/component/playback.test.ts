import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BASE_EVENT_MS, Playback } from '../../src/ui/diagram/playback.svelte';

describe('diagram playback pacing', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    localStorage.clear();
  });
  afterEach(() => vi.useRealTimers());

  it("reveals the current step's events one at a time, never older steps' events", () => {
    const playback = new Playback();
    playback.reducedMotion = false;
    playback.sync(5, 3);
    expect(playback.revealed).toBe(4); // 0–2 at once (older steps), then event 3 animating
    expect(playback.animating).toBe(3);
    vi.advanceTimersByTime(BASE_EVENT_MS);
    expect(playback.revealed).toBe(5);
    vi.advanceTimersByTime(BASE_EVENT_MS);
    expect(playback.animating).toBeUndefined();
  });

  it('scales the pace with the speed', () => {
    const playback = new Playback();
    playback.reducedMotion = false;
    playback.setSpeed(4);
    expect(playback.durationMs).toBe(BASE_EVENT_MS / 4);
    playback.setSpeed(0.25);
    expect(playback.durationMs).toBe(BASE_EVENT_MS * 4);
  });

  it('waits for "Play next message" in step-by-step mode', () => {
    const playback = new Playback();
    playback.reducedMotion = false;
    playback.setSpeed('step');
    playback.sync(2, 0);
    expect(playback.revealed).toBe(0);
    expect(playback.waiting).toBe(true);
    playback.playNext();
    expect(playback.revealed).toBe(1);
    vi.advanceTimersByTime(BASE_EVENT_MS * 10);
    expect(playback.revealed).toBe(1);
    playback.playNext();
    expect(playback.revealed).toBe(2);
  });

  it('jumps to the end state when the system asks for reduced motion', () => {
    const playback = new Playback();
    playback.reducedMotion = true;
    playback.sync(6, 2);
    expect(playback.revealed).toBe(6);
    expect(playback.animating).toBeUndefined();
    expect(playback.durationMs).toBe(0);
  });

  it('shows the shorter log at once after going back', () => {
    const playback = new Playback();
    playback.reducedMotion = true;
    playback.sync(6, 4);
    playback.reducedMotion = false;
    playback.sync(3, 1);
    expect(playback.revealed).toBe(3);
  });
});
