/**
 * What the KMS load lab shows, computed from a load run: the stacked successes and throttles per
 * second, latency percentiles per second, the traced requests of a small run, and the sentences that
 * say what happened. Plain functions, unit-tested.
 */
import type { KmsLoadResult, KmsLoadTraceAttempt } from '../../sim/traffic/kms-load-types';
import type { RetryConfig } from '../../sim/traffic/client-retry';
import type { LineSeries, ScatterSeries, StackLayer } from '../charts/chart-data';
import { formatDuration, formatNumber } from '../charts/format';
import { seriesStyle } from '../charts/series-style';

export const RETRY_MODE_LABELS: Record<RetryConfig['mode'], string> = {
  none: 'No retries',
  standard: 'SDK standard (current constants)',
  'standard-classic': 'SDK standard (classic constants)',
  adaptive: 'SDK adaptive (client-side rate limiter)',
  custom: 'Custom backoff with jitter',
};

export function loadLayers(result: KmsLoadResult): StackLayer[] {
  return [
    { id: 'successes', label: 'Successes', style: seriesStyle(0), values: result.seconds.map((s) => s.successes) },
    { id: 'throttles', label: 'Throttled (ThrottlingException)', style: seriesStyle(1), values: result.seconds.map((s) => s.throttles) },
  ];
}

export function latencySeries(result: KmsLoadResult): LineSeries[] {
  const pick = (key: 'p50' | 'p99') =>
    result.seconds.filter((s) => s.latencyMs !== null).map((s) => ({ x: s.second, y: s.latencyMs![key] }));
  return [
    { id: 'p50', label: 'Median (p50)', style: seriesStyle(0), points: pick('p50') },
    { id: 'p99', label: '99th percentile (p99)', style: seriesStyle(1), points: pick('p99') },
  ];
}

const percent = (part: number, whole: number) => (whole > 0 ? `${formatNumber((100 * part) / whole, 1)} %` : '0 %');

export function loadSummary(result: KmsLoadResult): string {
  const t = result.totals;
  const gaveUp = t.gaveUpAttempts + t.gaveUpRetryQuota;
  const parts = [
    `${formatNumber(t.started)} calls started, ${formatNumber(t.attempts)} attempts reached KMS: ${formatNumber(t.successes)} succeeded and ${formatNumber(t.throttles)} were throttled (${percent(t.throttles, t.attempts)} of attempts).`,
    gaveUp > 0
      ? `${formatNumber(gaveUp)} calls (${percent(gaveUp, t.started)}) ended in an error for the application${t.gaveUpRetryQuota > 0 ? `, ${formatNumber(t.gaveUpRetryQuota)} of them because the retry quota was empty` : ''}.`
      : 'Every call eventually succeeded.',
  ];
  if (result.firstThrottleAtMs !== null) parts.push(`The first throttle came after ${formatDuration(result.firstThrottleAtMs)}.`);
  if (result.retryQuotaDryAtMs !== null) parts.push(`A client's retry quota first ran dry at ${formatDuration(result.retryQuotaDryAtMs)}: from then on its throttled calls fail at once.`);
  if (result.latencyMs) parts.push(`Latency: median ${formatDuration(result.latencyMs.p50)}, p99 ${formatDuration(result.latencyMs.p99)}.`);
  return parts.join(' ');
}

export function latencySummary(result: KmsLoadResult): string {
  const rows = result.seconds.filter((s) => s.latencyMs !== null);
  if (rows.length === 0) return 'No call finished.';
  const worst = rows.reduce((a, b) => (b.latencyMs!.p99 > a.latencyMs!.p99 ? b : a));
  return `Per second, the median stays between ${formatDuration(Math.min(...rows.map((r) => r.latencyMs!.p50)))} and ${formatDuration(Math.max(...rows.map((r) => r.latencyMs!.p50)))}; the worst p99 is ${formatDuration(worst.latencyMs!.p99)}, in second ${worst.second}.`;
}

const OUTCOME_LABEL = { success: 'Success', throttled: 'Throttled', 'transient-error': 'KMSInternalException' } as const;

