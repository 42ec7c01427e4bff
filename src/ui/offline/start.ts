/**
 * Starts offline use: registers the service worker and feeds the notice's state. main.ts loads this
 * module only once the page has loaded, so the worker's precache download never competes with the
 * first view. Only index.html calls this: embed.html, inside a course site's page, registers
 * nothing of its own (the course site may run a worker of its own; the lesson does not compete).
 */
import { registerOfflineWorker } from './register';
import { SERVICE_WORKER_FILE_NAME } from './worker-file';
import { offlineUpdate } from './update-state.svelte';

export function startOffline(): void {
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
}
