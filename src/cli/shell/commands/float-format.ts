/**
 * Decimal rounding as C's printf does it: exact binary value, ties to even. JavaScript's toFixed
 * and toExponential round exact ties away from zero (`2.5` → "3" where printf '%.0f' gives "2"),
 * so ties are detected exactly with BigInt and settled the C way.
 */
function exactParts(value: number): { mantissa: bigint; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  return biased === 0 ? { mantissa: fraction, exponent: -1074 } : { mantissa: fraction | (1n << 52n), exponent: biased - 1075 };
}

/** value × 10^scale rounded to an integer, ties to even; value must be finite and ≥ 0. */
function scaledRound(value: number, scale: number): bigint {
  const { mantissa, exponent } = exactParts(value);
  let numerator = mantissa * (exponent > 0 ? 1n << BigInt(exponent) : 1n) * (scale > 0 ? 10n ** BigInt(scale) : 1n);
  const denominator = (exponent < 0 ? 1n << BigInt(-exponent) : 1n) * (scale < 0 ? 10n ** BigInt(-scale) : 1n);
  const quotient = numerator / denominator;
  numerator -= quotient * denominator;
  const twice = numerator * 2n;
  if (twice > denominator || (twice === denominator && quotient % 2n === 1n)) return quotient + 1n;
  return quotient;
}

function withPoint(digits: string, decimals: number): string {
  if (decimals === 0) return digits;
  const padded = digits.padStart(decimals + 1, '0');
  return `${padded.slice(0, -decimals)}.${padded.slice(-decimals)}`;
}

/** printf's %.Nf of a finite, non-negative number. */
export function fixedC(value: number, decimals: number): string {
  return withPoint(scaledRound(value, decimals).toString(), decimals);
}

/** printf's %.Ne of a finite, non-negative number ("1.234e+03"). */
export function exponentialC(value: number, decimals: number): string {
  if (value === 0) return `${withPoint('0'.repeat(decimals + 1), decimals)}e+00`;
  let exponent = Math.floor(Math.log10(value));
  let digits = scaledRound(value, decimals - exponent).toString();
  // log10 can be off by one near powers of ten, and rounding can carry into a new digit.
  if (digits.length > decimals + 1) {
    exponent++;
    digits = scaledRound(value, decimals - exponent).toString();
  } else if (digits.length < decimals + 1) {
    exponent--;
    digits = scaledRound(value, decimals - exponent).toString();
  }
  const sign = exponent < 0 ? '-' : '+';
  return `${withPoint(digits, decimals)}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
}
