import { describe, expect, it } from 'vitest';
import { lineTable, scatterTable, stackBars, stackMax, stackTable, TABLE_ROW_LIMIT } from '../../../src/ui/charts/chart-data';
import { formatDuration, formatNumber, formatUsd, withUnit } from '../../../src/ui/charts/format';
import { markerCloud, markerPath, SERIES_STYLES, seriesStyle } from '../../../src/ui/charts/series-style';

describe('chart data tables (the text alternative of each plot)', () => {
  const x = { label: 'Clients', unit: '' };
  const y = { label: 'Completion time', unit: 'ms' };

  it('a line table has one row per x and one column per series, blank where a series has no point', () => {
    const table = lineTable(
      [
        { id: 'a', label: 'No backoff', points: [{ x: 10, y: 382.4 }, { x: 20, y: 700 }] },
        { id: 'b', label: 'Full Jitter', points: [{ x: 20, y: 1234.5 }] },
      ],
      x,
      y,
    );
    expect(table.columns).toEqual(['Clients', 'No backoff (ms)', 'Full Jitter (ms)']);
    expect(table.rows).toEqual([
      ['10', '382', ''],
      ['20', '700', '1,235'],
    ]);
  });

  it('a stack table lists every layer and the total', () => {
    const table = stackTable([0, 1], [{ id: 's', label: 'Successes', values: [1000, 990] }, { id: 't', label: 'Throttles', values: [0, 412] }], { label: 'Time', unit: 's' }, { label: 'Attempts', unit: '' });
    expect(table.columns).toEqual(['Time (s)', 'Successes', 'Throttles', 'Total']);
    expect(table.rows[1]).toEqual(['1', '990', '412', '1,402']);
  });

  it('long tables list the first rows and say how many there are', () => {
    const points = Array.from({ length: 1200 }, (_, i) => ({ x: 1200 - i, y: i % 7 }));
    const table = scatterTable([{ id: 'w', label: 'Write', points }], { label: 'Time', unit: 'ms' }, { label: 'Client', unit: '' });
    expect(table.rows).toHaveLength(TABLE_ROW_LIMIT);
    expect(table.rows[0][0]).toBe('1');
    expect(table.note).toBe(`The first ${TABLE_ROW_LIMIT} of 1,200 points.`);
  });

  it('stacks layers bottom first; negative values count as nothing', () => {
    const layers = [
      { id: 'a', label: 'A', values: [3, 0, 2] },
      { id: 'b', label: 'B', values: [1, 5, -4] },
    ];
    const bars = stackBars(layers, 3);
    expect(bars.filter((b) => b.layer === 1)).toEqual([
      { layer: 1, category: 0, y0: 3, y1: 4 },
      { layer: 1, category: 1, y0: 0, y1: 5 },
      { layer: 1, category: 2, y0: 2, y1: 2 },
    ]);
    expect(stackMax(layers, 3)).toBe(5);
  });
});

describe('numbers as the charts print them', () => {
  it('groups thousands and keeps small numbers readable', () => {
    expect(formatNumber(7937.4)).toBe('7,937');
    expect(formatNumber(2.54)).toBe('2.5');
    expect(formatNumber(0.254)).toBe('0.25');
    expect(formatNumber(NaN)).toBe('—');
    expect(withUnit(4940, 'ms')).toBe('4,940 ms');
    expect(withUnit(12, '')).toBe('12');
  });

  it('money with cents, durations in ms or s', () => {
    expect(formatUsd(777.54)).toBe('$777.54');
    expect(formatUsd(7.716)).toBe('$7.72');
    expect(formatUsd(123456.7)).toBe('$123,457');
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(6567.8)).toBe('6.6 s');
  });
});

describe('series styles: never colour alone', () => {
  it('every style differs from the others in dash and marker, and the five strategies fit', () => {
    expect(new Set(SERIES_STYLES.map((s) => s.dash)).size).toBe(SERIES_STYLES.length);
    expect(new Set(SERIES_STYLES.map((s) => s.marker)).size).toBe(SERIES_STYLES.length);
    expect(new Set(SERIES_STYLES.slice(0, 4).map((s) => s.fill)).size).toBe(4);
    expect(seriesStyle(SERIES_STYLES.length)).toBe(SERIES_STYLES[0]);
    expect(seriesStyle(-1)).toBe(SERIES_STYLES[SERIES_STYLES.length - 1]);
  });

  it('markers are drawn at their centre, and a marker cloud stamps one shape per point', () => {
    expect(markerPath('square', 64, 10, 20)).toBe('M6,16h8v8h-8Z');
    expect(markerPath('triangle', 48)).toMatch(/^M0,-6\.08L5\.26,3\.04L-5\.26,3\.04Z$/);
    const cloud = markerCloud('diamond', [{ px: 0, py: 0 }, { px: 100, py: 50 }], 48);
    expect(cloud.match(/M/g)).toHaveLength(2);
    expect(cloud).toContain('M100,43.55');
    expect(markerPath('circle', 48, 5, 5)).toBe('M8.91,5A3.91,3.91,0,1,1,1.09,5A3.91,3.91,0,1,1,8.91,5');
  });
});
