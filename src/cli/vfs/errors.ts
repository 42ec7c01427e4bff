/**
 * File system errors carry a POSIX error code; commands turn them into coreutils' messages
 * ("cat: x: No such file or directory") with the strerror text below, exactly as glibc words it.
 */
export type VfsErrorCode =
  | 'ENOENT'
  | 'EISDIR'
  | 'ENOTDIR'
  | 'EEXIST'
  | 'ENOTEMPTY'
  | 'EFBIG'
  | 'ENAMETOOLONG'
  | 'ENOSPC'
  | 'EINVAL';

const STRERROR: Record<VfsErrorCode, string> = {
  ENOENT: 'No such file or directory',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  EEXIST: 'File exists',
  ENOTEMPTY: 'Directory not empty',
  EFBIG: 'File too large',
  ENAMETOOLONG: 'File name too long',
  ENOSPC: 'No space left on device',
  EINVAL: 'Invalid argument',
};

export class VfsError extends Error {
  readonly code: VfsErrorCode;
  readonly path: string;

  constructor(code: VfsErrorCode, path: string) {
    super(STRERROR[code]);
    this.name = 'VfsError';
    this.code = code;
    this.path = path;
  }
}

/** glibc's strerror() text for a code, e.g. "No such file or directory". */
export function strerror(code: VfsErrorCode): string {
  return STRERROR[code];
}

export function isVfsError(error: unknown): error is VfsError {
  return error instanceof VfsError;
}
