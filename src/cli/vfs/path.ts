/**
 * Path arithmetic for the virtual file system. Absolute paths are normalised strings
 * ("/home/learner/notes"); `.` and `..` are resolved lexically, as the learner sees no symlinks.
 */
export const ROOT = '/';

/** Splits an absolute or relative path into its non-empty components. */
export function pathComponents(path: string): string[] {
  return path.split('/').filter((part) => part !== '' && part !== '.');
}

/** Resolves `path` against `cwd` (absolute) and `home` (for a leading `~`), normalising `..`. */
export function resolvePath(cwd: string, path: string, home: string): string {
  let start: string[];
  let rest = path;
  if (rest === '~' || rest.startsWith('~/')) {
    start = pathComponents(home);
    rest = rest.slice(1);
  } else {
    start = rest.startsWith('/') ? [] : pathComponents(cwd);
  }
  const parts = [...start];
  for (const part of rest.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return '/' + parts.join('/');
}

export function dirname(absolute: string): string {
  const parts = pathComponents(absolute);
  parts.pop();
  return '/' + parts.join('/');
}

/** The last component, as coreutils' basename prints it ("/" for the root). */
export function basename(path: string): string {
  const parts = pathComponents(path);
  return parts.length === 0 ? ROOT : parts[parts.length - 1];
}

export function joinPath(dir: string, name: string): string {
  return dir === ROOT ? `/${name}` : `${dir}/${name}`;
}

/** Shows an absolute path as a prompt does: `~` for home and below it. */
export function tildePath(absolute: string, home: string): string {
  if (absolute === home) return '~';
  if (absolute.startsWith(home + '/')) return '~' + absolute.slice(home.length);
  return absolute;
}
