/**
 * The page's file job control: one job at a time, its outputs removed when the next job starts,
 * when it is cancelled or fails, and when the lesson's world is rebuilt — never while the worker
 * still has them open.
 */
import { describe, expect, it } from 'vitest';
import { createFileJobControl, createFileWorkerClient, createInlineFileWorker, type FileJobControlView } from '../../../../src/sim/envelope/stream';

function control() {
  const removed: string[] = [];
  const claims: string[] = [];
  const views: FileJobControlView[] = [];
  const made = createFileJobControl(async (name) => void removed.push(name), async (tag) => void claims.push(tag));
  made.subscribe((view) => views.push(view));
  return { control: made, removed, views, claims };
}

describe('file job control', () => {
  it('keeps a finished job\'s outputs until the next job starts, then removes them', async () => {
    const { control: jobs, removed, claims } = control();
    const first = await jobs.begin();
    const names = [first.outputName('sealed'), first.outputName('decrypted')];
    expect(new Set(names).size).toBe(2);
    // Every name starts with the page's tag, claimed once (the sweep of closed pages' files keys on it).
    expect(claims).toHaveLength(1);
    expect(names.every((name) => name.startsWith(`${claims[0]}-`))).toBe(true);
    first.stored('disk');
    await first.finish('done');
    expect(removed).toEqual([]);
    expect(jobs.current).toEqual({ running: false, storage: 'disk', outcome: 'done' });
    await jobs.begin();
    expect(removed).toEqual(names);
    expect(claims).toHaveLength(1);
  });

  it('cancels the running job through its signal and removes what it made when it stops', async () => {
    const { control: jobs, removed, views } = control();
    const job = await jobs.begin();
    const name = job.outputName('sealed');
    expect(jobs.current.running).toBe(true);
    jobs.cancel();
    expect(job.signal.aborted).toBe(true);
    expect(removed).toEqual([]); // still open in the worker until the job stops
    await job.finish('cancelled');
    expect(removed).toEqual([name]);
    expect(views.at(-1)).toEqual({ running: false, outcome: 'cancelled' });
  });

  it('removes a failed job\'s outputs', async () => {
    const { control: jobs, removed } = control();
    const job = await jobs.begin();
    const name = job.outputName('sealed');
    await job.finish('failed');
    expect(removed).toEqual([name]);
  });

  it('discards a job made in a world that is gone, but not one made after', async () => {
    const { control: jobs, removed } = control();
    const old = await jobs.begin();
    const oldName = old.outputName('sealed');
    await old.finish('done');
    const seen = jobs.generation;
    const fresh = await jobs.begin(); // e.g. replayed while the world was rebuilt
    expect(removed).toEqual([oldName]);
    const freshName = fresh.outputName('sealed');
    await fresh.finish('done');
    expect(await jobs.discardUpTo(seen)).toBe(false);
    expect(await jobs.discardUpTo(jobs.generation)).toBe(true);
    expect(removed).toEqual([oldName, freshName]);
    expect(jobs.current).toEqual({ running: false });
  });

  it('cancels a running job whose world is gone; it removes its outputs when it stops', async () => {
    const { control: jobs, removed } = control();
    const job = await jobs.begin();
    const name = job.outputName('sealed');
    expect(await jobs.discardUpTo(jobs.generation)).toBe(true);
    expect(job.signal.aborted).toBe(true);
    await job.finish('done'); // it had just finished: still removed
    expect(removed).toEqual([name]);
  });
});

describe('file worker outputs', () => {
  it('keeps a named output in memory where there is no private file system, and says so', async () => {
    expect((globalThis as { navigator?: { storage?: unknown } }).navigator?.storage).toBeUndefined();
    const client = createFileWorkerClient(createInlineFileWorker());
    const result = await client.run({ kind: 'seal', file: new Blob(['hello']), dataKey: new Uint8Array(32), kmsKeyArn: 'k', encryptionContext: {}, encryptedDataKey: new Uint8Array(4), output: 'a-sealed' });
    expect(result).toMatchObject({ storage: 'memory' });
    expect('blob' in result && result.blob.size).toBeGreaterThan(5 + 16);
  });
});
