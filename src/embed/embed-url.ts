/**
 * The embed address, written by the loader and read by the embedded lesson:
 *
 *   embed.html#/lessons/<lesson-id>/<step-id>?mode=walkthrough|sandbox|quiz
 *     &theme=auto|light|dark&controls=full|minimal|none&parentOrigin=<origin>
 *
 * Everything is in the hash, so any static host serves it and nothing reaches a server's logs.
 * Unknown or missing options fall back to their defaults (walkthrough, auto, full, no parent).
 */
import { EMBED_CONTROLS, EMBED_MODES, EMBED_THEMES, type EmbedControls, type EmbedMode, type EmbedTheme } from './protocol';
import { parseOrigin } from './origins';

export interface EmbedOptions {
  mode: EmbedMode;
  theme: EmbedTheme;
  controls: EmbedControls;
  parentOrigin?: string;
}

export interface EmbedAddress extends Partial<EmbedOptions> {
  lessonId: string;
  stepId?: string;
}

function pick<T extends string>(allowed: readonly T[], value: string | null, fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/** The options after the `?` of the hash. */
export function readEmbedOptions(hash: string): EmbedOptions {
  const query = hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '';
  const params = new URLSearchParams(query);
  const parentOrigin = parseOrigin(params.get('parentOrigin'));
  return {
    mode: pick(EMBED_MODES, params.get('mode'), 'walkthrough'),
    theme: pick(EMBED_THEMES, params.get('theme'), 'auto'),
    controls: pick(EMBED_CONTROLS, params.get('controls'), 'full'),
    ...(parentOrigin === undefined ? {} : { parentOrigin }),
  };
}

/** The `?…` part of the hash for these options ('' when all are defaults and there is no parent). */
export function embedQuery(options: Partial<EmbedOptions>): string {
  const params = new URLSearchParams();
  if (options.mode && options.mode !== 'walkthrough') params.set('mode', options.mode);
  if (options.theme && options.theme !== 'auto') params.set('theme', options.theme);
  if (options.controls && options.controls !== 'full') params.set('controls', options.controls);
  if (options.parentOrigin) params.set('parentOrigin', options.parentOrigin);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The full embed address of a lesson, relative to the site's folder (`siteUrl` ends with '/'). */
export function embedUrl(siteUrl: string, address: EmbedAddress): string {
  const path = ['lessons', address.lessonId, ...(address.stepId ? [address.stepId] : [])].map(encodeURIComponent).join('/');
  return `${siteUrl}embed.html#/${path}${embedQuery(address)}`;
}

/** The presenter view of a step in the full site (PRESENTER's `#/present/<lesson>/<step>` route). */
export function presenterUrl(siteUrl: string, lessonId: string, stepId?: string): string {
  const path = ['present', lessonId, ...(stepId ? [stepId] : [])].map(encodeURIComponent).join('/');
  return `${siteUrl}#/${path}`;
}
