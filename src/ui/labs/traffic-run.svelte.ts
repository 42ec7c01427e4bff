/**
 * One kind of simulation run for a lab page, computed in the traffic Web Worker so the page never
 * freezes. Reactive state for the page: status, progress (0–1, when the worker reports it), the last
 * result and any error. Starting a run while another is still computing supersedes it: the busy
 * worker is terminated (a synchronous simulation cannot be interrupted any other way) and a fresh one
 * takes the new run; a late answer of a superseded run is never shown.
 */
import { createTrafficClient, type TrafficClient, type WorkerLike } from '../../sim/traffic/worker-client';
import type { TrafficJobKind, TrafficJobs } from '../../sim/traffic/worker-protocol';
import { progressFraction } from './progress';

export type WorkerFactory = () => WorkerLike;

/** The page's worker: Vite bundles worker.ts and everything it imports as a separate file. */
export const browserWorker: WorkerFactory = () => new Worker(new URL('../../sim/traffic/worker.ts', import.meta.url), { type: 'module' });

export type RunStatus = 'idle' | 'running' | 'done' | 'error';

export class TrafficRun<K extends TrafficJobKind> {
  status = $state<RunStatus>('idle');
  /** Fraction done of the current run, when the worker reports progress. */
  progress = $state<number | null>(null);
  result = $state.raw<TrafficJobs[K]['result'] | undefined>(undefined);
  /** The parameters `result` was computed from (the inputs may have moved on since). */
  resultParams = $state.raw<TrafficJobs[K]['params'] | undefined>(undefined);
  error = $state<string | undefined>(undefined);
  /** Wall time of the last finished run, ms (shown so a person sees what a bigger run costs). */
  elapsedMs = $state<number | null>(null);

  private client: TrafficClient | undefined;
  private generation = 0;

  constructor(
    private readonly kind: K,
    private readonly createWorker: WorkerFactory,
  ) {}

  /**
   * Runs with `params`; `onProgress` sees this run's progress messages only. Resolves when this run
   * ends or is superseded (never rejects: errors land in `error`).
   */
  async start(params: TrafficJobs[K]['params'], onProgress?: (progress: TrafficJobs[K]['progress']) => void): Promise<void> {
    const generation = ++this.generation;
    if (this.status === 'running') this.stopWorker();
    this.client ??= createTrafficClient(this.createWorker());
    this.status = 'running';
    this.progress = 0;
    this.error = undefined;
    const started = performance.now();
    try {
      const result = await this.client.run(this.kind, params, {
        onProgress: (progress) => {
          if (generation !== this.generation) return;
          const fraction = progressFraction(progress);
          if (fraction !== null) this.progress = fraction;
          onProgress?.(progress);
        },
      });
      if (generation !== this.generation) return;
      this.result = result;
      this.resultParams = params;
      this.status = 'done';
      this.elapsedMs = performance.now() - started;
    } catch (error) {
      if (generation !== this.generation) return;
      this.error = error instanceof Error ? error.message : String(error);
      this.status = 'error';
    } finally {
      if (generation === this.generation) this.progress = null;
    }
  }

  /** Stops any run and the worker (when the page goes away). */
  dispose(): void {
    this.generation++;
    this.stopWorker();
    if (this.status === 'running') this.status = 'idle';
  }

  private stopWorker(): void {
    this.client?.dispose();
    this.client = undefined;
  }
}
