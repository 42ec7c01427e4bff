/**
 * What the caching lab shows, computed from a caching run: KMS calls per second with and without the
 * cache, and the sentences comparing them and the monthly bills. Plain functions, unit-tested.
 */
import type { CachingResult } from '../../sim/traffic/caching-sim';
import type { LineSeries } from '../charts/chart-data';
import { formatNumber, formatUsd } from '../charts/format';
import { seriesStyle } from '../charts/series-style';

export function callsSeries(result: CachingResult): LineSeries[] {
  return [
    { id: 'without', label: 'Without caching', style: seriesStyle(1), points: result.seconds.map((s) => ({ x: s.second, y: s.withoutCaching })) },
    { id: 'with', label: 'With caching', style: seriesStyle(0), points: result.seconds.map((s) => ({ x: s.second, y: s.withCaching })) },
  ];
}

/** Mean KMS calls per second over the run. */
export function callsPerSecond(calls: number, result: CachingResult): number {
  return result.seconds.length > 0 ? calls / result.seconds.length : 0;
}

export function cachingSummary(result: CachingResult): string {
  const without = callsPerSecond(result.kmsCallsWithoutCaching, result);
  const withCache = callsPerSecond(result.kmsCallsWithCaching, result);
  const factor = result.kmsCallsWithCaching > 0 ? result.kmsCallsWithoutCaching / result.kmsCallsWithCaching : Infinity;
  return (
    `Without caching KMS gets ${formatNumber(without)} calls a second; with caching ${formatNumber(withCache)}` +
    (Number.isFinite(factor) ? `, ${formatNumber(factor, 1)} times fewer. ` : '. ') +
    `Monthly bill: ${formatUsd(result.month.withoutCaching.totalUsd)} without, ${formatUsd(result.month.withCaching.totalUsd)} with caching.`
  );
}

export function dataKeySummary(result: CachingResult): string {
  const keys = result.dataKeys;
  if (keys.created === 0) return 'No data key was made.';
  const same = keys.minMessages === keys.maxMessages;
  return same
    ? `${formatNumber(keys.created)} data keys, each used for exactly ${formatNumber(keys.maxMessages)} ${keys.maxMessages === 1 ? 'message' : 'messages'}.`
    : `${formatNumber(keys.created)} data keys, used for ${formatNumber(keys.minMessages)} to ${formatNumber(keys.maxMessages)} messages each (${formatNumber(keys.meanMessages, 1)} on average).`;
}
