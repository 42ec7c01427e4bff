/**
 * The page side of offline use: registers sw.js (built by build/service-worker-plugin.ts) and reports
 * when a new version is installed and waiting. Deliberately tiny (it is in the first load) and free
 * of Svelte; the notice is loaded only when there is something to say.
 *
 * Never reloads on its own: the learner may be mid-lesson. `onUpdateReady(apply)` hands the page a
 * function that, when the learner asks, activates the waiting worker and then reloads.
 */
import { SKIP_WAITING } from './worker/precache-routes';

export interface OfflineOptions {
  /** navigator.serviceWorker, or undefined where the browser offers none (the app is then simply online-only). */
  container: ServiceWorkerContainer | undefined;
  /** The worker's address; its folder is the scope (the folder the app is served from). */
  workerUrl: URL;
  onUpdateReady(apply: () => void): void;
  reload(): void;
  /** Where to listen for the page becoming visible again (a long-open tab then checks for a deploy). */
  visibility?: Pick<Document, 'visibilityState' | 'addEventListener'>;
  now?: () => number;
}

/** A tab left open all day asks for a new sw.js at most this often when it is brought back. */
export const UPDATE_CHECK_INTERVAL_MS = 30 * 60_000;

/** Resolves to the registration, or undefined when service workers are unavailable or refused. */
export async function registerOfflineWorker(options: OfflineOptions): Promise<ServiceWorkerRegistration | undefined> {
  const { container } = options;
  if (!container) return undefined;
  let registration: ServiceWorkerRegistration | undefined;
  try {
    registration = await container.register(options.workerUrl, { scope: new URL('./', options.workerUrl).href });
  } catch {
    // Insecure origin, storage disabled, a private window's policy: KMS Lab just is not offline there.
    return undefined;
  }
  // Some blockers replace register() with one that resolves to nothing.
  if (!registration) return undefined;
  followUpdates(registration, container, options);
  watchVisibility(registration, options);
  return registration;
}

function followUpdates(registration: ServiceWorkerRegistration, container: ServiceWorkerContainer, options: OfflineOptions): void {
  let applying = false;
  // Set once this page has had a controller: the first install's claim() is not an update.
  let hadController = container.controller !== null;
  const apply = (worker: ServiceWorker) => () => {
    applying = true;
    worker.postMessage({ type: SKIP_WAITING });
  };
  const offerIfWaiting = (): void => {
    // With no controller this is the first install, not a new version of a page already in use.
    if (registration.waiting && container.controller) options.onUpdateReady(apply(registration.waiting));
  };

  container.addEventListener('controllerchange', () => {
    if (applying) options.reload();
    // Another tab took the new version: this page's lazily loaded files may be gone from the cache.
    else if (hadController) options.onUpdateReady(options.reload);
    hadController = true;
  });
  registration.addEventListener('updatefound', () => {
    const installing = registration.installing;
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'installed') offerIfWaiting();
    });
  });
  offerIfWaiting();
}

function watchVisibility(registration: ServiceWorkerRegistration, options: OfflineOptions): void {
  const { visibility } = options;
  if (!visibility) return;
  const now = options.now ?? Date.now;
  let lastCheck = now();
  visibility.addEventListener('visibilitychange', () => {
    if (visibility.visibilityState !== 'visible' || now() - lastCheck < UPDATE_CHECK_INTERVAL_MS) return;
    lastCheck = now();
    // Offline the check fails; the next visit tries again.
    registration.update().catch(() => undefined);
  });
}
