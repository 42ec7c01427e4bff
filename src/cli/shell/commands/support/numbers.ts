/**
 * Count arguments as coreutils reads them (`head -c 1K`, `-n -5`): an integer with an optional
 * sign and multiplier suffix (b, K/KiB, KB, M/MiB, MB, G…).
 */
const SUFFIXES: Record<string, number> = {
  '': 1,
  b: 512,
  K: 1024,
  KiB: 1024,
  kB: 1000,
  KB: 1000,
  M: 1024 ** 2,
  MiB: 1024 ** 2,
  MB: 1000 ** 2,
  G: 1024 ** 3,
  GiB: 1024 ** 3,
  GB: 1000 ** 3,
};

export interface Count {
  value: number;
  /** A leading '-' (head: all but the last N). */
  negative: boolean;
  /** A leading '+' (tail: starting at N). */
  plus: boolean;
}

export function parseCount(text: string): Count | undefined {
  const match = /^([+-]?)([0-9]+)([A-Za-z]*)$/.exec(text.trim());
  if (!match) return undefined;
  const multiplier = SUFFIXES[match[3]];
  if (multiplier === undefined) return undefined;
  return { value: Number(match[2]) * multiplier, negative: match[1] === '-', plus: match[1] === '+' };
}
