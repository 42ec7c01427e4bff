/**
 * The learner's file system: an in-memory tree of directories and files holding BYTES, so that
 * ciphertext written by `base64 --decode > file` survives exactly as it would on disk. One
 * instance per lesson or sandbox; nothing is shared between instances. All paths given to these
 * methods are absolute (the shell resolves relative paths and `~` with resolvePath first).
 */
import type { ModelClock } from '../../sim/core/clock.ts';
import type { Bytes } from './encoding.ts';
import { VfsError } from './errors.ts';
import { MAX_ENTRIES, MAX_FILE_BYTES, MAX_NAME_LENGTH, MAX_PATH_LENGTH, MAX_TOTAL_BYTES } from './limits.ts';
import { basename, dirname, joinPath, pathComponents } from './path.ts';

export interface FileNode {
  kind: 'file';
  /** ArrayBuffer-backed, so it can go straight to WebCrypto (stack.md G5). */
  data: Bytes;
  mtime: number;
}

export interface DirectoryNode {
  kind: 'dir';
  children: Map<string, VfsNode>;
  mtime: number;
}

export type VfsNode = FileNode | DirectoryNode;

export interface VfsStat {
  kind: 'file' | 'dir';
  size: number;
  /** Milliseconds since the epoch, in the clock the file system was given (model time). */
  mtime: number;
}

export const DEFAULT_HOME = '/home/learner';

export interface VirtualFileSystemOptions {
  home?: string;
  /** Model time for modification times; files get the epoch start when none is given. */
  clock?: Pick<ModelClock, 'now'>;
}

export class VirtualFileSystem {
  readonly home: string;
  private readonly root: DirectoryNode;
  private readonly clock: Pick<ModelClock, 'now'>;
  private totalBytes = 0;
  private entryCount = 0;

  constructor(options: VirtualFileSystemOptions = {}) {
    this.home = options.home ?? DEFAULT_HOME;
    this.clock = options.clock ?? { now: () => Date.UTC(2026, 0, 1) };
    this.root = { kind: 'dir', children: new Map(), mtime: this.clock.now() };
    this.mkdir(this.home, { parents: true });
    this.mkdir('/tmp', { parents: true });
  }

  now(): number {
    return this.clock.now();
  }

  stat(path: string): VfsStat | undefined {
    const node = this.lookup(path);
    if (!node) return undefined;
    return node.kind === 'file'
      ? { kind: 'file', size: node.data.length, mtime: node.mtime }
      : { kind: 'dir', size: 4096, mtime: node.mtime };
  }

  exists(path: string): boolean {
    return this.lookup(path) !== undefined;
  }

  isDirectory(path: string): boolean {
    return this.lookup(path)?.kind === 'dir';
  }

  readFile(path: string): Bytes {
    const node = this.require(path);
    if (node.kind === 'dir') throw new VfsError('EISDIR', path);
    return node.data;
  }

  /** Creates or replaces (or, with append, extends) a regular file; its directory must exist. */
  writeFile(path: string, data: Uint8Array, options: { append?: boolean } = {}): void {
    const { parent, name } = this.parentOf(path);
    const existing = parent.children.get(name);
    if (existing?.kind === 'dir') throw new VfsError('EISDIR', path);
    const previous: Uint8Array = existing?.data ?? new Uint8Array(0);
    const size = options.append ? previous.length + data.length : data.length;
    if (size > MAX_FILE_BYTES) throw new VfsError('EFBIG', path);
    if (this.totalBytes - previous.length + size > MAX_TOTAL_BYTES) throw new VfsError('ENOSPC', path);
    if (!existing) this.countEntry(path);
    let content: Bytes;
    if (options.append && previous.length > 0) {
      content = new Uint8Array(size);
      content.set(previous);
      content.set(data, previous.length);
    } else {
      content = data.slice();
    }
    this.totalBytes += content.length - previous.length;
    const now = this.clock.now();
    parent.children.set(name, { kind: 'file', data: content, mtime: now });
    if (!existing) parent.mtime = now;
  }

  /** `touch`: creates an empty file or updates the modification time of an existing entry. */
  touch(path: string): void {
    const node = this.lookup(path);
    if (node) node.mtime = this.clock.now();
    else this.writeFile(path, new Uint8Array(0));
  }

  mkdir(path: string, options: { parents?: boolean } = {}): void {
    this.checkPathLength(path);
    if (options.parents) {
      let current = this.root;
      let walked = '/';
      for (const part of pathComponents(path)) {
        walked = joinPath(walked, part);
        const next = current.children.get(part);
        if (next?.kind === 'file') throw new VfsError(walked === path ? 'EEXIST' : 'ENOTDIR', path);
        if (next) {
          current = next;
          continue;
        }
        current = this.addDirectory(current, part, walked);
      }
      return;
    }
    const { parent, name } = this.parentOf(path);
    if (parent.children.has(name)) throw new VfsError('EEXIST', path);
    this.addDirectory(parent, name, path);
  }

