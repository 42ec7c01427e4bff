/** Numbers as the charts and labs print them (en-US grouping, units spelled after the value). */
const formats = new Map<number, Intl.NumberFormat>();

function numberFormat(maximumFractionDigits: number): Intl.NumberFormat {
  let format = formats.get(maximumFractionDigits);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { maximumFractionDigits });
    formats.set(maximumFractionDigits, format);
  }
  return format;
}

/** 1234.5 → "1,235"; below 10, one decimal ("2.5"); below 1, two ("0.25"). */
export function formatNumber(value: number, maximumFractionDigits?: number): string {
  if (!Number.isFinite(value)) return '—';
  const digits = maximumFractionDigits ?? (Math.abs(value) >= 10 || value === 0 ? 0 : Math.abs(value) >= 1 ? 1 : 2);
  return numberFormat(digits).format(value);
}

/** "4,940 ms", "1.5 s", "12 calls"; an empty unit gives the number alone. */
export function withUnit(value: number, unit: string, maximumFractionDigits?: number): string {
  const number = formatNumber(value, maximumFractionDigits);
  return unit ? `${number} ${unit}` : number;
}

/** "$777.54"; whole thousands without cents ("$12,345"). */
export function formatUsd(value: number): string {
  if (!Number.isFinite(value)) return '—';
  const digits = Math.abs(value) >= 10_000 ? 0 : 2;
  return `$${new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value)}`;
}

/** Milliseconds as a person reads them: "850 ms" below two seconds, "12.3 s" above. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  return Math.abs(ms) < 2000 ? withUnit(ms, 'ms', 0) : withUnit(ms / 1000, 's', 1);
}
