import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import LabsPage from '../../src/ui/labs/LabsPage.svelte';
import KmsLoadLab from '../../src/ui/labs/KmsLoadLab.svelte';
import CachingLab from '../../src/ui/labs/CachingLab.svelte';
import BackoffStudyLab from '../../src/ui/labs/BackoffStudyLab.svelte';
import { TrafficRun } from '../../src/ui/labs/traffic-run.svelte';
import { positionOf } from '../../src/ui/labs/slider-scale';
import { createInProcessWorker } from '../../src/sim/traffic/in-process-worker';
import type { WorkerLike } from '../../src/sim/traffic/worker-client';

// jsdom has no Worker: the labs get the same protocol in this thread (answers still arrive
// asynchronously and through structuredClone, as from a real worker).
const createWorker = () => createInProcessWorker();
const summaryOf = (title: string | RegExp) => screen.getByRole('figure', { name: title }).querySelector('.summary')!;

afterEach(() => vi.useRealTimers());

describe('labs page', () => {
  it('lists the three labs with links', () => {
    render(LabsPage, { props: { params: {}, createWorker } });
    expect(screen.getByRole('heading', { level: 1, name: 'Traffic labs' })).toBeInTheDocument();
    const links = screen.getAllByRole('link').map((a) => a.getAttribute('href'));
    expect(links).toEqual(['#/labs/backoff-study', '#/labs/kms-load', '#/labs/data-key-caching']);
  });

  it('says so for an unknown lab, and links back to the list', () => {
    render(LabsPage, { props: { params: { labId: 'warp-drive' }, createWorker } });
    expect(screen.getByRole('heading', { level: 1, name: 'There is no lab called “warp-drive”' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'See all labs' })).toHaveAttribute('href', '#/labs');
  });

  it('opens a lab under its title with its short explanation', async () => {
    render(LabsPage, { props: { params: { labId: 'data-key-caching' }, createWorker } });
    expect(screen.getByRole('heading', { level: 1, name: 'Data key caching and the KMS bill' })).toBeInTheDocument();
    expect(screen.getByText(/each data key encrypts exactly the maximum number of messages/)).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'With caching' }, { timeout: 5000 })).toBeInTheDocument();
  });
});

