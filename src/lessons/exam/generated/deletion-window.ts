/**
 * "Is this waiting period allowed?": ScheduleKeyDeletion with a random PendingWindowInDays; the
 * simulated KMS accepts 7 to 30 days and refuses anything else.
 */
import type { QuestionFamily } from './family.ts';
import { createSymmetricKey, examKms } from './kms-world.ts';

export interface DeletionWindowParams {
  days: number;
}

export const deletionWindow: QuestionFamily<DeletionWindowParams> = {
  id: 'deletion-window',
  topic: 'key-management',
  lessonId: 'key-management',
  refs: ['schedule-and-cancel'],
  describe: 'it calls ScheduleKeyDeletion with that waiting period in a fresh simulated KMS',
  draw: (rng) => ({ days: rng.next() < 0.5 ? rng.pick([0, 1, 6, 7, 30, 31]) : rng.int(1, 45) }),

  async question({ days }, seed) {
    const outcome = await deletionOutcome(days, seed);
    return {
      kind: 'single',
      prompt: `You call ScheduleKeyDeletion on an enabled customer managed key with PendingWindowInDays set to ${days}. What happens?`,
      options: [
        { id: 'ok', text: `The key becomes PendingDeletion and is deleted after ${days} days`, why: 'KMS accepts a waiting period of 7 to 30 days (30 if you leave it out).' },
        { id: 'ValidationException', text: 'ValidationException: the waiting period is out of range', why: 'A waiting period under 7 or over 30 days is refused before anything changes.' },
        { id: 'immediate', text: 'The key is deleted at once', why: 'KMS never deletes a key at once: there is always a waiting period, so a mistake can be cancelled.' },
        { id: 'KMSInvalidStateException', text: 'KMSInvalidStateException', why: 'That is for a key in the wrong state (already pending deletion, say); an enabled key may be scheduled.' },
      ],
      answer: outcome,
      explanation: `The waiting period must be 7 to 30 days; ${days} ${days >= 7 && days <= 30 ? 'is' : 'is not'}. While the key is PendingDeletion, CancelKeyDeletion brings it back (Disabled).`,
    };
  },
};

export async function deletionOutcome(days: number, seed: number): Promise<string> {
  const world = examKms(seed);
  const keyId = await createSymmetricKey(world);
  return world.outcome('ScheduleKeyDeletion', { KeyId: keyId, PendingWindowInDays: days });
}
