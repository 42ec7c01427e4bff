import { describe, expect, it, vi } from 'vitest';
import { createInProcessWorker } from '../../../../src/sim/traffic/in-process-worker';
import { createTrafficClient, type WorkerLike } from '../../../../src/sim/traffic/worker-client';
import { handleTrafficMessage, type TrafficResponse } from '../../../../src/sim/traffic/worker-protocol';
import { simulateOcc } from '../../../../src/sim/traffic/occ-study';
import { simulateOccSweep } from '../../../../src/sim/traffic/occ-sweep';
import { simulateKmsLoad } from '../../../../src/sim/traffic/kms-load';
import { simulateCaching } from '../../../../src/sim/traffic/caching-sim';

describe('traffic worker protocol', () => {
  it('answers { id, kind, params } with { id, result } when the handler is called directly', () => {
    const replies: TrafficResponse[] = [];
    handleTrafficMessage({ id: 7, kind: 'occ', params: { clients: 5, strategy: 'full', trials: 3, seed: 1 } }, (r) => replies.push(r));
    expect(replies).toEqual([{ id: 7, result: simulateOcc({ clients: 5, strategy: 'full', trials: 3, seed: 1 }) }]);
  });

  it('answers malformed requests and failing runs with { id, error }', () => {
    const replies: TrafficResponse[] = [];
    handleTrafficMessage({ id: 1, kind: 'mine-bitcoin', params: {} }, (r) => replies.push(r));
    handleTrafficMessage('hello', (r) => replies.push(r));
    handleTrafficMessage({ id: 2, kind: 'occ', params: { clients: -1, strategy: 'none', trials: 1, seed: 1 } }, (r) => replies.push(r));
    expect(replies).toMatchObject([
      { id: 1, error: { name: 'TypeError' } },
      { id: -1, error: { name: 'TypeError' } },
      { id: 2, error: { name: 'RangeError', message: expect.stringMatching(/clients/) } },
    ]);
  });
});

describe('traffic worker client', () => {
  it('gives the same results through the worker as in-process: same seed, same numbers', async () => {
    const client = createTrafficClient(createInProcessWorker());
    const loadParams = { clients: 10, totalRate: 500, durationMs: 3000, quotaPerSecond: 300, retry: { mode: 'adaptive' as const }, seed: 3 };
    const cachingParams = { messagesPerSecond: 100, durationMs: 10_000, maxAgeMs: 5000, maxMessages: 100 };
    const [occ, load, caching, timeline] = await Promise.all([
      client.run('occ', { clients: 20, strategy: 'decorrelated', trials: 4, seed: 9 }),
      client.run('kms-load', loadParams),
      client.run('caching', cachingParams),
      client.run('occ-timeline', { clients: 8, strategy: 'equal', seed: 2 }),
    ]);
    expect(occ).toEqual(simulateOcc({ clients: 20, strategy: 'decorrelated', trials: 4, seed: 9 }));
    expect(load).toEqual(simulateKmsLoad(loadParams));
    expect(caching).toEqual(simulateCaching(cachingParams));
    expect(timeline.writes.length).toBe(timeline.calls);
    client.dispose();
  });

  it('reports progress for a sweep, point by point, before the result', async () => {
    const client = createTrafficClient(createInProcessWorker());
    const seen: string[] = [];
    const params = { clientCounts: [10, 20], strategies: ['none', 'full'] as const, trials: 3, seed: 4 };
    const result = await client.run('occ-sweep', params, { onProgress: (p) => seen.push(`${p.done}/${p.total} ${p.point.clients} ${p.point.strategy}`) });
    expect(seen).toEqual(['1/4 10 none', '2/4 10 full', '3/4 20 none', '4/4 20 full']);
    expect(result).toEqual(simulateOccSweep(params));
  });

  it('rejects a failing run with the error name and message, and rejects pending runs on dispose', async () => {
    const client = createTrafficClient(createInProcessWorker());
    await expect(client.run('caching', { messagesPerSecond: 0, durationMs: 1, maxAgeMs: 1 })).rejects.toMatchObject({ name: 'RangeError' });
    const pending = client.run('occ', { clients: 5, strategy: 'none', trials: 1, seed: 1 });
    client.dispose();
    await expect(pending).rejects.toThrow('traffic worker disposed');
  });

  it('accepts a real Worker (type-level: the page passes `new Worker(…)`)', () => {
    const asWorkerLike = (worker: Worker): WorkerLike => worker;
    expect(typeof asWorkerLike).toBe('function');
  });
});

describe('worker entry (worker.ts)', () => {
  it('listens on the worker scope and posts the answers back', async () => {
    const posted: unknown[] = [];
    let listener: ((event: { data: unknown }) => void) | undefined;
    vi.stubGlobal('self', {
      postMessage: (message: unknown) => posted.push(message),
      addEventListener: (type: string, handler: (event: { data: unknown }) => void) => {
        if (type === 'message') listener = handler;
      },
    });
    try {
      await import('../../../../src/sim/traffic/worker');
      expect(listener).toBeDefined();
      listener!({ data: { id: 3, kind: 'caching', params: { messagesPerSecond: 10, durationMs: 2000, maxAgeMs: 1000, maxMessages: 5 } } });
      expect(posted).toEqual([{ id: 3, result: simulateCaching({ messagesPerSecond: 10, durationMs: 2000, maxAgeMs: 1000, maxMessages: 5 }) }]);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
