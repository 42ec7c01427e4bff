/**
 * The lesson page's scenario panels: each panel under its heading, a traffic chart drawn by the
 * labs' accessible charts (legend, text summary, data table) from the simulation result it carries.
 */
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import ScenarioPanels from '../../src/ui/player/ScenarioPanels.svelte';
import type { ScenarioPanel } from '../../src/lessons/types';
import { simulateCaching, simulateKmsLoad, simulateOccSweep, simulateOccTimeline } from '../../src/sim/traffic/index';

const load = simulateKmsLoad({ clients: 5, totalRate: 150, quotaPerSecond: 100, durationMs: 3000, retry: { mode: 'standard' }, seed: 3 });

describe('ScenarioPanels', () => {
  it('draws a load run as stacked attempts against the quota, with its summary and data table', async () => {
    const panels: ScenarioPanel[] = [{ kind: 'traffic-chart', id: 'load', title: '150 requests a second', chart: { type: 'kms-load', measure: 'attempts', result: load, quotaPerSecond: 100 } }];
    render(ScenarioPanels, { props: { panels } });
    const section = screen.getByRole('region', { name: '150 requests a second' });
    const figure = await within(section).findByRole('figure', { name: 'Attempts per second: successes and throttles' }, { timeout: 15_000 });
    expect(figure.querySelector('.summary')).toHaveTextContent(/calls started, .* attempts reached KMS/);
    expect(within(figure).getByText('Quota 100/s')).toBeInTheDocument();
    await fireEvent.click(within(figure).getByRole('button', { name: 'Show data table' }));
    expect(within(figure).getByRole('table')).toHaveTextContent('Throttled (ThrottlingException)');
  });

  it('draws the study, one run of it, the retry quota and caching, each under its own heading', async () => {
    const points = simulateOccSweep({ clientCounts: [10, 20], strategies: ['none', 'full'], trials: 2, seed: 1 }).points;
    const panels: ScenarioPanel[] = [
      { kind: 'traffic-chart', id: 'study', title: 'The study', chart: { type: 'backoff-study', metric: 'calls', points, strategies: ['none', 'full'] } },
      { kind: 'traffic-chart', id: 'herd', title: 'The herd', chart: { type: 'backoff-timeline', timeline: simulateOccTimeline({ clients: 10, strategy: 'exponential', seed: 1 }) } },
      { kind: 'traffic-chart', id: 'quota', title: 'Retry quota', chart: { type: 'kms-load', measure: 'retry-quota', result: load, quotaPerSecond: 100 } },
      { kind: 'traffic-chart', id: 'cache', title: 'Caching', chart: { type: 'caching', result: simulateCaching({ messagesPerSecond: 10, durationMs: 3000, maxAgeMs: 1000 }) } },
    ];
    render(ScenarioPanels, { props: { panels } });
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['The study', 'The herd', 'Retry quota', 'Caching']);
    const study = await screen.findByRole('figure', { name: 'Calls against clients' }, { timeout: 15_000 });
    expect(study.querySelector('.summary')).toHaveTextContent(/Mean number of writes sent at 20 clients/);
    expect(await screen.findByRole('figure', { name: 'Writes over time, Exponential, 10 clients' })).toBeInTheDocument();
    expect((await screen.findByRole('figure', { name: 'SDK retry quota' })).querySelector('.summary')).toHaveTextContent(/Each client starts with 500 tokens/);
    const cache = await screen.findByRole('figure', { name: 'KMS calls per second, with and without caching' });
    expect(cache.querySelector('.summary')).toHaveTextContent(/Without caching KMS gets 10 calls a second; with caching 1/);
  });

  it('draws a load run\'s latency and adaptive mode\'s own send rate', async () => {
    const adaptive = simulateKmsLoad({ clients: 5, totalRate: 150, quotaPerSecond: 100, durationMs: 3000, retry: { mode: 'adaptive' }, seed: 3 });
    const panels: ScenarioPanel[] = [
      { kind: 'traffic-chart', id: 'latency', title: 'Latency', chart: { type: 'kms-load', measure: 'latency', result: adaptive, quotaPerSecond: 100 } },
      { kind: 'traffic-chart', id: 'rate', title: 'Send rate', chart: { type: 'kms-load', measure: 'adaptive-rate', result: adaptive, quotaPerSecond: 100 } },
    ];
    render(ScenarioPanels, { props: { panels } });
    expect((await screen.findByRole('figure', { name: 'Latency per second' }, { timeout: 15_000 })).querySelector('.summary')).toHaveTextContent(/Per second, the median stays between/);
    expect((await screen.findByRole('figure', { name: "Adaptive mode: each client's own rate limit" })).querySelector('.summary')).toHaveTextContent(/After its first throttle a client limits its own sending/);
  });
});
