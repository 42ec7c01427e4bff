/**
 * Resource limits of the virtual file system. They exist so that nothing a learner types can
 * exhaust the page's memory: a file larger than 64 MiB gets EFBIG ("File too large") as a full
 * disk quota would, and the whole file system is capped so repeated copies cannot grow forever.
 */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
export const MAX_TOTAL_BYTES = 256 * 1024 * 1024;
export const MAX_ENTRIES = 10_000;
/** Linux's NAME_MAX and PATH_MAX, giving ENAMETOOLONG as Linux would. */
export const MAX_NAME_LENGTH = 255;
export const MAX_PATH_LENGTH = 4096;
