/**
 * The price calculator of the last step: a month of keys, rotations and requests, line by line.
 * Every price comes from the traffic simulator's pricing module (src/sim/traffic/kms-pricing.ts),
 * the one the labs' cost charts use; only the rotation rule is added here: since April 2024 each
 * of the first two rotations of a key adds one more key-month, later rotations are free.
 */
import { KMS_PRICING, monthlyKmsBill } from '../../src/sim/traffic/kms-pricing';

export interface PriceInput {
  customerManagedKeys: number;
  rotationsPerKey: number;
  symmetricRequests: number;
  asymmetricRequests: number;
}

export interface PriceLine {
  item: string;
  /** How the amount was reached, in words. */
  detail: string;
  /** Dollars a month; absent when KMS Lab does not price the line. */
  usd?: number;
}

export interface PriceEstimate {
  input: PriceInput;
  lines: PriceLine[];
  totalUsd: number;
}

/** Rotations of one key that are billed: the first and the second. */
export const BILLED_ROTATIONS_PER_KEY = 2;

const count = (n: number) => n.toLocaleString('en-US');
export const dollars = (usd: number) => `$${usd.toFixed(2)}`;

export function estimateMonthlyPrice(input: PriceInput): PriceEstimate {
  const bill = monthlyKmsBill(input.symmetricRequests, input.customerManagedKeys);
  const billedRotations = input.customerManagedKeys * Math.min(BILLED_ROTATIONS_PER_KEY, input.rotationsPerKey);
  const rotationUsd = billedRotations * KMS_PRICING.usdPerKeyMonth;
  const free = KMS_PRICING.freeRequestsPerMonth;
  const billedRequests = Math.max(0, input.symmetricRequests - free);
  const lines: PriceLine[] = [
    { item: 'Customer managed keys', detail: `${count(input.customerManagedKeys)} × ${dollars(KMS_PRICING.usdPerKeyMonth)} a month`, usd: bill.keyUsd },
    {
      item: 'Rotated key versions',
      detail: `${count(input.customerManagedKeys)} × ${Math.min(BILLED_ROTATIONS_PER_KEY, input.rotationsPerKey)} billed rotation(s) × ${dollars(KMS_PRICING.usdPerKeyMonth)} (only the first ${BILLED_ROTATIONS_PER_KEY} rotations of a key are billed)`,
      usd: rotationUsd,
    },
    {
      item: 'Symmetric requests',
      detail: `${count(input.symmetricRequests)} − ${count(free)} free = ${count(billedRequests)} billed × ${dollars(KMS_PRICING.usdPer10kSymmetricRequests)} per 10,000`,
      usd: bill.requestUsd,
    },
    {
      item: 'Asymmetric and other requests',
      detail: `${count(input.asymmetricRequests)} requests: not priced — AWS charges them at higher rates than symmetric ones, which KMS Lab has not verified; see the pricing page`,
    },
  ];
  // Cents, so that 0.1 + 0.2 style sums print as the bill would.
  const totalUsd = Math.round((bill.totalUsd + rotationUsd) * 100) / 100;
  return { input, lines, totalUsd };
}
