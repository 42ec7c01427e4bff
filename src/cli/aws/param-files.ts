/**
 * `file://` and `fileb://` parameter values, read from the terminal's virtual file system:
 * `file://` as UTF-8 text, `fileb://` as raw bytes — with the CLI's message when a file is missing.
 */
import type { VirtualFileSystem } from '../vfs/file-system.ts';
import { isVfsError, type VfsErrorCode } from '../vfs/errors.ts';
import { fromUtf8, type Bytes } from '../vfs/encoding.ts';
import { parameterError } from './usage-error.ts';
import { pythonRepr } from './python-text.ts';

export interface FileAccess {
  readonly fs: VirtualFileSystem;
  resolve(path: string): string;
}

const ERRNO: Partial<Record<VfsErrorCode, number>> = { ENOENT: 2, ENOTDIR: 20, EISDIR: 21, EINVAL: 22 };

/** The bytes or text a parameter value names, or the value itself when it names no file. */
export function loadParamFile(flag: string, value: string, files: FileAccess): string | Bytes {
  const binary = value.startsWith('fileb://');
  if (!binary && !value.startsWith('file://')) return value;
  const path = value.slice(binary ? 8 : 7);
  try {
    const bytes = files.fs.readFile(files.resolve(path));
    return binary ? bytes : fromUtf8(bytes);
  } catch (error) {
    if (!isVfsError(error)) throw error;
    const errno = ERRNO[error.code] ?? 5;
    throw parameterError(flag, `Unable to load paramfile ${value}: [Errno ${errno}] ${error.message}: ${pythonRepr(path)}`);
  }
}
