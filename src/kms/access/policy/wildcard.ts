/**
 * IAM wildcard matching: `*` is any run of characters (including none), `?` exactly one.
 * Action names compare case-insensitively; resources, ARNs and string conditions are case-sensitive.
 */
const cache = new Map<string, RegExp>();
const CACHE_LIMIT = 512;

function compile(pattern: string, ignoreCase: boolean): RegExp {
  const cacheKey = `${ignoreCase ? 'i' : 's'}${pattern}`;
  let re = cache.get(cacheKey);
  if (!re) {
    const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
    re = new RegExp(`^${body}$`, ignoreCase ? 'is' : 's');
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(cacheKey, re);
  }
  return re;
}

export function wildcardMatch(pattern: string, value: string, options: { ignoreCase?: boolean } = {}): boolean {
  return compile(pattern, options.ignoreCase ?? false).test(value);
}

/**
 * ARN comparison as ArnEquals/ArnLike do it: both sides split into their six colon-separated
 * parts and each part matched with wildcards (the resource part keeps any further colons).
 */
export function arnMatch(pattern: string, value: string): boolean {
  const p = splitArn(pattern);
  const v = splitArn(value);
  if (!p || !v) return false;
  return p.every((part, i) => wildcardMatch(part, v[i]));
}

function splitArn(arn: string): string[] | undefined {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  return [...parts.slice(0, 5), parts.slice(5).join(':')];
}
