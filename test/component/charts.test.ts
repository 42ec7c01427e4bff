import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import LineChart from '../../src/ui/charts/LineChart.svelte';
import StackedBarChart from '../../src/ui/charts/StackedBarChart.svelte';
import ScatterChart from '../../src/ui/charts/ScatterChart.svelte';

const lineProps = {
  title: 'Calls against clients',
  x: { label: 'Clients', unit: '', noun: 'clients' },
  y: { label: 'Calls', unit: '', noun: 'calls' },
  series: [
    { id: 'none', label: 'No backoff', points: [{ x: 10, y: 51 }, { x: 20, y: 180 }, { x: 30, y: 390 }] },
    { id: 'full', label: 'Full Jitter', points: [{ x: 10, y: 39 }, { x: 20, y: 95 }, { x: 30, y: 160 }] },
  ],
  summary: 'At 30 clients No backoff sends 390 calls, Full Jitter 160.',
};

describe('line chart', () => {
  it('is a named figure with a legend, labelled axes and its text summary', () => {
    render(LineChart, { props: lineProps });
    const figure = screen.getByRole('figure', { name: 'Calls against clients' });
    expect(within(figure).getAllByRole('listitem').map((li) => li.textContent?.trim())).toEqual(['No backoff', 'Full Jitter']);
    expect(figure).toHaveTextContent('At 30 clients No backoff sends 390 calls, Full Jitter 160.');
    const titles = [...figure.querySelectorAll('svg text.title')].map((t) => t.textContent);
    expect(titles).toEqual(['Clients', 'Calls']);
    // Each series: a line with its own dash and one path of markers.
    const dashes = [...figure.querySelectorAll('path.line')].map((p) => p.getAttribute('stroke-dasharray'));
    expect(dashes).toEqual([null, '9 4']);
    // d3-axis drew the ticks.
    expect(figure.querySelectorAll('.axis.x .tick').length).toBeGreaterThan(1);
  });

  it('shows the same data as a table on demand', async () => {
    const user = userEvent.setup();
    render(LineChart, { props: lineProps });
    const toggle = screen.getByRole('button', { name: 'Show data table' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    const table = screen.getByRole('table', { name: 'Calls against clients: data' });
    const rows = within(table).getAllByRole('row').map((row) => [...row.children].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['Clients', 'No backoff', 'Full Jitter'],
      ['10', '51', '39'],
      ['20', '180', '95'],
      ['30', '390', '160'],
    ]);
    expect(screen.getByRole('button', { name: 'Hide data table' })).toHaveAttribute('aria-expanded', 'true');
  });

  it('is read point by point with the arrow keys, and announces each point', async () => {
    const user = userEvent.setup();
    render(LineChart, { props: lineProps });
    const plot = screen.getByRole('group', { name: /Calls against clients\. Use the arrow keys/ });
    plot.focus();
    await user.keyboard('{ArrowRight}');
    const readout = document.getElementById(plot.getAttribute('aria-describedby')!)!;
    expect(readout).toHaveAttribute('aria-live', 'polite');
    expect(readout).toHaveTextContent('No backoff, 10 clients: 51 calls');
    await user.keyboard('{ArrowRight}{ArrowDown}');
    expect(readout).toHaveTextContent('Full Jitter, 20 clients: 95 calls');
    expect(plot.querySelector('.tooltip')).toHaveTextContent('Full Jitter, 20 clients: 95 calls');
    await user.keyboard('{End}');
    expect(readout).toHaveTextContent('Full Jitter, 30 clients: 160 calls');
    await user.keyboard('{Escape}');
    expect(plot.querySelector('.tooltip')).toBeNull();
  });

  it('says when there is nothing to read yet', () => {
    render(LineChart, { props: { ...lineProps, series: [], summary: 'No points computed yet.' } });
    expect(screen.getByRole('group', { name: 'Calls against clients. No data yet.' })).toBeInTheDocument();
  });
});

describe('stacked bar chart', () => {
  const props = {
    title: 'Attempts per second',
    x: { label: 'Time', unit: 's' },
    y: { label: 'Attempts', unit: 'per s' },
    categories: [0, 1, 2],
    layers: [
      { id: 'ok', label: 'Successes', values: [1000, 1000, 990] },
      { id: 'throttled', label: 'Throttled', values: [0, 500, 640] },
    ],
    markers: [{ x: 1.5, label: 'Retry quota empty' }],
    thresholds: [{ y: 1000, label: 'Quota 1,000/s' }],
    summary: '2,990 successes and 1,140 throttles.',
  };

  it('stacks each second’s layers, fills them with distinct patterns and marks the moment given', () => {
    render(StackedBarChart, { props });
    const figure = screen.getByRole('figure', { name: 'Attempts per second' });
    // Zero-height segments are not drawn: 3 success bars + 2 throttle bars.
    expect(figure.querySelectorAll('rect.bar')).toHaveLength(5);
    const patterns = [...figure.querySelectorAll('pattern')].map((p) => p.innerHTML);
    expect(new Set(patterns).size).toBeGreaterThan(1);
    expect(within(figure).getByText('Retry quota empty')).toBeInTheDocument();
    expect(within(figure).getByText('Quota 1,000/s')).toBeInTheDocument();
    expect(figure.querySelector('line.threshold')).toHaveAttribute('x1', '0');
    expect([...figure.querySelectorAll('svg text.title')].map((t) => t.textContent)).toEqual(['Time (s)', 'Attempts (per s)']);
  });

  it('reads a bar segment with the keyboard, with the whole bar’s total', async () => {
    const user = userEvent.setup();
    render(StackedBarChart, { props });
    const plot = screen.getByRole('group', { name: /Attempts per second/ });
    plot.focus();
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowDown}');
    expect(plot.querySelector('.tooltip')).toHaveTextContent('1–2 s: Throttled 500 per s (all 1,500)');
  });
});

describe('scatter chart', () => {
  it('draws each group as one path of markers and lists the points in x order in its table', async () => {
    const user = userEvent.setup();
    render(ScatterChart, {
      props: {
        title: 'Writes over time',
        x: { label: 'Time', unit: 'ms' },
        y: { label: 'Client', unit: '' },
        series: [
          { id: 'conflict', label: 'Rejected', points: [{ x: 40, y: 2 }, { x: 22, y: 1 }] },
          { id: 'success', label: 'Success', points: [{ x: 21, y: 3 }] },
        ],
        summary: '3 writes, 2 rejected.',
      },
    });
    const figure = screen.getByRole('figure', { name: 'Writes over time' });
    const clouds = [...figure.querySelectorAll('path.markers')].map((p) => (p.getAttribute('d') ?? '').split('M').length - 1);
    expect(clouds).toEqual([2, 1]);
    await user.click(within(figure).getByRole('button', { name: 'Show data table' }));
    const cells = within(figure).getAllByRole('row').slice(1).map((row) => row.textContent);
    expect(cells).toEqual(['213Success', '221Rejected', '402Rejected']);
  });
});
