import type { UniformSource } from './fast-random';
import { fillAbsNormals } from './fast-normal';

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

const BATCH = 4096;

/**
 * Leg delays drawn 4,096 at a time into a Float64Array. The study sweep
 * takes about 60 million legs: reading them from a typed array lets the JIT inline `next()` into the
 * event loop and keeps every delay an unboxed double, where a closure call per leg allocated a heap
 * number each time. Draw order is unchanged: legs come out in the order they were drawn.
 */
export class LegDelays {
  private readonly buffer = new Float64Array(BATCH);
  private index = BATCH;

  constructor(
    private readonly rng: UniformSource,
    private readonly network: NetworkModel = STUDY_NETWORK,
  ) {
    if (!(network.meanMs >= 0) || !(network.sdMs >= 0)) throw new RangeError('network mean and sd must be non-negative ms');
  }

  next(): number {
    if (this.index === BATCH) this.refill();
    return this.buffer[this.index++];
  }

  private refill(): void {
    fillAbsNormals(this.buffer, this.network.meanMs, this.network.sdMs, this.rng);
    this.index = 0;
  }
}
