/**
 * Which of the service worker's strategies answers a request, decided from the URL alone (pure, so
 * it is tested in Node). Only the build's files are answered (those of the precache manifest, and
 * hashed files of its assets/ folder); every other request (another origin, another folder of the
 * same host, a file the build does not contain) is left to the browser untouched, so the worker can
 * never break something it does not know.
 */

/** 'cache-first': hashed assets never change under their name. 'network-first': files with a
 *  stable name (the HTML pages, embed.js, the icon) so a new deploy is seen as soon as it is online. */
export type PrecacheStrategy = 'cache-first' | 'network-first';

export interface PrecacheRoute {
  /** The manifest entry (a path relative to the worker's folder) whose cached copy answers. */
  file: string;
  strategy: PrecacheStrategy;
}

/** Vite puts every content-hashed file under assets/. */
const HASHED_FOLDER = 'assets/';

export function precacheRoute(url: URL, scope: URL, manifest: ReadonlySet<string>): PrecacheRoute | undefined {
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return undefined;
  // The query and the hash route never change which file is served (embed.html#/lessons/…?mode=…).
  const relative = decodeURIComponent(url.pathname.slice(scope.pathname.length));
  const file = relative === '' ? 'index.html' : relative;
  // A hashed file this version does not list may still be in the next version's cache, already
  // installed and waiting (a page loaded online from the new deploy, then taken offline).
  if (file.startsWith(HASHED_FOLDER)) return { file, strategy: 'cache-first' };
  if (!manifest.has(file)) return undefined;
  return { file, strategy: 'network-first' };
}

/** The name of this worker's cache: the folder it serves and the build's version, so two copies of
 *  KMS Lab in two folders of one origin (caches are per origin) never delete each other's files. */
export function cacheName(scope: string, version: string): string {
  return `${cachePrefix(scope)}${version}`;
}

export function cachePrefix(scope: string): string {
  return `kms-lab ${scope} `;
}

/** The message the page sends to a waiting worker when the learner chooses to reload. */
export const SKIP_WAITING = 'kms-lab:skip-waiting';
