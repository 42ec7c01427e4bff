/** Latency percentiles for the load lab, nearest-rank method (the value below which p % of samples lie). */
export interface LatencyPercentiles {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

/** `sorted` must be ascending and non-empty. */
export function nearestRank(sorted: ArrayLike<number>, p: number): number {
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function latencyPercentiles(samples: ArrayLike<number>): LatencyPercentiles | null {
  if (samples.length === 0) return null;
  const sorted = Float64Array.from(samples).sort();
  return {
    count: sorted.length,
    p50: nearestRank(sorted, 50),
    p90: nearestRank(sorted, 90),
    p99: nearestRank(sorted, 99),
    max: sorted[sorted.length - 1],
  };
}
