/**
 * The study's sweep: every client count × every strategy, as the post's two charts plot them
 * (completion time vs clients, calls vs clients). Each point gets its own seed derived from the run's
 * seed, the client count and the strategy, so a point's numbers do not depend on which other points
 * were run or in what order: a chart can fill in point by point, and a test can rerun one point.
 */
import { STUDY_STRATEGIES, type StudyStrategy } from './backoff';
import { simulateOcc, STUDY_BASE_MS, STUDY_CAP_MS, type OccResult } from './occ-study';

/** 10, 20, …, 190: the study's client counts. */
export const STUDY_CLIENT_COUNTS: readonly number[] = Array.from({ length: 19 }, (_, i) => (i + 1) * 10);
export const STUDY_TRIALS = 100;

export interface OccSweepParams {
  clientCounts?: readonly number[];
  strategies?: readonly StudyStrategy[];
  trials?: number;
  base?: number;
  cap?: number;
  seed: number;
  /** Per-trial values make a full sweep's result large; charts need only the means. */
  keepTrials?: boolean;
  onProgress?: (progress: OccSweepProgress) => void;
}

export interface OccSweepProgress {
  done: number;
  total: number;
  /** The point just finished, so a chart can draw it before the sweep ends. */
  point: OccResult;
}

export interface OccSweepResult {
  trials: number;
  base: number;
  cap: number;
  points: OccResult[];
}

export function pointSeed(seed: number, clients: number, strategy: StudyStrategy): number {
  const strategyIndex = STUDY_STRATEGIES.indexOf(strategy) + 1;
  let h = (seed ^ Math.imul(clients, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b) >>> 0;
  h = (h ^ Math.imul(strategyIndex, 0xc2b2ae35)) >>> 0;
  return Math.imul(h ^ (h >>> 13), 0x27d4eb2f) >>> 0;
}

export function simulateOccSweep({
  clientCounts = STUDY_CLIENT_COUNTS,
  strategies = STUDY_STRATEGIES,
  trials = STUDY_TRIALS,
  base = STUDY_BASE_MS,
  cap = STUDY_CAP_MS,
  seed,
  keepTrials = false,
  onProgress,
}: OccSweepParams): OccSweepResult {
  const total = clientCounts.length * strategies.length;
  const points: OccResult[] = [];
  for (const clients of clientCounts) {
    for (const strategy of strategies) {
      const result = simulateOcc({ clients, strategy, base, cap, trials, seed: pointSeed(seed, clients, strategy) });
      const point = keepTrials ? result : { ...result, trials: [] };
      points.push(point);
      onProgress?.({ done: points.length, total, point });
    }
  }
  return { trials, base, cap, points };
}
