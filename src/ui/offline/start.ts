/**
 * Starts offline use in a production build: registers the service worker once the page has loaded
 * (the precache download never competes with the first load) and feeds the notice's state. Only
 * index.html calls this: embed.html, inside a course site's page, registers nothing of its own.
 */
import { registerOfflineWorker } from './register';
import { SERVICE_WORKER_FILE_NAME } from './worker-file';
import { offlineUpdate } from './update-state.svelte';

export function startOffline(): void {
  const register = () =>
    void registerOfflineWorker({
      container: 'serviceWorker' in navigator ? navigator.serviceWorker : undefined,
      workerUrl: new URL(SERVICE_WORKER_FILE_NAME, document.baseURI),
      onUpdateReady(apply) {
        offlineUpdate.apply = apply;
        offlineUpdate.dismissed = false;
      },
      reload: () => location.reload(),
      visibility: document,
    });
  if (document.readyState === 'complete') register();
  else addEventListener('load', register, { once: true });
}
