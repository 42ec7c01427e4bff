/**
 * Plot geometry and scales for the charts, as plain functions (no Svelte, no DOM), so the layout
 * rules are unit-tested in Node: the plot box inside the margins, the domains (with zero and a
 * little headroom), how many ticks fit the width, and the nearest point to a pointer.
 */
import { scaleLinear, type ScaleLinear } from 'd3-scale';

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Room for tick labels and the axis titles: the y title is rotated along the left edge. */
export const DEFAULT_MARGINS: Readonly<Margins> = Object.freeze({ top: 14, right: 16, bottom: 52, left: 72 });

/** Below this the chart would be unreadable; the surface scrolls instead (never at 375 px: 320 - padding fits). */
export const MIN_PLOT_WIDTH = 260;

export interface PlotBox {
  width: number;
  height: number;
  margin: Margins;
  innerWidth: number;
  innerHeight: number;
}

export function plotBox(width: number, height: number, margin: Margins = DEFAULT_MARGINS): PlotBox {
  const w = Math.max(MIN_PLOT_WIDTH, Math.floor(width));
  const h = Math.max(120, Math.floor(height));
  return {
    width: w,
    height: h,
    margin,
    innerWidth: Math.max(1, w - margin.left - margin.right),
    innerHeight: Math.max(1, h - margin.top - margin.bottom),
  };
}

export interface DomainOptions {
  /** Start the domain at 0 (counts, times): bars and "how much" charts must not exaggerate. */
  zero?: boolean;
}

/** [min, max] of the finite values; a flat or empty series gets a domain of width 1 so it still draws. */
export function valueDomain(values: Iterable<number>, { zero = true }: DomainOptions = {}): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo === Infinity) return [0, 1];
  if (zero) {
    lo = Math.min(0, lo);
    hi = Math.max(0, hi);
  }
  if (hi === lo) return lo === 0 ? [0, 1] : [Math.min(0, lo), Math.max(0, hi) + Math.abs(hi) * 0.1 || 1];
  return [lo, hi];
}

/** About one tick per `spacing` px, between 2 and 10. */
export function tickCountFor(lengthPx: number, spacingPx = 80): number {
  return Math.max(2, Math.min(10, Math.floor(lengthPx / spacingPx)));
}

/** A linear scale over `domain` onto `range`, widened to round tick values. */
export function linearScale(domain: [number, number], range: [number, number], ticks: number): ScaleLinear<number, number> {
  return scaleLinear().domain(domain).range(range).nice(ticks);
}

export interface PixelPoint {
  px: number;
  py: number;
}

export interface PointRef {
  group: number;
  index: number;
}

/**
 * The point nearest to (px, py) over all groups, by distance on screen. `xWeight` > 1 favours the
 * point under the pointer's column (line and bar charts read by x first).
 */
export function nearestPoint(groups: readonly (readonly PixelPoint[])[], px: number, py: number, xWeight = 1): PointRef | null {
  let best: PointRef | null = null;
  let bestDistance = Infinity;
  groups.forEach((points, group) => {
    points.forEach((point, index) => {
      const dx = (point.px - px) * xWeight;
      const dy = point.py - py;
      const distance = dx * dx + dy * dy;
      if (distance < bestDistance) {
        bestDistance = distance;
        best = { group, index };
      }
    });
  });
  return best;
}
