/**
 * A fast standard-normal sampler on top of the seeded Rng: Marsaglia and Tsang's ziggurat method
 * ("The Ziggurat Method for Generating Random Variables", J. Stat. Software 5(8), 2000; 128 layers).
 *
 * Why not Rng.normal (Box–Muller)? The study sweep draws about 60 million network delays; Box–Muller
 * costs a logarithm, a square root, a sine and a cosine per pair, while the ziggurat needs one uniform
 * draw and a table lookup 98.8% of the time. Both sample the same distribution. Like the paper's RNOR,
 * one 32-bit draw supplies both the layer (low 7 bits) and the value; the small correlation this
 * leaves is far below anything a network-delay model can show.
 */
import type { UniformSource } from './fast-random';

const LAYERS = 128;
const R = 3.442619855899; // start of the tail
const M1 = 2147483648; // 2^31
const kn = new Float64Array(LAYERS);
const wn = new Float64Array(LAYERS);
const fn = new Float64Array(LAYERS);

(function buildTables() {
  const vn = 9.91256303526217e-3; // area of each layer
  let dn = R;
  let tn = dn;
  const q = vn / Math.exp(-0.5 * dn * dn);
  kn[0] = (dn / q) * M1;
  kn[1] = 0;
  wn[0] = q / M1;
  wn[LAYERS - 1] = dn / M1;
  fn[0] = 1;
  fn[LAYERS - 1] = Math.exp(-0.5 * dn * dn);
  for (let i = LAYERS - 2; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(vn / dn + Math.exp(-0.5 * dn * dn)));
    kn[i + 1] = (dn / tn) * M1;
    tn = dn;
    fn[i] = Math.exp(-0.5 * dn * dn);
    wn[i] = dn / M1;
  }
})();

/** Returns a function drawing N(0, 1) samples from `rng`'s stream. */
export function createStandardNormal(rng: UniformSource): () => number {
  // next() is a 32-bit integer divided by 2^32 (both the shared Rng and the fast stream), so this
  // recovers it exactly, as a signed int32.
  const int32 = () => (rng.next() * 4294967296) | 0;
  const uniformOpen = () => 1 - rng.next(); // (0, 1]: safe for log

  const slowPath = (hz: number, iz: number): number => {
    for (;;) {
      const x = hz * wn[iz];
      if (iz === 0) {
        // The tail beyond R, by Marsaglia's exponential rejection.
        let tx: number;
        let ty: number;
        do {
          tx = -Math.log(uniformOpen()) / R;
          ty = -Math.log(uniformOpen());
        } while (ty + ty < tx * tx);
        return hz > 0 ? R + tx : -R - tx;
      }
      if (fn[iz] + rng.next() * (fn[iz - 1] - fn[iz]) < Math.exp(-0.5 * x * x)) return x;
      hz = int32();
      iz = hz & (LAYERS - 1);
      if (Math.abs(hz) < kn[iz]) return hz * wn[iz];
    }
  };

  return () => {
    const hz = int32();
    const iz = hz & (LAYERS - 1);
    return Math.abs(hz) < kn[iz] ? hz * wn[iz] : slowPath(hz, iz);
  };
}