  /** Names in a directory, sorted bytewise as `ls` does in the C locale. */
  readdir(path: string): string[] {
    const node = this.require(path);
    if (node.kind !== 'dir') throw new VfsError('ENOTDIR', path);
    return [...node.children.keys()].sort(compareNames);
  }

  /** Removes a file, or a directory (empty unless recursive). */
  remove(path: string, options: { recursive?: boolean } = {}): void {
    const { parent, name } = this.parentOf(path);
    const node = parent.children.get(name);
    if (!node) throw new VfsError('ENOENT', path);
    if (node.kind === 'dir' && !options.recursive && node.children.size > 0) throw new VfsError('ENOTEMPTY', path);
    parent.children.delete(name);
    parent.mtime = this.clock.now();
    this.forget(node);
  }

  /** Moves an entry to a new absolute path (which must not be inside itself). */
  rename(from: string, to: string): void {
    const source = this.parentOf(from);
    const node = source.parent.children.get(source.name);
    if (!node) throw new VfsError('ENOENT', from);
    if (to === from) return;
    if (to.startsWith(from + '/')) throw new VfsError('EINVAL', to);
    const target = this.parentOf(to);
    const existing = target.parent.children.get(target.name);
    if (existing?.kind === 'dir') {
      if (node.kind !== 'dir') throw new VfsError('EISDIR', to);
      if (existing.children.size > 0) throw new VfsError('ENOTEMPTY', to);
    } else if (existing && node.kind === 'dir') {
      throw new VfsError('ENOTDIR', to);
    }
    source.parent.children.delete(source.name);
    if (existing) this.forget(existing);
    target.parent.children.set(target.name, node);
    const now = this.clock.now();
    source.parent.mtime = now;
    target.parent.mtime = now;
  }

  /** Every entry below (and including) `path`, depth first, for serialisation and `cp -r`. */
  *walk(path: string = '/'): Generator<{ path: string; node: VfsNode }> {
    const node = this.lookup(path);
    if (!node) return;
    yield { path, node };
    if (node.kind === 'dir') {
      for (const name of [...node.children.keys()].sort(compareNames)) {
        yield* this.walk(joinPath(path, name));
      }
    }
  }

  /** Restores an entry with its time (used when loading a saved sandbox). */
  restoreModificationTime(path: string, mtime: number): void {
    const node = this.lookup(path);
    if (node) node.mtime = mtime;
  }

  private lookup(path: string): VfsNode | undefined {
    let node: VfsNode = this.root;
    for (const part of pathComponents(path)) {
      if (node.kind !== 'dir') return undefined;
      const next: VfsNode | undefined = node.children.get(part);
      if (!next) return undefined;
      node = next;
    }
    return node;
  }

  /** Finds a path's node or throws the error Linux gives (ENOTDIR when a parent is a file). */
  private require(path: string): VfsNode {
    let node: VfsNode = this.root;
    for (const part of pathComponents(path)) {
      if (node.kind !== 'dir') throw new VfsError('ENOTDIR', path);
      const next: VfsNode | undefined = node.children.get(part);
      if (!next) throw new VfsError('ENOENT', path);
      node = next;
    }
    return node;
  }

  private parentOf(path: string): { parent: DirectoryNode; name: string } {
    this.checkPathLength(path);
    const name = basename(path);
    if (pathComponents(path).length === 0) throw new VfsError('EISDIR', path);
    const parent = this.require(dirname(path));
    if (parent.kind !== 'dir') throw new VfsError('ENOTDIR', path);
    return { parent, name };
  }

  private addDirectory(parent: DirectoryNode, name: string, path: string): DirectoryNode {
    this.countEntry(path);
    const now = this.clock.now();
    const dir: DirectoryNode = { kind: 'dir', children: new Map(), mtime: now };
    parent.children.set(name, dir);
    parent.mtime = now;
    return dir;
  }

  private countEntry(path: string): void {
    if (this.entryCount >= MAX_ENTRIES) throw new VfsError('ENOSPC', path);
    this.entryCount += 1;
  }

  private forget(node: VfsNode): void {
    this.entryCount -= 1;
    if (node.kind === 'file') this.totalBytes -= node.data.length;
    else for (const child of node.children.values()) this.forget(child);
  }

  private checkPathLength(path: string): void {
    if (path.length > MAX_PATH_LENGTH) throw new VfsError('ENAMETOOLONG', path);
    if (pathComponents(path).some((part) => part.length > MAX_NAME_LENGTH)) throw new VfsError('ENAMETOOLONG', path);
  }
}

/** Bytewise order (the C locale), which is what `ls` and glob expansion use here. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
