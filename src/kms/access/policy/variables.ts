import type { ContextValue } from './types.ts';

/**
 * Policy variables (`${aws:username}`, `${aws:PrincipalTag/team}`, `${kms:CallerAccount, 'none'}`)
 * and the escapes `${*}`, `${?}`, `${$}`. IAM substitutes them only in Version 2012-10-17 policies;
 * a variable whose key is absent and has no default makes the value unusable (`undefined`), which
 * the caller treats as "does not match".
 */
const VARIABLE = /\$\{([^}]*)\}/g;
const ESCAPES: Record<string, string> = { '*': '*', '?': '?', $: '$' };

export interface Substitution {
  value?: string;
  /** The variable that was absent from the request, when that made the value unusable. */
  missing?: string;
}

export function substituteVariables(
  text: string,
  lookup: (key: string) => ContextValue | undefined,
  version: string | undefined,
): Substitution {
  if (version !== '2012-10-17' || !text.includes('${')) return { value: text };
  let missing: string | undefined;
  const value = text.replace(VARIABLE, (whole, inner: string) => {
    const escape = ESCAPES[inner.trim()];
    if (escape) return escape;
    const [, name, fallback] = /^\s*([^,]+?)\s*(?:,\s*'([^']*)'\s*)?$/.exec(inner) ?? [];
    if (!name) return whole;
    const found = lookup(name);
    if (typeof found === 'string' || typeof found === 'number' || typeof found === 'boolean') return String(found);
    if (fallback !== undefined) return fallback;
    missing ??= name;
    return whole;
  });
  return missing ? { missing } : { value };
}
