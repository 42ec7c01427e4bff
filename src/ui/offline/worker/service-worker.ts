/**
 * KMS Lab's service worker: keeps a copy of the whole build so the app (lessons, engine, workers,
 * styles, icons) opens and runs offline after the first visit. Built to sw.js at the root of the
 * output by ../build/service-worker-plugin.ts, which fills in the precache manifest and version.
 *
 * Hand-written (about a hundred lines) rather than generated with Workbox: the app needs exactly two
 * strategies and a manifest that must include embed.js (built after the app bundle), and the page
 * side stays a few hundred bytes with no workbox-window in the first load.
 *
 * Updates: a new deploy changes the manifest's version, so sw.js changes byte for byte and the
 * browser installs the new worker beside the old one. It then WAITS (no skipWaiting on install):
 * the page tells the learner a new version is ready and only a click on "Reload" sends SKIP_WAITING.
 */
import { cacheName, cachePrefix, precacheRoute, SKIP_WAITING, type PrecacheRoute } from './precache-routes';

/** Paths relative to this worker (e.g. "index.html", "assets/main-3f2a.js"), from the build. */
declare const __KMS_LAB_PRECACHE__: string[];
/** A digest of every precached file's name and content. */
declare const __KMS_LAB_VERSION__: string;

// The service-worker globals the app's DOM typings lack (the WebWorker lib would clash with them).
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ExtendableMessageEvent extends ExtendableEvent {
  readonly data: unknown;
}
interface ServiceWorkerScope {
  readonly registration: ServiceWorkerRegistration;
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: ExtendableMessageEvent) => void): void;
}

const worker = self as unknown as ServiceWorkerScope;
const scope = new URL(worker.registration.scope);
const manifest = new Set(__KMS_LAB_PRECACHE__);
const currentCache = cacheName(scope.href, __KMS_LAB_VERSION__);
/** Past this, a slow network loses to the cached page (a train's Wi-Fi that accepts but never answers). */
const NETWORK_TIMEOUT_MS = 4000;

worker.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(currentCache).then((cache) =>
      // 'reload': never fill the cache from a stale HTTP cache entry of the previous deploy.
      cache.addAll([...manifest].map((file) => new Request(new URL(file, scope), { cache: 'reload' }))),
    ),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      const stale = names.filter((name) => name.startsWith(cachePrefix(scope.href)) && name !== currentCache);
      await Promise.all(stale.map((name) => caches.delete(name)));
      // The first visit's page is served from the cache too from now on (its lazy chunks included).
      await worker.clients.claim();
    })(),
  );
});

worker.addEventListener('message', (event) => {
  if (isSkipWaiting(event.data)) event.waitUntil(worker.skipWaiting());
});

worker.addEventListener('fetch', (event) => {
  if (event.request.method !== 'GET') return;
  const route = precacheRoute(new URL(event.request.url), scope, manifest);
  if (!route) return;
  event.respondWith(route.strategy === 'cache-first' ? cacheFirst(event.request, route) : networkFirst(event.request, route));
});

function isSkipWaiting(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === SKIP_WAITING;
}

async function cachedCopy(route: PrecacheRoute): Promise<Response | undefined> {
  const cache = await caches.open(currentCache);
  return cache.match(new URL(route.file, scope).href);
}

/** A hashed file is the same in every version that has it: this version's copy, else any cached
 *  version of this folder's (the next one, installed and waiting), else the network. */
async function cacheFirst(request: Request, route: PrecacheRoute): Promise<Response> {
  const url = new URL(route.file, scope).href;
  const ours = (await caches.keys()).filter((name) => name.startsWith(cachePrefix(scope.href)));
  for (const name of [currentCache, ...ours.filter((name) => name !== currentCache)]) {
    const hit = await (await caches.open(name)).match(url);
    if (hit) return hit;
  }
  return fetch(request);
}

/**
 * The network's answer when it comes in time and is good, else this version's cached copy. A fresh
 * page is not written into the cache: the cache holds one consistent version (HTML and the chunks it
 * names) until the learner takes the next one.
 */
async function networkFirst(request: Request, route: PrecacheRoute): Promise<Response> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), NETWORK_TIMEOUT_MS);
  });
  const network = fetch(request).catch(() => undefined);
  const answer = await Promise.race([network, timeout]);
  clearTimeout(timer);
  if (answer?.ok) return answer;
  const cached = await cachedCopy(route);
  if (cached) return cached;
  // Nothing cached (the browser cleared the storage): whatever the network says, late or not.
  return (answer ?? (await network)) ?? Response.error();
}
