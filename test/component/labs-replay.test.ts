import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { createRawSnippet } from 'svelte';
import RequestReplay from '../../src/ui/labs/RequestReplay.svelte';
import { simulateKmsLoad } from '../../src/sim/traffic/kms-load';
import type { KmsLoadTraceAttempt } from '../../src/sim/traffic/kms-load-types';

const trace = simulateKmsLoad({ clients: 4, totalRate: 200, durationMs: 2000, quotaPerSecond: 100, retry: { mode: 'standard' }, seed: 3, traceLimit: 60 }).trace;
// The chart slot shows how many attempts it was given, so the test sees what the chart would draw.
const chart = createRawSnippet((shown: () => KmsLoadTraceAttempt[]) => ({ render: () => `<p data-testid="chart">${shown().length} attempts</p>` }));

afterEach(() => vi.unstubAllGlobals());

describe('request replay', () => {
  it('lists every traced attempt before any replay', () => {
    render(RequestReplay, { props: { trace, chart } });
    expect(within(screen.getByRole('list', { name: 'Attempts in the order they were sent' })).getAllByRole('listitem')).toHaveLength(trace.length);
    expect(screen.getByTestId('chart')).toHaveTextContent(`${trace.length} attempts`);
  });

  it('replays in model-time order, one animation frame at a time, then shows everything again', async () => {
    vi.stubGlobal('matchMedia', (query: string) => ({ matches: false, media: query, addEventListener() {}, removeEventListener() {} }));
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
    vi.stubGlobal('cancelAnimationFrame', () => {});
    const user = userEvent.setup();
    render(RequestReplay, { props: { trace, chart } });
    const start = performance.now();
    await user.click(screen.getByRole('button', { name: 'Replay the requests' }));
    expect(screen.getByRole('button', { name: 'Stop the replay' })).toBeInTheDocument();

    // Half way through the replay's eight seconds: some attempts shown, not all.
    frames.shift()!(start + 4000);
    await vi.waitFor(() => {
      const shown = within(screen.getByRole('list', { name: /Attempts/ })).queryAllByRole('listitem').length;
      expect(shown).toBeGreaterThan(0);
      expect(shown).toBeLessThan(trace.length);
    });
    frames.shift()!(start + 9000);
    await vi.waitFor(() => expect(screen.getByRole('button', { name: 'Replay the requests' })).toBeInTheDocument());
    expect(within(screen.getByRole('list', { name: /Attempts/ })).getAllByRole('listitem')).toHaveLength(trace.length);
  });

  it('with reduced motion, a replay jumps straight to the end', async () => {
    const user = userEvent.setup();
    render(RequestReplay, { props: { trace, chart } });
    await user.click(screen.getByRole('button', { name: 'Replay the requests' }));
    expect(screen.getByRole('button', { name: 'Replay the requests' })).toBeInTheDocument();
    expect(screen.getByTestId('chart')).toHaveTextContent(`${trace.length} attempts`);
  });
});
