/**
 * Files a learner picks or drops in a step (an action field of kind 'file'). Scenario events must
 * stay plain JSON (logged, replayed), so they carry a token that names the file, never its bytes:
 * `file:<n>` for a file picked in this page (held here as a Blob, off the JavaScript heap), or
 * `generated:<bytes>` for a generated file of that size, which the stored walkthroughs use so tests
 * replay without a real drop. A token of a file picked before the page reloaded no longer resolves.
 *
 * Also the channel through which a running file job shows its progress and results to the page:
 * the job runs inside a scenario dispatch, the progress bar and the downloads live in the view.
 */
export interface LearnerFile {
  name: string;
  blob: Blob;
}

export const GENERATED_PREFIX = 'generated:';
/** Generated files are for tests and walkthroughs; a person drops their own. */
export const MAX_GENERATED_BYTES = 256 * 1024 * 1024;

const picked = new Map<string, LearnerFile>();
let nextToken = 1;

export function registerLearnerFile(blob: Blob, name: string): string {
  const token = `file:${nextToken++}`;
  picked.set(token, { name, blob });
  return token;
}

/** A deterministic generated file: a 64 KiB pattern repeated (one buffer shared by every part). */
function generated(bytes: number): LearnerFile {
  const block = Uint8Array.from({ length: Math.min(bytes, 64 * 1024) }, (_, i) => (i * 131 + (i >> 8)) & 0xff);
  const parts: BlobPart[] = [];
  for (let left = bytes; left > 0; left -= block.length) parts.push(left >= block.length ? block : block.subarray(0, left));
  return { name: `generated-${bytes}.bin`, blob: new Blob(parts) };
}

export function isLearnerFileToken(token: string): boolean {
  if (token.startsWith(GENERATED_PREFIX)) {
    const bytes = Number(token.slice(GENERATED_PREFIX.length));
    return Number.isInteger(bytes) && bytes >= 0 && bytes <= MAX_GENERATED_BYTES;
  }
  return /^file:\d+$/.test(token);
}

/** The file a token names, or undefined (unknown token, or a file picked before a reload). */
export function learnerFile(token: string): LearnerFile | undefined {
  if (!isLearnerFileToken(token)) return undefined;
  return token.startsWith(GENERATED_PREFIX) ? generated(Number(token.slice(GENERATED_PREFIX.length))) : picked.get(token);
}

export type FileJobPhase = 'encrypting' | 'decrypting' | 'comparing' | 'done' | 'failed';

/** What the page shows of the current file job. */
export interface FileJobView {
  name: string;
  phase: FileJobPhase;
  /** Bytes processed in this phase, of `total`. */
  done: number;
  total: number;
  /** The sealed file and the decrypted copy, once made (offered as downloads). */
  encrypted?: Blob;
  decrypted?: Blob;
  message?: string;
}

const listeners = new Set<(view: FileJobView | undefined) => void>();
let current: FileJobView | undefined;

export const fileJobs = {
  get current(): FileJobView | undefined {
    return current;
  },
  update(view: FileJobView | undefined): void {
    current = view;
    for (const listener of listeners) listener(view);
  },
  subscribe(listener: (view: FileJobView | undefined) => void): () => void {
    listeners.add(listener);
    listener(current);
    return () => listeners.delete(listener);
  },
};
