import { describe, expect, it } from 'vitest';
import { cacheName, cachePrefix, precacheRoute } from '../../../src/ui/offline/worker/precache-routes';

const scope = new URL('https://courses.example/security/kms-lab/');
const manifest = new Set(['index.html', 'embed.html', 'embed.js', 'favicon.svg', 'assets/main-AbC123.js', 'assets/worker-XyZ.js']);
const route = (href: string) => precacheRoute(new URL(href), scope, manifest);

describe('precacheRoute', () => {
  it('answers the folder itself with index.html, from the network first', () => {
    expect(route('https://courses.example/security/kms-lab/')).toEqual({ file: 'index.html', strategy: 'network-first' });
    expect(route('https://courses.example/security/kms-lab/index.html?x=1')).toEqual({ file: 'index.html', strategy: 'network-first' });
  });

  it('serves hashed assets from the cache first and files with stable names from the network first', () => {
    expect(route('https://courses.example/security/kms-lab/assets/main-AbC123.js')?.strategy).toBe('cache-first');
    expect(route('https://courses.example/security/kms-lab/assets/worker-XyZ.js')?.strategy).toBe('cache-first');
    expect(route('https://courses.example/security/kms-lab/embed.js')?.strategy).toBe('network-first');
    expect(route('https://courses.example/security/kms-lab/embed.html?mode=quiz#/lessons/x')).toEqual({ file: 'embed.html', strategy: 'network-first' });
  });

  it("looks for hashed files of another version (the waiting one's) in the cache too", () => {
    expect(route('https://courses.example/security/kms-lab/assets/next-chunk-999.js')).toEqual({ file: 'assets/next-chunk-999.js', strategy: 'cache-first' });
  });

  it('leaves alone what the build does not contain, other folders and other origins', () => {
    expect(route('https://courses.example/security/kms-lab/notes.txt')).toBeUndefined();
    expect(route('https://courses.example/security/kms-lab/embed-old.html')).toBeUndefined();
    expect(route('https://courses.example/security/kms-lab/sw.js')).toBeUndefined();
    expect(route('https://courses.example/security/index.html')).toBeUndefined();
    expect(route('https://courses.example/security/kms-lab-2/index.html')).toBeUndefined();
    expect(route('https://other.example/security/kms-lab/index.html')).toBeUndefined();
  });
});

describe('cache names', () => {
  it('carry the folder, so two copies of the app on one origin keep their own caches', () => {
    const a = cacheName('https://h.example/a/', 'v1');
    const b = cacheName('https://h.example/b/', 'v1');
    expect(a).not.toBe(b);
    expect(a.startsWith(cachePrefix('https://h.example/a/'))).toBe(true);
    expect(b.startsWith(cachePrefix('https://h.example/a/'))).toBe(false);
    expect(cacheName('https://h.example/a/', 'v2')).not.toBe(a);
  });
});
