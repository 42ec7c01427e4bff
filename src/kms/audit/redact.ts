import type { Shape, StructureShape } from '../operations/shape.ts';

/**
 * Copies a request or response for CloudTrail: member names in lower camel case, and NOTHING
 * secret — blobs (plaintext, ciphertext, keys, signatures, tokens) and sensitive members are left
 * out, as CloudTrail does. Encryption context stays: it is not secret and is always logged.
 * Dates become CloudTrail's human format ("Aug 10, 2022, 10:38:27 PM").
 */
const camel = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** UTC, en-US style, formatted by hand (toLocaleString is slow and locale-dependent). */
export function cloudTrailDate(date: Date): string {
  const h = date.getUTCHours();
  const time = `${h % 12 === 0 ? 12 : h % 12}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`;
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}, ${time}`;
}

function copyValue(shape: Shape | undefined, value: unknown): unknown {
  if (value instanceof Uint8Array) return undefined;
  if (value instanceof Date) return cloudTrailDate(value);
  if (shape && 'sensitive' in shape && shape.sensitive) return undefined;
  if (Array.isArray(value)) return value.map((v) => copyValue(shape?.type === 'list' ? shape.member : undefined, v));
  if (value && typeof value === 'object') {
    if (shape?.type === 'structure') return redactStructure(shape, value as Record<string, unknown>);
    if (shape?.type === 'map') return { ...(value as object) };
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [camel(k), copyValue(undefined, v)]));
  }
  return value;
}

export function redactStructure(shape: StructureShape, value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, v] of Object.entries(value)) {
    const member = shape.members[name];
    if (!member || member.shape.type === 'blob' || v === undefined) continue;
    const copied = copyValue(member.shape, v);
    if (copied !== undefined) out[camel(name)] = copied;
  }
  return out;
}
