/**
 * Seeded randomness for everything that is not key material: ids, jitter, network delays,
 * generated quiz questions. The same seed gives the same sequence in Node, in the page and in a
 * worker, which is what lets a lesson replay exactly. Key material always comes from WebCrypto.
 *
 * Algorithm: sfc32 (Chris Doty-Humphrey's Small Fast Counter), seeded through splitmix32 so that
 * nearby seeds (1, 2, 3…) give unrelated streams.
 */
export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** Uniform float in [min, max). */
  uniform(min: number, max: number): number;
  /** Normally distributed sample (Box–Muller). */
  normal(mean: number, sd: number): number;
  /** `length` lowercase hex characters. */
  hex(length: number): string;
  /** A random RFC 4122 version-4 shaped UUID (as KMS key ids and request ids look). */
  uuid(): string;
  /** Pick one element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** An independent generator derived from this one (for sub-simulations that must not shift the parent's stream). */
  fork(): Rng;
  /** Where the stream stands now (plain numbers): `resumeRng(state)` continues it exactly (a saved sandbox). */
  state(): RngState;
}

/** The whole position of a generator: sfc32's four words and a cached normal sample. */
export interface RngState {
  words: [number, number, number, number];
  spareNormal?: number;
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export function createRng(seed: number): Rng {
  const mix = splitmix32(seed);
  const rng = resumeRng({ words: [mix(), mix(), mix(), mix()] });
  // Discard the first outputs: sfc32 mixes poorly for the first dozen steps.
  for (let i = 0; i < 12; i++) rng.next();
  return rng;
}

/** A generator that continues exactly where `state()` of another one stood. */
export function resumeRng(state: RngState): Rng {
  let [a, b, c, d] = state.words.map((word) => word >>> 0);
  const nextU32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  let spareNormal: number | undefined = state.spareNormal;
  const rng: Rng = {
    next: () => nextU32() / 4294967296,
    int: (min, max) => min + Math.floor(rng.next() * (max - min + 1)),
    uniform: (min, max) => min + rng.next() * (max - min),
    normal(mean, sd) {
      if (spareNormal !== undefined) {
        const z = spareNormal;
        spareNormal = undefined;
        return mean + sd * z;
      }
      let u = 0;
      while (u === 0) u = rng.next();
      const v = rng.next();
      const r = Math.sqrt(-2 * Math.log(u));
      spareNormal = r * Math.sin(2 * Math.PI * v);
      return mean + sd * r * Math.cos(2 * Math.PI * v);
    },
    hex(length) {
      let out = '';
      while (out.length < length) out += nextU32().toString(16).padStart(8, '0');
      return out.slice(0, length);
    },
    uuid() {
      const h = rng.hex(32);
      const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
    },
    pick: (items) => items[Math.floor(rng.next() * items.length)],
    fork: () => createRng(nextU32()),
    state: () => (spareNormal === undefined ? { words: [a, b, c, d] } : { words: [a, b, c, d], spareNormal }),
  };
  return rng;
}
