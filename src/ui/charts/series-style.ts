/**
 * How a series looks. Colour is never the only difference (WCAG 1.4.1): each series also has its own
 * line dash and marker shape, and each stacked layer its own fill pattern, shown the same way in the
 * legend. Colours are theme variables declared on the chart frame (ChartFrame.svelte), light and dark.
 */
import { symbolCircle, symbolCross, symbolDiamond, symbolSquare, symbolTriangle, symbolStar, symbolWye } from 'd3-shape';

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'cross' | 'star' | 'wye';
export type FillPattern = 'solid' | 'hatch' | 'dots' | 'cross-hatch';

export interface SeriesStyle {
  /** A CSS colour, normally var(--chart-N). */
  color: string;
  /** SVG stroke-dasharray; '' for a solid line. */
  dash: string;
  marker: MarkerShape;
  fill: FillPattern;
}

const SHAPES = { circle: symbolCircle, square: symbolSquare, triangle: symbolTriangle, diamond: symbolDiamond, cross: symbolCross, star: symbolStar, wye: symbolWye } as const;

export const SERIES_STYLES: readonly SeriesStyle[] = Object.freeze([
  { color: 'var(--chart-1)', dash: '', marker: 'circle', fill: 'solid' },
  { color: 'var(--chart-2)', dash: '9 4', marker: 'square', fill: 'hatch' },
  { color: 'var(--chart-3)', dash: '2 3', marker: 'triangle', fill: 'dots' },
  { color: 'var(--chart-4)', dash: '12 3 2 3', marker: 'diamond', fill: 'cross-hatch' },
  { color: 'var(--chart-5)', dash: '5 2', marker: 'cross', fill: 'solid' },
  { color: 'var(--chart-6)', dash: '1 2', marker: 'star', fill: 'hatch' },
]);

export function seriesStyle(index: number): SeriesStyle {
  return SERIES_STYLES[((index % SERIES_STYLES.length) + SERIES_STYLES.length) % SERIES_STYLES.length];
}

/** SVG path data of a marker centred on (cx, cy); `area` in square px, as d3-shape sizes symbols. */
export function markerPath(shape: MarkerShape, area = 48, cx = 0, cy = 0): string {
  const path = new OffsetPath(cx, cy);
  SHAPES[shape].draw(path, area);
  return path.toString();
}

/** Many markers of one shape as a single path: a scatter of thousands of writes stays one element. */
export function markerCloud(shape: MarkerShape, points: readonly { px: number; py: number }[], area = 36): string {
  const path = new OffsetPath(0, 0);
  for (const { px, py } of points) {
    path.moveOrigin(px, py);
    SHAPES[shape].draw(path, area);
  }
  return path.toString();
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * The drawing context d3-shape symbols draw into (the part of CanvasPath they use), writing SVG path
 * data with every point moved by the current origin, so one shape can be stamped at many places.
 */
class OffsetPath {
  private out = '';

  constructor(
    private x0: number,
    private y0: number,
  ) {}

  moveOrigin(x: number, y: number): void {
    this.x0 = x;
    this.y0 = y;
  }

  moveTo(x: number, y: number): void {
    this.out += `M${round(x + this.x0)},${round(y + this.y0)}`;
  }

  lineTo(x: number, y: number): void {
    this.out += `L${round(x + this.x0)},${round(y + this.y0)}`;
  }

  closePath(): void {
    this.out += 'Z';
  }

  rect(x: number, y: number, w: number, h: number): void {
    this.moveTo(x, y);
    this.out += `h${round(w)}v${round(h)}h${round(-w)}Z`;
  }

  /**
   * Symbols only draw whole circles (symbolCircle), after a move to the rightmost point: two half
   * arcs from there and back.
   */
  arc(x: number, y: number, r: number): void {
    const cx = x + this.x0;
    const cy = y + this.y0;
    const rr = round(r);
    this.out += `A${rr},${rr},0,1,1,${round(cx - r)},${round(cy)}A${rr},${rr},0,1,1,${round(cx + r)},${round(cy)}`;
  }

  arcTo(): void {
    throw new Error('arcTo is not used by symbols');
  }

  ellipse(): void {
    throw new Error('ellipse is not used by symbols');
  }

  bezierCurveTo(x1: number, y1: number, x2: number, y2: number, x: number, y: number): void {
    const o = (a: number, b: number) => `${round(a + this.x0)},${round(b + this.y0)}`;
    this.out += `C${o(x1, y1)},${o(x2, y2)},${o(x, y)}`;
  }

  quadraticCurveTo(x1: number, y1: number, x: number, y: number): void {
    const o = (a: number, b: number) => `${round(a + this.x0)},${round(b + this.y0)}`;
    this.out += `Q${o(x1, y1)},${o(x, y)}`;
  }

  toString(): string {
    return this.out;
  }
}
