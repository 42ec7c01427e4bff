/** Shared wording of coreutils' file errors, so every command says it the same way. */
import { isVfsError, strerror } from '../../../vfs/errors.ts';

/** The strerror() text for a file system error; other errors are rethrown (they are bugs). */
export function reasonOf(error: unknown): string {
  if (isVfsError(error)) return strerror(error.code);
  throw error;
}
