/**
 * The Linux devices the terminal knows beyond files: `/dev/null`, `/dev/stdin`, `/dev/stdout`,
 * `/dev/stderr` (handled where streams are wired) and the endless ones below, which never reach
 * end of file. A program here reads its input whole, so it may read an endless device only when it
 * stops after a known number of bytes (head -c N, xxd -l N); anything else is told so.
 */
export const ENDLESS_DEVICES: ReadonlySet<string> = new Set(['/dev/zero', '/dev/urandom', '/dev/random']);

/** What reading all of an endless device gets here, instead of a terminal that never returns. */
export function endlessReason(path: string): string {
  return `endless device: only a slice can be read in this terminal (e.g. head -c 32 ${path})`;
}