/** Each traced attempt as a point: when it was sent (s) against its client (1-based). */
export function traceSeries(trace: readonly KmsLoadTraceAttempt[]): ScatterSeries[] {
  return (['success', 'throttled', 'transient-error'] as const)
    .map((outcome, i) => ({
      id: outcome,
      label: OUTCOME_LABEL[outcome],
      style: seriesStyle([0, 1, 3][i]),
      points: trace.filter((a) => a.outcome === outcome).map((a) => ({ x: a.sentAtMs / 1000, y: a.client + 1 })),
    }))
    .filter((series) => series.points.length > 0);
}

/** One sentence per traced attempt, in the order they were sent. */
export function traceLine(attempt: KmsLoadTraceAttempt): string {
  const head = `${formatDuration(attempt.sentAtMs)}: client ${attempt.client + 1}, ${attempt.operation} #${attempt.request + 1}, attempt ${attempt.attempt}`;
  const answer = OUTCOME_LABEL[attempt.outcome].toLowerCase();
  const next =
    attempt.next.kind === 'retry'
      ? `retries after ${formatDuration(attempt.next.delayMs)}`
      : attempt.next.kind === 'give-up'
        ? attempt.next.reason === 'retry-quota'
          ? 'gives up: retry quota empty'
          : attempt.next.reason === 'attempts'
            ? 'gives up: no attempts left'
            : 'gives up: not retryable'
        : 'done';
  return `${head} → ${answer}; ${next}.`;
}

/**
 * The SDK's retry quota over the run: mean tokens left per client (of 500) and how many clients
 * cannot pay for a retry. Null for modes without a retry quota (no retries, custom backoff).
 */
export function retryQuotaSeries(result: KmsLoadResult): LineSeries[] | null {
  const rows = result.seconds.filter((s) => s.meanRetryTokens !== null);
  if (rows.length === 0) return null;
  return [{ id: 'tokens', label: 'Mean tokens left per client', style: seriesStyle(0), points: rows.map((s) => ({ x: s.second, y: s.meanRetryTokens! })) }];
}

export function retryQuotaSummary(result: KmsLoadResult): string {
  const rows = result.seconds.filter((s) => s.meanRetryTokens !== null);
  if (rows.length === 0) return 'This retry mode has no retry quota.';
  const lowest = rows.reduce((a, b) => (b.meanRetryTokens! < a.meanRetryTokens! ? b : a));
  const mostEmpty = Math.max(...rows.map((s) => s.clientsOutOfRetryTokens));
  return (
    `Each client starts with 500 tokens; a retry after a throttle costs 5, and a success gives some back. ` +
    `The mean falls to ${formatNumber(lowest.meanRetryTokens!)} tokens in second ${lowest.second}; ` +
    (mostEmpty > 0 ? `at worst ${formatNumber(mostEmpty)} clients at once could not pay for another retry.` : 'no client ever ran out.')
  );
}

/** Adaptive mode: the clients' own send rate limit (CUBIC), per second; null in other modes. */
export function adaptiveRateSeries(result: KmsLoadResult): LineSeries[] | null {
  const rows = result.seconds.filter((s) => s.meanAdaptiveRate !== null);
  if (rows.length === 0) return null;
  return [{ id: 'rate', label: 'Mean send rate limit of throttled clients', style: seriesStyle(2), points: rows.map((s) => ({ x: s.second, y: s.meanAdaptiveRate! })) }];
}

export function adaptiveRateSummary(result: KmsLoadResult): string {
  const rows = result.seconds.filter((s) => s.meanAdaptiveRate !== null);
  if (rows.length === 0) return 'No client was throttled, so no client limited its own rate.';
  const low = Math.min(...rows.map((s) => s.meanAdaptiveRate!));
  const high = Math.max(...rows.map((s) => s.meanAdaptiveRate!));
  return `After its first throttle a client limits its own sending (TCP CUBIC): the mean limit moved between ${formatNumber(low)} and ${formatNumber(high)} requests a second per client.`;
}
