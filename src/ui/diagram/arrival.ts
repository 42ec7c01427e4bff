/**
 * The arrival animation of one diagram row (a Svelte action). Svelte draws every row in its end
 * state; when the row is the one being revealed, d3 rewinds it to the start and plays it: the arrow
 * grows from sender to receiver while a token carries the payload icons along it, then the labels
 * fade in. A zero duration (reduced motion) leaves the end state untouched.
 */
import { select } from 'd3-selection';
import 'd3-transition';
import { easeCubicInOut } from 'd3-ease';

export interface ArrivalOptions {
  animate: boolean;
  durationMs: number;
  fromX: number;
  toX: number;
}

export function arrival(row: SVGGElement, options: ArrivalOptions) {
  if (!options.animate || options.durationMs <= 0) return;
  const root = select(row);
  const travel = options.durationMs * 0.75;
  const line = root.select<SVGLineElement>('line.arrow');
  const length = Math.abs(options.toX - options.fromX);
  line
    .attr('stroke-dasharray', `${length} ${length}`)
    .attr('stroke-dashoffset', length)
    .transition()
    .duration(travel)
    .ease(easeCubicInOut)
    .attr('stroke-dashoffset', 0)
    .on('end', () => line.attr('stroke-dasharray', null).attr('stroke-dashoffset', null));

  const token = root.select<SVGGElement>('g.token');
  const y = token.empty() ? 0 : Number(token.attr('data-y'));
  token
    .attr('opacity', 1)
    .attr('transform', `translate(${options.fromX},${y})`)
    .transition()
    .duration(travel)
    .ease(easeCubicInOut)
    .attr('transform', `translate(${options.toX},${y})`)
    .transition()
    .duration(options.durationMs - travel)
    .attr('opacity', 0);

  root
    .selectAll<SVGElement, unknown>('.after-arrival')
    .attr('opacity', 0)
    .transition()
    .delay(travel * 0.6)
    .duration(options.durationMs - travel * 0.6)
    .attr('opacity', 1);
}
