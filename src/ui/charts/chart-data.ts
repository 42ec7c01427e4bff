/**
 * The data shapes of the three charts and their data tables (the text alternative of the plot),
 * built in plain TypeScript so the tables are unit-tested with the layout.
 */
import { formatNumber } from './format';
import type { SeriesStyle } from './series-style';
import type { Axis, ChartTable } from './types';

export interface LinePoint {
  x: number;
  y: number;
}

export interface LineSeries {
  id: string;
  label: string;
  points: LinePoint[];
  style?: SeriesStyle;
}

export interface StackLayer {
  id: string;
  label: string;
  /** One value per category (per second), in the order of the categories. */
  values: number[];
  style?: SeriesStyle;
}

export interface ScatterSeries {
  id: string;
  label: string;
  points: LinePoint[];
  style?: SeriesStyle;
}

/** Tables list at most this many rows; a note says how many there are in all. */
export const TABLE_ROW_LIMIT = 250;

const fmt = (axis: Axis) => axis.format ?? ((v: number) => formatNumber(v));
const heading = (axis: Axis) => (axis.unit ? `${axis.label} (${axis.unit})` : axis.label);

function limited(rows: string[][], what: string): { rows: string[][]; note?: string } {
  if (rows.length <= TABLE_ROW_LIMIT) return { rows };
  return { rows: rows.slice(0, TABLE_ROW_LIMIT), note: `The first ${TABLE_ROW_LIMIT} of ${formatNumber(rows.length)} ${what}.` };
}

/** One row per x value, one column per series (empty where a series has no point at that x). */
export function lineTable(series: readonly LineSeries[], x: Axis, y: Axis): ChartTable {
  const xs = [...new Set(series.flatMap((s) => s.points.map((p) => p.x)))].sort((a, b) => a - b);
  const byX = series.map((s) => new Map(s.points.map((p) => [p.x, p.y])));
  const rows = xs.map((xv) => [fmt(x)(xv), ...byX.map((m) => (m.has(xv) ? fmt(y)(m.get(xv)!) : ''))]);
  return {
    columns: [heading(x), ...series.map((s) => (y.unit ? `${s.label} (${y.unit})` : s.label))],
    ...limited(rows, 'rows'),
  };
}

/** One row per category, one column per layer, and the total. */
export function stackTable(categories: readonly number[], layers: readonly StackLayer[], x: Axis, y: Axis): ChartTable {
  const rows = categories.map((c, i) => {
    const values = layers.map((l) => l.values[i] ?? 0);
    return [fmt(x)(c), ...values.map((v) => fmt(y)(v)), fmt(y)(values.reduce((a, b) => a + b, 0))];
  });
  return { columns: [heading(x), ...layers.map((l) => l.label), 'Total'], ...limited(rows, 'rows') };
}

/** One row per point, in x order, naming its series. */
export function scatterTable(series: readonly ScatterSeries[], x: Axis, y: Axis): ChartTable {
  const rows = series
    .flatMap((s) => s.points.map((p) => ({ ...p, label: s.label })))
    .sort((a, b) => a.x - b.x)
    .map((p) => [fmt(x)(p.x), fmt(y)(p.y), p.label]);
  return { columns: [heading(x), heading(y), 'Series'], ...limited(rows, 'points') };
}

export interface StackedBar {
  layer: number;
  category: number;
  /** Bottom and top of this layer's part of the bar, in data units. */
  y0: number;
  y1: number;
}

/** Layers stacked in order, bottom first: each bar segment's bottom and top. */
export function stackBars(layers: readonly StackLayer[], categoryCount: number): StackedBar[] {
  const bars: StackedBar[] = [];
  const base = new Float64Array(categoryCount);
  layers.forEach((layer, l) => {
    for (let c = 0; c < categoryCount; c++) {
      const v = Math.max(0, layer.values[c] ?? 0);
      bars.push({ layer: l, category: c, y0: base[c], y1: base[c] + v });
      base[c] += v;
    }
  });
  return bars;
}

/** The tallest stack: the top of the y domain. */
export function stackMax(layers: readonly StackLayer[], categoryCount: number): number {
  let max = 0;
  for (let c = 0; c < categoryCount; c++) {
    let sum = 0;
    for (const layer of layers) sum += Math.max(0, layer.values[c] ?? 0);
    if (sum > max) max = sum;
  }
  return max;
}