describe('KMS load lab', () => {
  it('runs the defaults, marks where the retry quota ran dry and lists the latency percentiles', { timeout: 30_000 }, async () => {
    render(KmsLoadLab, { props: { createWorker } });
    const chart = await screen.findByRole('figure', { name: 'Attempts per second: successes and throttles' }, { timeout: 10_000 });
    expect(chart.querySelector('.summary')).toHaveTextContent(/[\d,]+ calls started, [\d,]+ attempts reached KMS/);
    expect(within(chart).getByText('Retry quota empty')).toBeInTheDocument();
    const latency = screen.getByRole('table', { name: /Latency of every call/ });
    expect(within(latency).getAllByRole('cell').map((c) => c.textContent)).toEqual([expect.stringMatching(/ms$/), expect.any(String), expect.any(String), expect.any(String)]);
    expect(screen.getByText(/Set 20 clients or fewer/)).toBeInTheDocument();
    expect(summaryOf('SDK retry quota')).toHaveTextContent(/Each client starts with 500 tokens/);
    expect(screen.queryByRole('figure', { name: /Adaptive mode/ })).toBeNull();
    expect(screen.getByText(/^\s*Computed the load run in/)).toBeInTheDocument();
  });

  it('reruns when a slider moves, and for few clients lists every attempt', async () => {
    render(KmsLoadLab, { props: { createWorker } });
    await screen.findByRole('figure', { name: /Attempts per second/ }, { timeout: 10_000 });
    const before = summaryOf(/Attempts per second/).textContent;
    const clients = screen.getByRole('slider', { name: 'Clients' });
    await fireEvent.input(clients, { target: { value: '8' } });
    expect(clients).toHaveAttribute('aria-valuetext', '8 clients');
    await vi.waitFor(() => expect(summaryOf(/Attempts per second/).textContent).not.toBe(before), { timeout: 10_000 });
    const list = await screen.findByRole('list', { name: 'Attempts in the order they were sent' });
    expect(within(list).getAllByRole('listitem')[0]).toHaveTextContent(/client \d, (Encrypt|Decrypt|GenerateDataKey) #\d+, attempt 1 →/);
    expect(screen.getByRole('figure', { name: 'Attempts by client' })).toBeInTheDocument();
  }, 30_000);

  it('shows the adaptive limiter in adaptive mode, and the custom backoff’s own settings only in custom mode', { timeout: 30_000 }, async () => {
    const user = userEvent.setup();
    render(KmsLoadLab, { props: { createWorker } });
    expect(screen.queryByRole('slider', { name: 'Base delay' })).toBeNull();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Retry mode' }), 'adaptive');
    expect(await screen.findByRole('figure', { name: "Adaptive mode: each client's own rate limit" }, { timeout: 10_000 })).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Retry mode' }), 'custom');
    expect(screen.getByRole('slider', { name: 'Base delay' })).toHaveAttribute('aria-valuetext', '100 ms');
    expect(screen.getByRole('combobox', { name: 'Jitter' })).toHaveValue('full');
  });
});

describe('caching lab', () => {
  it('shows the reference’s worked example side by side, and follows the maximum messages', async () => {
    render(CachingLab, { props: { createWorker } });
    const without = (await screen.findByRole('heading', { name: 'Without caching' }, { timeout: 5000 })).closest('article')!;
    const withCache = screen.getByRole('heading', { name: 'With caching' }).closest('article')!;
    expect(without).toHaveTextContent('$778.54');
    expect(withCache).toHaveTextContent('$8.72');
    expect(screen.getByText(/60 data keys, each used for exactly 100 messages\./)).toBeInTheDocument();

    // A log-scale slider: its own value is a position along the track.
    const maxMessages = screen.getByRole('slider', { name: 'Maximum messages per data key' });
    await fireEvent.input(maxMessages, { target: { value: String(positionOf(1000, { min: 1, max: 10_000, step: 1 })) } });
    expect(maxMessages).toHaveAttribute('aria-valuetext', '1,000');
    // 100 messages/s and a 5 s maximum age: a key is too old only when its age is more than 5 s
    // (the SDK's strict check), so it serves the messages at 0 s … 5 s, 501 of them; the minute ends
    // the last key early.
    await vi.waitFor(() => expect(screen.getByText(/12 data keys, used for 489 to 501 messages each/)).toBeInTheDocument(), { timeout: 5000 });
  }, 20_000);
});

describe('backoff study lab', () => {
  it('computes the sweep in the worker and fills both charts point by point', async () => {
    render(BackoffStudyLab, { props: { createWorker } });
    await vi.waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/^Computed the study in/), { timeout: 30_000 });
    expect(summaryOf('Calls against clients')).toHaveTextContent(/at 190 clients, lowest first/);
    // The time chart leaves Exponential out until asked, as the post did.
    expect(within(screen.getByRole('figure', { name: 'Completion time against clients' })).queryByText('Exponential')).toBeNull();
    await fireEvent.click(screen.getByRole('checkbox', { name: /Include Exponential/ }));
    expect(within(screen.getByRole('figure', { name: 'Completion time against clients' })).getByText('Exponential')).toBeInTheDocument();
  }, 60_000);
});

describe('a run in the worker', () => {
  /** A worker that answers only when told to, so a test can start a second run while the first computes. */
  function heldWorker() {
    const inner = createInProcessWorker();
    const held: unknown[] = [];
    let terminated = 0;
    const worker: WorkerLike = {
      postMessage: (message) => held.push(message),
      addEventListener: (type, listener) => inner.addEventListener(type, listener),
      removeEventListener: (type, listener) => inner.removeEventListener(type, listener),
      terminate: () => {
        terminated++;
        inner.terminate?.();
      },
    };
    return { worker, release: () => held.splice(0).forEach((m) => inner.postMessage(m)), terminated: () => terminated };
  }

  it('a new run supersedes one still computing: its worker is stopped and its answer never shown', async () => {
    const workers = [heldWorker(), heldWorker()];
    let made = 0;
    const run = new TrafficRun('caching', () => workers[made++].worker);
    const params = { messagesPerSecond: 10, durationMs: 10_000, maxAgeMs: 1000 };
    const first = run.start({ ...params, maxMessages: 1 });
    expect(run.status).toBe('running');
    const second = run.start({ ...params, maxMessages: 5 });
    expect(workers[0].terminated()).toBe(1);
    workers[0].release();
    workers[1].release();
    await Promise.all([first, second]);
    expect(run.status).toBe('done');
    expect(run.result?.dataKeys.maxMessages).toBe(5);
    expect(run.resultParams).toMatchObject({ maxMessages: 5 });
    expect(made).toBe(2);
  });

  it('reports an error from the simulator as text, and disposes its worker', async () => {
    const { worker, release, terminated } = heldWorker();
    const run = new TrafficRun('caching', () => worker);
    const started = run.start({ messagesPerSecond: -1, durationMs: 1000, maxAgeMs: 1000 });
    release();
    await started;
    expect(run.status).toBe('error');
    expect(run.error).toMatch(/messagesPerSecond must be positive/);
    run.dispose();
    expect(terminated()).toBe(1);
  });
});
