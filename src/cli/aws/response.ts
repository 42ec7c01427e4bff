/**
 * A wire response as the CLI shows it: botocore reads epoch-second timestamps as datetimes in the
 * local zone (UTC in the page) and the CLI prints them with Python's isoformat
 * (`2026-01-01T00:00:00+00:00`, `…T00:00:00.250000+00:00` with a fraction); blobs stay base64.
 */
import type { Shape } from '../../kms/index.ts';
import type { CliValue } from './output/value.ts';

export function isoTimestamp(epochSeconds: number): string {
  const ms = Math.round(epochSeconds * 1000);
  const iso = new Date(ms).toISOString(); // 2026-01-01T00:00:00.250Z
  const fraction = ms % 1000 === 0 ? '' : `.${String(((ms % 1000) + 1000) % 1000).padStart(3, '0')}000`;
  return `${iso.slice(0, 19)}${fraction}+00:00`;
}

export function fromWire(value: unknown, shape: Shape | undefined): CliValue {
  if (shape?.type === 'timestamp' && typeof value === 'number') return isoTimestamp(value);
  if (Array.isArray(value)) return value.map((item) => fromWire(item, shape?.type === 'list' ? shape.member : undefined));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        fromWire(item, shape?.type === 'structure' ? shape.members[key]?.shape : shape?.type === 'map' ? shape.value : undefined),
      ]),
    );
  }
  return value as CliValue;
}
