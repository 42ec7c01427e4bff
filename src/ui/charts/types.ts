/** Shapes the chart components share (plain data, so labs build them in plain TypeScript). */
import type { SeriesStyle } from './series-style';

export interface Axis {
  /** What is measured, e.g. "Completion time". */
  label: string;
  /** Unit shown in the axis title and after every value, e.g. "ms"; '' for a plain count. */
  unit: string;
  /** The word after a value in tooltips when there is no unit, e.g. "clients" (default: the unit). */
  noun?: string;
  /** Tick and tooltip format; default: grouped number. */
  format?: (value: number) => string;
}

export interface LegendItem {
  label: string;
  style: SeriesStyle;
  /** How the legend swatch draws the series: a line with its marker, a marker alone, or a filled box. */
  kind: 'line' | 'marker' | 'area';
}

export interface ChartTable {
  columns: string[];
  rows: string[][];
  /** Shown under the table, e.g. when only the first rows are listed. */
  note?: string;
}

/** A vertical line at an x value with a label, e.g. "Retry quota empty". */
export interface ChartMarker {
  x: number;
  label: string;
}

/** " ms", " clients" or "": what follows a value of this axis in a sentence. */
export function valueSuffix(axis: Axis): string {
  const word = axis.unit || axis.noun;
  return word ? ` ${word}` : '';
}

/** A horizontal line at a y value with a label, e.g. "Quota 1,000/s". */
export interface ChartThreshold {
  y: number;
  label: string;
}

export function axisTitle(axis: Axis): string {
  return axis.unit ? `${axis.label} (${axis.unit})` : axis.label;
}
