/**
 * What the backoff study lab shows, computed from the simulator's results: the two charts' series
 * (completion time and calls against clients, one line per strategy) and the sentences that say what
 * they show. Plain functions, unit-tested.
 */
import { STUDY_STRATEGIES, STUDY_STRATEGY_LABELS, type StudyStrategy } from '../../sim/traffic/backoff';
import type { OccResult, OccTimeline } from '../../sim/traffic/occ-study';
import { formatDuration, formatNumber } from '../charts/format';
import type { LineSeries, ScatterSeries } from '../charts/chart-data';
import { seriesStyle } from '../charts/series-style';

export type StudyMetric = 'time' | 'calls';

const value = (point: OccResult, metric: StudyMetric) => (metric === 'time' ? point.meanCompletionMs : point.meanCalls);

/** One line per strategy, points in client order; each strategy keeps its style whichever are shown. */
export function studySeries(points: readonly OccResult[], metric: StudyMetric, strategies: readonly StudyStrategy[] = STUDY_STRATEGIES): LineSeries[] {
  return strategies.map((strategy) => ({
    id: strategy,
    label: STUDY_STRATEGY_LABELS[strategy],
    style: seriesStyle(STUDY_STRATEGIES.indexOf(strategy)),
    points: points
      .filter((p) => p.strategy === strategy)
      .sort((a, b) => a.clients - b.clients)
      .map((p) => ({ x: p.clients, y: value(p, metric) })),
  }));
}

/** The largest client count every shown strategy has reached: the column the summary reads. */
function largestCommonClients(points: readonly OccResult[], strategies: readonly StudyStrategy[]): number | undefined {
  const counts = strategies.map((s) => Math.max(...points.filter((p) => p.strategy === s).map((p) => p.clients)));
  const common = Math.min(...counts);
  return Number.isFinite(common) ? common : undefined;
}

export function studySummary(points: readonly OccResult[], metric: StudyMetric, strategies: readonly StudyStrategy[] = STUDY_STRATEGIES): string {
  const clients = largestCommonClients(points, strategies);
  if (clients === undefined) return 'No points computed yet.';
  const at = strategies.map((s) => points.find((p) => p.strategy === s && p.clients === clients)!);
  const sorted = [...at].sort((a, b) => value(a, metric) - value(b, metric));
  const describe = (p: OccResult) =>
    `${STUDY_STRATEGY_LABELS[p.strategy]} ${metric === 'time' ? formatDuration(p.meanCompletionMs) : `${formatNumber(p.meanCalls)} calls`}`;
  const best = sorted[0];
  const worst = sorted[sorted.length - 1];
  const ratio = value(worst, metric) / Math.max(1e-9, value(best, metric));
  const what = metric === 'time' ? 'Mean time until every client has written' : 'Mean number of writes sent';
  return (
    `${what} at ${clients} clients, lowest first: ${sorted.map(describe).join('; ')}. ` +
    `${STUDY_STRATEGY_LABELS[worst.strategy]} ${metric === 'time' ? 'takes' : 'sends'} ${formatNumber(ratio, 1)} times as ${metric === 'time' ? 'long' : 'many'} as ${STUDY_STRATEGY_LABELS[best.strategy]}.`
  );
}

/** One run's writes: conflicts and successes, time (ms) against client number (1-based). */
export function timelineSeries(timeline: OccTimeline): ScatterSeries[] {
  const conflicts = timeline.writes.filter((w) => w.outcome === 'conflict');
  const successes = timeline.writes.filter((w) => w.outcome === 'success');
  return [
    { id: 'conflict', label: 'Rejected write (version changed)', style: seriesStyle(1), points: conflicts.map((w) => ({ x: w.timeMs, y: w.client + 1 })) },
    { id: 'success', label: 'Successful write', style: seriesStyle(2), points: successes.map((w) => ({ x: w.timeMs, y: w.client + 1 })) },
  ];
}

/** The most writes that reached the server within any one window of `windowMs` (the herd's height). */
export function busiestWindow(timeline: OccTimeline, windowMs = 50): { count: number; startMs: number } {
  const times = timeline.writes.map((w) => w.timeMs);
  let best = { count: 0, startMs: 0 };
  let lo = 0;
  for (let hi = 0; hi < times.length; hi++) {
    while (times[hi] - times[lo] >= windowMs) lo++;
    if (hi - lo + 1 > best.count) best = { count: hi - lo + 1, startMs: times[lo] };
  }
  return best;
}

export function timelineSummary(timeline: OccTimeline): string {
  const conflicts = timeline.writes.filter((w) => w.outcome === 'conflict').length;
  const busiest = busiestWindow(timeline);
  return (
    `${timeline.clients} clients with ${STUDY_STRATEGY_LABELS[timeline.strategy]}: ${formatNumber(timeline.calls)} writes, ` +
    `${formatNumber(conflicts)} of them rejected, all done after ${formatDuration(timeline.completionMs)}. ` +
    `The busiest 50 ms (from ${formatDuration(busiest.startMs)}) saw ${formatNumber(busiest.count)} writes arrive at once.`
  );
}
