/**
 * Who the embedded lesson talks to. It accepts messages only from its parent frame, and only when
 * that frame's origin is the `parentOrigin` of its address, or (without one) an origin of the
 * site's configured allow list; it sends only to that exact origin, never to '*'.
 */

/**
 * The origin `text` names, or undefined when it is not exactly an http(s) origin (a path, '*',
 * 'null', a typo). Exact: "https://course.example/" is accepted as "https://course.example",
 * "https://course.example/page" is not an origin.
 */
export function parseOrigin(text: string | null | undefined): string | undefined {
  if (!text) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) return undefined;
  // `new URL` lower-cases the host and drops a default port; the text must already be in that form
  // (give or take a trailing slash) so a look-alike never passes as another origin.
  return text.replace(/\/$/, '') === url.origin ? url.origin : undefined;
}

/** An allow list as written in the site's configuration: origins separated by spaces or commas; the rest dropped. */
export function parseOriginList(text: string | null | undefined): string[] {
  return (text ?? '')
    .split(/[\s,]+/)
    .map(parseOrigin)
    .filter((origin): origin is string => origin !== undefined);
}

export interface OriginPolicy {
  /** The `parentOrigin` of the embed address, when it names one. */
  parentOrigin?: string;
  /** The site's allow list (embed.html's `kms-lab-embed-origins` meta), used when there is no parentOrigin. */
  allowList: readonly string[];
  /**
   * The origins of the frames around this one, nearest first (location.ancestorOrigins), where the
   * browser tells it. A page that merely claims someone else's origin in parentOrigin is refused.
   */
  ancestorOrigins?: readonly string[];
}

/** Whether a message from `origin` (sent by the parent frame) may be acted on. */
export function acceptsOrigin(policy: OriginPolicy, origin: string): boolean {
  if (origin === 'null' || origin === '*') return false;
  const embedder = policy.ancestorOrigins?.[0];
  if (embedder !== undefined && embedder !== origin) return false;
  if (policy.parentOrigin !== undefined) return origin === policy.parentOrigin;
  return policy.allowList.includes(origin);
}
