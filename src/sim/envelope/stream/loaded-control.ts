/**
 * The page's file job control once ./job-control.ts has been loaded, else undefined. The lesson page
 * follows every player to remove file job outputs on reset or leaving, but only lessons with a file
 * field load the control (and the private file system code under it): until then no job can have
 * started, so there is nothing to remove, and this tiny module lets the page know that without
 * loading the control itself.
 */
import type { FileJobControl } from './job-control';

let loaded: FileJobControl | undefined;

/** Called once by ./job-control.ts with the page's control. */
export function announceFileJobControl(control: FileJobControl): void {
  loaded = control;
}

export function loadedFileJobControl(): FileJobControl | undefined {
  return loaded;
}
