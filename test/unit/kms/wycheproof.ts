import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The Wycheproof vectors live in ../shared/vectors/wycheproof/ beside the repo (locally and in CI). */
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const VECTORS_DIR = resolve(repoRoot, '../shared/vectors/wycheproof');

export interface WycheproofTest {
  tcId: number;
  comment: string;
  flags: string[];
  result: 'valid' | 'invalid' | 'acceptable';
  [field: string]: unknown;
}

export interface WycheproofGroup {
  type: string;
  tests: WycheproofTest[];
  [field: string]: unknown;
}

export function loadVectors(file: string): { numberOfTests: number; testGroups: WycheproofGroup[] } {
  return JSON.parse(readFileSync(resolve(VECTORS_DIR, file), 'utf8'));
}

export function hex(value: unknown): Uint8Array<ArrayBuffer> {
  const s = String(value);
  const out = new Uint8Array(s.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(s.slice(2 * i, 2 * i + 2), 16);
  return out;
}
