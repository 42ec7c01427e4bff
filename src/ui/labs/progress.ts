/** The worker's progress messages as a fraction done: a sweep counts points, a load run reports a fraction. */
export function progressFraction(progress: unknown): number | null {
  if (typeof progress !== 'object' || progress === null) return null;
  const p = progress as { fraction?: unknown; done?: unknown; total?: unknown };
  if (typeof p.fraction === 'number') return Math.max(0, Math.min(1, p.fraction));
  if (typeof p.done === 'number' && typeof p.total === 'number' && p.total > 0) return p.done / p.total;
  return null;
}
