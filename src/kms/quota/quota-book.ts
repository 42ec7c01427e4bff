import type { ModelClock } from '../../sim/core/clock.ts';
import type { QuotaFamily } from '../operations/shape.ts';
import { createTokenBucket, type TokenBucket } from './token-bucket.ts';
import { bucketName, defaultRate } from './default-rates.ts';

/**
 * One token bucket per quota family per account per Region, created on first use with AWS's
 * default rate. Buckets refill in MODEL time: a clock that never advances never refills, which is
 * exactly how a lesson shows a burst being throttled. `setRate` lets a lesson lower a quota.
 */
export class QuotaBook {
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly overrides = new Map<string, number>(); // by bucket name (every account/Region)
  enabled: boolean;

  constructor(private readonly clock: ModelClock, enabled = true) {
    this.enabled = enabled;
  }

  private bucket(accountId: string, region: string, family: QuotaFamily | string): TokenBucket {
    const name = bucketName(family);
    const id = `${accountId}/${region}/${name}`;
    let bucket = this.buckets.get(id);
    if (!bucket) {
      bucket = createTokenBucket(this.overrides.get(name) ?? defaultRate(name, region), this.clock.now());
      this.buckets.set(id, bucket);
    }
    return bucket;
  }

  /** False when the call must be throttled. */
  tryTake(accountId: string, region: string, family: QuotaFamily | string): boolean {
    if (!this.enabled) return true;
    return this.bucket(accountId, region, family).tryTake(this.clock.now());
  }

  /** Sets the rate of a family in every account and Region (existing buckets follow at once). */
  setRate(family: QuotaFamily | string, ratePerSecond: number): void {
    const name = bucketName(family);
    this.overrides.set(name, ratePerSecond);
    for (const [id, bucket] of this.buckets) if (id.endsWith(`/${name}`)) bucket.setRate(ratePerSecond, this.clock.now());
  }

  rateOf(family: QuotaFamily | string, region: string): number {
    const name = bucketName(family);
    return this.overrides.get(name) ?? defaultRate(name, region);
  }

  available(accountId: string, region: string, family: QuotaFamily | string): number {
    return this.bucket(accountId, region, family).available(this.clock.now());
  }
}
