/**
 * "Will Encrypt take it?": a plaintext of a random size (often close to the 4,096-byte limit) is
 * given to Encrypt under a symmetric key; the simulated KMS accepts it or refuses it.
 */
import type { QuestionFamily } from './family.ts';
import { createSymmetricKey, examKms } from './kms-world.ts';

export interface EncryptSizeParams {
  bytes: number;
}

/** Sizes that sit on both sides of the limit, and a few far from it. */
const NEAR_LIMIT = [4095, 4096, 4097, 4100, 4000, 5000];

export const encryptSizeLimit: QuestionFamily<EncryptSizeParams> = {
  id: 'encrypt-size-limit',
  topic: 'cli-and-4kb-limit',
  lessonId: 'cli-and-4kb-limit',
  refs: ['the-4kb-limit', 'why-envelope-encryption'],
  describe: 'it calls Encrypt with a plaintext of that many bytes in a fresh simulated KMS',
  draw: (rng) => ({ bytes: rng.next() < 0.6 ? rng.pick(NEAR_LIMIT) : rng.pick([rng.int(1, 4096), rng.int(4097, 65_536)]) }),

  async question({ bytes }, seed) {
    const outcome = await encryptOutcome(bytes, seed);
    const size = bytes.toLocaleString('en-US');
    return {
      kind: 'single',
      prompt: `An application calls Encrypt directly with a symmetric KMS key and a plaintext of ${size} bytes. What does KMS answer?`,
      options: [
        { id: 'ok', text: 'The ciphertext', why: 'Encrypt takes a plaintext of up to 4,096 bytes.' },
        { id: 'ValidationException', text: 'ValidationException: the plaintext is too long', why: 'Over 4,096 bytes, Encrypt refuses the request before doing anything: use envelope encryption (GenerateDataKey) for larger data.' },
        { id: 'LimitExceededException', text: 'LimitExceededException', why: 'That is about quotas on resources (keys, grants, aliases), not the size of one plaintext.' },
        { id: 'ThrottlingException', text: 'ThrottlingException', why: 'Throttling is about the request rate, not the size of one request.' },
      ],
      answer: outcome,
      explanation: `${size} bytes is ${bytes <= 4096 ? 'within' : 'over'} Encrypt's limit of 4,096 bytes of plaintext. Larger data is encrypted locally with a data key (envelope encryption).`,
    };
  },
};

export async function encryptOutcome(bytes: number, seed: number): Promise<string> {
  const world = examKms(seed);
  const keyId = await createSymmetricKey(world);
  return world.outcome('Encrypt', { KeyId: keyId, Plaintext: new Uint8Array(bytes) });
}
