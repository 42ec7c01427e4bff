/**
 * "How many GenerateDataKey calls?": an application encrypts messages at a steady rate through the
 * Encryption SDK's data key cache (random rate, run length, maximum age and message limit); the
 * traffic simulator's caching model counts the calls (src/sim/traffic/caching-sim.ts).
 */
import { simulateCaching } from '../../../sim/traffic/caching-sim.ts';
import { numberOptions, type QuestionFamily } from './family.ts';

export interface DataKeyCacheParams {
  messagesPerSecond: number;
  seconds: number;
  maxAgeSeconds: number;
  /** The cache's maxMessagesEncrypted, or undefined for the SDK's default (2^32). */
  maxMessages?: number;
}

export const generateDataKeyCalls = (p: DataKeyCacheParams): number =>
  simulateCaching({
    messagesPerSecond: p.messagesPerSecond,
    durationMs: p.seconds * 1000,
    maxAgeMs: p.maxAgeSeconds * 1000,
    ...(p.maxMessages !== undefined ? { maxMessages: p.maxMessages } : {}),
  }).generateDataKeyWithCaching;

export const dataKeyCache: QuestionFamily<DataKeyCacheParams> = {
  id: 'data-key-cache',
  topic: 'quotas-and-backoff',
  lessonId: 'quotas-and-backoff',
  refs: ['data-key-caching'],
  describe: "it runs the traffic simulator's model of the Encryption SDK's caching materials manager",
  draw: (rng) => ({
    messagesPerSecond: rng.pick([2, 5, 10, 20, 50]),
    seconds: rng.pick([10, 30, 60, 120]),
    maxAgeSeconds: rng.pick([5, 10, 15, 30, 60, 300]),
    ...(rng.next() < 0.5 ? { maxMessages: rng.pick([10, 25, 100, 1000]) } : {}),
  }),

  async question(params) {
    const right = generateDataKeyCalls(params);
    const messages = params.messagesPerSecond * params.seconds;
    const { options, answer } = numberOptions(
      right,
      [messages, Math.ceil(params.seconds / params.maxAgeSeconds), 1, Math.ceil(messages / (params.maxMessages ?? messages))],
      (n) => n.toLocaleString('en-US'),
      (n) =>
        n === right
          ? 'Right: a cached data key is reused until it is older than the maximum age or has encrypted the maximum number of messages; then the next message asks KMS for a new one.'
          : n === messages
            ? 'That is one call per message: what happens without a cache.'
            : 'Not this: count how many times a cached key expires (by age or by message count) during the run, plus the first call.',
    );
    const limit = params.maxMessages === undefined ? 'no message limit' : `at most ${params.maxMessages} messages per data key`;
    return {
      kind: 'single',
      prompt: `An application encrypts ${params.messagesPerSecond} messages a second, evenly spaced, for ${params.seconds} seconds, all with the same encryption context, through the AWS Encryption SDK with a data key cache (maximum age ${params.maxAgeSeconds} s, ${limit}). How many GenerateDataKey calls reach KMS?`,
      options,
      answer,
      explanation: `${messages.toLocaleString('en-US')} messages without a cache would be ${messages.toLocaleString('en-US')} calls. With the cache, a data key serves messages until it is older than ${params.maxAgeSeconds} s${params.maxMessages === undefined ? '' : ` or has encrypted ${params.maxMessages} messages`}: ${right.toLocaleString('en-US')} calls.`,
    };
  },
};
