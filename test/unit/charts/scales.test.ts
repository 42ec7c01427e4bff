import { describe, expect, it } from 'vitest';
import { DEFAULT_MARGINS, linearScale, MIN_PLOT_WIDTH, nearestPoint, plotBox, tickCountFor, valueDomain } from '../../../src/ui/charts/scales';
import { movePoint, type InspectGroup } from '../../../src/ui/charts/inspect';

describe('plot box', () => {
  it('puts the plot inside the margins', () => {
    const box = plotBox(640, 300);
    expect(box.innerWidth).toBe(640 - DEFAULT_MARGINS.left - DEFAULT_MARGINS.right);
    expect(box.innerHeight).toBe(300 - DEFAULT_MARGINS.top - DEFAULT_MARGINS.bottom);
  });

  it('never gets narrower than a readable minimum (the SVG scales down below it), and is whole pixels', () => {
    expect(plotBox(100, 300).width).toBe(MIN_PLOT_WIDTH);
    expect(plotBox(343.7, 300.2)).toMatchObject({ width: 343, height: 300 });
    // A phone at 375 px, less the page's padding, still gets the full width.
    expect(plotBox(375 - 2 * 16 - 2 * 13, 300).width).toBe(317);
  });
});

describe('domains and ticks', () => {
  it('starts counts and times at zero, and skips values that are not finite', () => {
    expect(valueDomain([5, 9, 7])).toEqual([0, 9]);
    expect(valueDomain([5, 9, NaN, Infinity])).toEqual([0, 9]);
    expect(valueDomain([5, 9], { zero: false })).toEqual([5, 9]);
    expect(valueDomain([-3, 2])).toEqual([-3, 2]);
  });

  it('gives an empty or flat series a domain it can draw', () => {
    expect(valueDomain([])).toEqual([0, 1]);
    expect(valueDomain([0, 0])).toEqual([0, 1]);
    const [lo, hi] = valueDomain([50, 50], { zero: false });
    expect(lo).toBeLessThan(hi);
  });

  it('fits about one tick per 80 px, between 2 and 10', () => {
    expect(tickCountFor(800)).toBe(10);
    expect(tickCountFor(317)).toBe(3);
    expect(tickCountFor(50)).toBe(2);
    expect(tickCountFor(5000)).toBe(10);
  });

  it('rounds the scale to nice tick values that cover the data', () => {
    const scale = linearScale([0, 7937], [300, 0], 5);
    const [lo, hi] = scale.domain();
    expect(lo).toBe(0);
    expect(hi).toBeGreaterThanOrEqual(7937);
    expect(hi % 1000).toBe(0);
    expect(scale(0)).toBe(300);
  });
});

describe('nearest point to the pointer', () => {
  const groups = [
    [
      { px: 0, py: 100 },
      { px: 50, py: 80 },
    ],
    [
      { px: 0, py: 10 },
      { px: 50, py: 20 },
    ],
  ];

  it('picks the closest point over all groups', () => {
    expect(nearestPoint(groups, 48, 25)).toEqual({ group: 1, index: 1 });
    expect(nearestPoint(groups, 2, 90)).toEqual({ group: 0, index: 0 });
    expect(nearestPoint([], 0, 0)).toBeNull();
  });

  it('with an x weight, prefers the pointer column over a point that is closer diagonally', () => {
    // At (30, 100): (0, 100) is 30 px away, (50, 80) about 28 px; reading by column, x = 50 is further.
    expect(nearestPoint(groups, 30, 100)).toEqual({ group: 0, index: 1 });
    expect(nearestPoint(groups, 20, 60, 4)).toEqual({ group: 0, index: 0 });
  });
});

describe('reading a chart with the keyboard', () => {
  const point = (x: number) => ({ x, px: x, py: 0, text: `x ${x}` });
  const groups: InspectGroup[] = [
    { label: 'a', points: [point(10), point(20), point(30)] },
    { label: 'empty', points: [] },
    { label: 'b', points: [point(10), point(30)] },
  ];

  it('starts at the first point of the first series with points, whatever the key', () => {
    expect(movePoint(groups, null, 'ArrowRight')).toEqual({ group: 0, index: 0 });
    expect(movePoint([{ label: 'none', points: [] }, ...groups], null, 'End')).toEqual({ group: 1, index: 0 });
  });

  it('walks along a series and stops at its ends', () => {
    expect(movePoint(groups, { group: 0, index: 0 }, 'ArrowRight')).toEqual({ group: 0, index: 1 });
    expect(movePoint(groups, { group: 0, index: 2 }, 'ArrowRight')).toEqual({ group: 0, index: 2 });
    expect(movePoint(groups, { group: 0, index: 0 }, 'ArrowLeft')).toEqual({ group: 0, index: 0 });
    expect(movePoint(groups, { group: 0, index: 1 }, 'End')).toEqual({ group: 0, index: 2 });
    expect(movePoint(groups, { group: 0, index: 2 }, 'Home')).toEqual({ group: 0, index: 0 });
  });

  it('moves between series at the nearest x, skipping empty series', () => {
    expect(movePoint(groups, { group: 0, index: 2 }, 'ArrowDown')).toEqual({ group: 2, index: 1 });
    expect(movePoint(groups, { group: 2, index: 0 }, 'ArrowUp')).toEqual({ group: 0, index: 0 });
    expect(movePoint(groups, { group: 2, index: 1 }, 'ArrowDown')).toEqual({ group: 2, index: 1 });
  });

  it('ignores other keys, so Tab and letters keep working', () => {
    expect(movePoint(groups, { group: 0, index: 0 }, 'Tab')).toBeNull();
    expect(movePoint(groups, { group: 0, index: 0 }, 'a')).toBeNull();
    expect(movePoint([], null, 'ArrowRight')).toBeNull();
  });
});
