/** The browser's storage for exam attempts, or none when the browser refuses it (private modes, iframes). */
import type { ProgressStorage } from '../../lessons/progress/index';

export function browserStorage(): ProgressStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/** A fresh seed for a new attempt's draw: any 31-bit number. */
export function randomSeed(): number {
  const words = new Uint32Array(1);
  crypto.getRandomValues(words);
  return (words[0]! & 0x7fffffff) || 1;
}
