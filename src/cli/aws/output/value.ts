/** A response as the CLI formats it: JSON values, timestamps already ISO strings, blobs base64. */
export type CliValue = string | number | boolean | null | CliValue[] | { [key: string]: CliValue };

export function isMapping(value: CliValue): value is { [key: string]: CliValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isEmptyObject(value: CliValue): boolean {
  return isMapping(value) && Object.keys(value).length === 0;
}

/** Python's sorted() of str keys: by code point. */
export function sortedKeys(keys: Iterable<string>): string[] {
  return [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
