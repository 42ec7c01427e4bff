/**
 * "What is the monthly bill?": a random number of customer managed keys and symmetric requests a
 * month, priced by the traffic simulator's KMS price model (src/sim/traffic/kms-pricing.ts).
 */
import { KMS_PRICING, monthlyKmsBill } from '../../../sim/traffic/kms-pricing.ts';
import { numberOptions, type QuestionFamily } from './family.ts';

export interface MonthlyPriceParams {
  keys: number;
  requests: number;
}

const REQUEST_COUNTS = [8_000, 20_000, 45_000, 120_000, 500_000, 1_000_000, 2_020_000, 10_000_000];

export const usd = (amount: number): string => `$${amount.toFixed(2)}`;

export const monthlyPrice: QuestionFamily<MonthlyPriceParams> = {
  id: 'monthly-price',
  topic: 'key-types',
  lessonId: 'key-types',
  refs: ['price-and-quotas'],
  describe: "it prices the month with the traffic simulator's KMS price model",
  draw: (rng) => ({ keys: rng.int(1, 6), requests: rng.pick(REQUEST_COUNTS) }),

  async question({ keys, requests }) {
    const bill = monthlyKmsBill(requests, keys);
    const noFreeTier = keys * KMS_PRICING.usdPerKeyMonth + (requests * KMS_PRICING.usdPer10kSymmetricRequests) / 10_000;
    const { options, answer } = numberOptions(
      Math.round(bill.totalUsd * 100),
      [Math.round(noFreeTier * 100), Math.round(bill.requestUsd * 100), keys * 100, Math.round((bill.totalUsd + keys) * 100)],
      (cents) => usd(cents / 100),
      (cents) =>
        cents === Math.round(bill.totalUsd * 100)
          ? `Right: ${keys} × $1 for the keys plus ${usd(bill.requestUsd)} for the requests beyond the free 20,000.`
          : 'Not this: count $1 per customer managed key a month, and $0.03 per 10,000 requests after the first 20,000 free ones.',
    );
    return {
      kind: 'single',
      prompt: `An account has ${keys} customer managed ${keys === 1 ? 'key' : 'keys'} and makes ${requests.toLocaleString('en-US')} symmetric requests (Encrypt, Decrypt, GenerateDataKey) to them in a month. What does KMS cost for that month, in the model the lessons use?`,
      options,
      answer,
      explanation: `Keys: ${keys} × $1 = ${usd(bill.keyUsd)}. Requests: max(0, ${requests.toLocaleString('en-US')} − 20,000) × $0.03 / 10,000 = ${usd(bill.requestUsd)}. Total ${usd(bill.totalUsd)}. AWS managed keys would cost nothing a month; the free tier counts across all Regions.`,
    };
  },
};
