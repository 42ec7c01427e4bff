/**
 * The message protocol between the page and the traffic worker, and the worker-side handler.
 * A request is `{ id, kind, params }`; the worker answers `{ id, progress }` any number of times for
 * long runs, then exactly one `{ id, result }` or `{ id, error }`. Everything is plain data, so it
 * crosses postMessage (structured clone) unchanged, and the handler runs in Node for tests.
 */
import { simulateOcc, simulateOccTimeline, type OccParams, type OccResult, type OccTimeline } from './occ-study';
import { simulateOccSweep, type OccSweepParams, type OccSweepProgress, type OccSweepResult } from './occ-sweep';
import { simulateKmsLoad, type KmsLoadParams, type KmsLoadResult } from './kms-load';
import { simulateCaching, type CachingParams, type CachingResult } from './caching-sim';

export interface TrafficJobs {
  occ: { params: OccParams; result: OccResult; progress: never };
  'occ-sweep': { params: Omit<OccSweepParams, 'onProgress'>; result: OccSweepResult; progress: OccSweepProgress };
  'occ-timeline': { params: Omit<OccParams, 'trials'>; result: OccTimeline; progress: never };
  'kms-load': { params: Omit<KmsLoadParams, 'onProgress'>; result: KmsLoadResult; progress: { modelTimeMs: number; fraction: number } };
  caching: { params: CachingParams; result: CachingResult; progress: never };
}

export type TrafficJobKind = keyof TrafficJobs;
export const TRAFFIC_JOB_KINDS: readonly TrafficJobKind[] = ['occ', 'occ-sweep', 'occ-timeline', 'kms-load', 'caching'];

export interface TrafficRequest<K extends TrafficJobKind = TrafficJobKind> {
  id: number;
  kind: K;
  params: TrafficJobs[K]['params'];
}

export type TrafficResponse =
  | { id: number; progress: unknown }
  | { id: number; result: unknown }
  | { id: number; error: { name: string; message: string } };

type Runner<K extends TrafficJobKind> = (params: TrafficJobs[K]['params'], onProgress: (progress: TrafficJobs[K]['progress']) => void) => TrafficJobs[K]['result'];

const runners: { [K in TrafficJobKind]: Runner<K> } = {
  occ: (params) => simulateOcc(params),
  'occ-sweep': (params, onProgress) => simulateOccSweep({ ...params, onProgress }),
  'occ-timeline': (params) => simulateOccTimeline(params),
  'kms-load': (params, onProgress) => simulateKmsLoad({ ...params, onProgress }),
  caching: (params) => simulateCaching(params),
};

export function runTrafficJob<K extends TrafficJobKind>(
  kind: K,
  params: TrafficJobs[K]['params'],
  onProgress: (progress: TrafficJobs[K]['progress']) => void = () => {},
): TrafficJobs[K]['result'] {
  const runner = runners[kind] as Runner<K> | undefined;
  if (!runner) throw new RangeError(`unknown traffic job kind ${String(kind)}`);
  return runner(params, onProgress);
}

function isRequest(message: unknown): message is TrafficRequest {
  if (typeof message !== 'object' || message === null) return false;
  const { id, kind, params } = message as Record<string, unknown>;
  return typeof id === 'number' && typeof kind === 'string' && (TRAFFIC_JOB_KINDS as readonly string[]).includes(kind) && typeof params === 'object' && params !== null;
}

/** Runs one request and posts its progress and its answer. Malformed requests get an error answer. */
export function handleTrafficMessage(message: unknown, post: (response: TrafficResponse) => void): void {
  const id = typeof message === 'object' && message !== null && typeof (message as { id?: unknown }).id === 'number' ? (message as { id: number }).id : -1;
  if (!isRequest(message)) {
    post({ id, error: { name: 'TypeError', message: `expected { id, kind, params } with kind one of ${TRAFFIC_JOB_KINDS.join(', ')}` } });
    return;
  }
  try {
    const result = runTrafficJob(message.kind, message.params as never, (progress) => post({ id, progress }));
    post({ id, result });
  } catch (error) {
    const { name, message: text } = error instanceof Error ? error : { name: 'Error', message: String(error) };
    post({ id, error: { name, message: text } });
  }
}
