/** HTTP header names are case-insensitive; Node lower-cases them, the SDK and tests may not. */
export type HeaderBag = Record<string, string | readonly string[] | undefined>;

export function headerValue(headers: HeaderBag, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    return typeof value === 'string' ? value : value.join(', ');
  }
  return undefined;
}
