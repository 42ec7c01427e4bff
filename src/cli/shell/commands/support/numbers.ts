/**
 * Count arguments as coreutils reads them (`head -c 1K`, `-n -5`): an integer with an optional
 * sign and a multiplier suffix as xstrtoumax takes head's "bkKmMGTPEZY0": b is 512; k/K, m/M, G,
 * T, P, E, Z, Y are powers of 1024, or of 1000 when followed by B or D (kB, MB), and of 1024 with
 * iB (KiB). Anything else (1g, 1kb, 1c) is not a number of bytes.
 */
const POWERS: Record<string, number> = { k: 1, K: 1, m: 2, M: 2, G: 3, T: 4, P: 5, E: 6, Z: 7, Y: 8 };

function multiplier(suffix: string): number | undefined {
  if (suffix === '') return 1;
  if (suffix === 'b') return 512;
  const power = POWERS[suffix[0]];
  if (power === undefined) return undefined;
  const rest = suffix.slice(1);
  if (rest === '' || rest === 'iB') return 1024 ** power;
  if (rest === 'B' || rest === 'D') return 1000 ** power;
  return undefined;
}

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
  const factor = multiplier(match[3]);
  if (factor === undefined) return undefined;
  return { value: Number(match[2]) * factor, negative: match[1] === '-', plus: match[1] === '+' };
}
