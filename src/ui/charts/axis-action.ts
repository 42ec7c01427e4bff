/**
 * Draws a d3-axis into an SVG group, as a Svelte action: `<g use:drawAxis={{ scale, orient, ticks }}>`.
 * d3 owns only the inside of that group (ticks and their labels); the chart owns everything else.
 */
import { axisBottom, axisLeft } from 'd3-axis';
import { select } from 'd3-selection';
import type { ScaleLinear } from 'd3-scale';

export interface AxisParams {
  scale: ScaleLinear<number, number>;
  orient: 'bottom' | 'left';
  ticks: number;
  format: (value: number) => string;
  /** Grid lines across the plot, this long (the plot's other dimension); 0 for none. */
  gridLength?: number;
}

export function drawAxis(node: SVGGElement, params: AxisParams) {
  const draw = ({ scale, orient, ticks, format, gridLength = 0 }: AxisParams) => {
    const axis = (orient === 'bottom' ? axisBottom(scale) : axisLeft(scale))
      .ticks(ticks)
      .tickFormat((value) => format(Number(value)))
      .tickSizeOuter(0);
    if (gridLength > 0) axis.tickSizeInner(-gridLength);
    select(node).call(axis);
  };
  draw(params);
  return { update: draw };
}
