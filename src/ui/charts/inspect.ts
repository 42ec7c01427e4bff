/**
 * Keyboard reading of a chart: the plot is one tab stop, and the arrow keys move a highlighted point
 * whose values are shown beside it and announced. Left/Right walk along a series (by x), Up/Down move
 * to the neighbouring series at the nearest x, Home/End jump to the ends. Pure, so it is unit-tested.
 */
import type { PointRef } from './scales';

export interface InspectablePoint {
  /** x in data units: Up/Down keep the reader's place along x. */
  x: number;
  px: number;
  py: number;
  /** What is shown and announced for this point, e.g. "Full Jitter, 100 clients: 4,940 ms". */
  text: string;
}

export interface InspectGroup {
  label: string;
  points: readonly InspectablePoint[];
}

export const INSPECT_KEYS = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'] as const;

function firstNonEmpty(groups: readonly InspectGroup[], from: number, step: 1 | -1): number {
  for (let g = from; g >= 0 && g < groups.length; g += step) if (groups[g].points.length > 0) return g;
  return -1;
}

function nearestByX(points: readonly InspectablePoint[], x: number): number {
  let best = 0;
  for (let i = 1; i < points.length; i++) if (Math.abs(points[i].x - x) < Math.abs(points[best].x - x)) best = i;
  return best;
}

/** The point after `key`, or null when the key is not a reading key or there is nothing to read. */
export function movePoint(groups: readonly InspectGroup[], current: PointRef | null, key: string): PointRef | null {
  if (!(INSPECT_KEYS as readonly string[]).includes(key)) return null;
  const start = firstNonEmpty(groups, 0, 1);
  if (start < 0) return null;
  if (!current || !groups[current.group] || groups[current.group].points.length === 0) return { group: start, index: 0 };
  const points = groups[current.group].points;
  const index = Math.min(current.index, points.length - 1);
  switch (key) {
    case 'ArrowRight':
      return { group: current.group, index: Math.min(points.length - 1, index + 1) };
    case 'ArrowLeft':
      return { group: current.group, index: Math.max(0, index - 1) };
    case 'Home':
      return { group: current.group, index: 0 };
    case 'End':
      return { group: current.group, index: points.length - 1 };
    default: {
      const step = key === 'ArrowDown' ? 1 : -1;
      const next = firstNonEmpty(groups, current.group + step, step);
      if (next < 0) return { group: current.group, index };
      return { group: next, index: nearestByX(groups[next].points, points[index].x) };
    }
  }
}
