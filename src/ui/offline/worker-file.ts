/** The service worker's file name at the root of the build, shared by the build plugin and the page. */
export const SERVICE_WORKER_FILE_NAME = 'sw.js';
