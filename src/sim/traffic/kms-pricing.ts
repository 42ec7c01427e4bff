/**
 * KMS prices for the cost charts (reference/backoff.md §5, aws.amazon.com/kms/pricing):
 * symmetric requests (Encrypt, Decrypt, GenerateDataKey, …) cost $0.03 per 10,000, the first 20,000
 * requests a month are free (counted across all Regions together), and each customer managed key
 * costs $1 per month. Asymmetric and key-pair request prices were not verified, so the charts keep to
 * symmetric requests. A month is 30 days, as in the reference's worked example.
 */
export const KMS_PRICING = Object.freeze({
  usdPer10kSymmetricRequests: 0.03,
  freeRequestsPerMonth: 20_000,
  usdPerKeyMonth: 1,
});

export const SECONDS_PER_MONTH = 30 * 24 * 3600;

/** max(0, R − 20,000) × 0.03 / 10,000 dollars for R symmetric requests in a month. */
export function monthlyRequestCostUsd(requestsPerMonth: number): number {
  return (Math.max(0, requestsPerMonth - KMS_PRICING.freeRequestsPerMonth) * KMS_PRICING.usdPer10kSymmetricRequests) / 10_000;
}

export interface MonthlyKmsBill {
  requests: number;
  requestUsd: number;
  keyUsd: number;
  totalUsd: number;
}

export function monthlyKmsBill(requestsPerMonth: number, customerManagedKeys = 1): MonthlyKmsBill {
  const requestUsd = monthlyRequestCostUsd(requestsPerMonth);
  const keyUsd = customerManagedKeys * KMS_PRICING.usdPerKeyMonth;
  return { requests: requestsPerMonth, requestUsd, keyUsd, totalUsd: requestUsd + keyUsd };
}
