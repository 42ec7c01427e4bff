import type { UniformSource } from './fast-random';
import { createStandardNormal } from './fast-normal';

/**
 * One network leg (client → server or server → client), as Brooker's simulator models it:
 * abs(Normal(mean, sd)) ms. The post words it as "mean of 10ms and variance of 4ms" (sd 2 ms).
 * The normal is a model choice of the study ("close enough for the model comparison"); the
 * KMS load lab reuses it so that both labs speak about the same network.
 */
export const STUDY_NETWORK = { meanMs: 10, sdMs: 2 } as const;

export interface NetworkModel {
  meanMs: number;
  sdMs: number;
}

export function createLegDelay(rng: UniformSource, network: NetworkModel = STUDY_NETWORK): () => number {
  const { meanMs, sdMs } = network;
  if (!(meanMs >= 0) || !(sdMs >= 0)) throw new RangeError('network mean and sd must be non-negative ms');
  const standardNormal = createStandardNormal(rng);
  return () => Math.abs(meanMs + sdMs * standardNormal());
}
