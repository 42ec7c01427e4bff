// Finds Debian's Chromium for the browser tests (Playwright never downloads a browser here).
// When it is missing and we run as root on Debian/Ubuntu, installs it with apt; otherwise says how.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export function ensureChromium() {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(path)) return path;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('== Chromium is missing: installing Debian\'s chromium package with apt-get');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
    if (existsSync(path)) return path;
  }
  console.log(
    `!! Chromium not found at ${path}. The browser tests need it:\n` +
      '   Debian/Ubuntu: sudo apt-get install -y chromium\n' +
      '   elsewhere: install Chromium and run with CHROMIUM_PATH=/path/to/chromium npm test',
  );
  return undefined;
}
