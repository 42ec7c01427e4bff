/**
 * "What state is the key in now?": a random sequence of lifecycle calls (DisableKey, EnableKey,
 * ScheduleKeyDeletion, CancelKeyDeletion) on a new key. Some of them are refused in the state the
 * key is in by then; the simulated KMS applies what it accepts and DescribeKey gives the answer.
 */
import type { QuestionFamily } from './family.ts';
import { createSymmetricKey, examKms } from './kms-world.ts';

export const LIFECYCLE_CALLS = ['DisableKey', 'EnableKey', 'ScheduleKeyDeletion', 'CancelKeyDeletion'] as const;
export type LifecycleCall = (typeof LIFECYCLE_CALLS)[number];

export interface KeyLifecycleParams {
  calls: LifecycleCall[];
}

/** The key's state after the calls, and which calls were refused (by the exception KMS gave). */
export async function lifecycleOutcome(calls: readonly LifecycleCall[], seed: number): Promise<{ state: string; refused: string[] }> {
  const world = examKms(seed);
  const keyId = await createSymmetricKey(world);
  const refused: string[] = [];
  for (const operation of calls) {
    const input = operation === 'ScheduleKeyDeletion' ? { KeyId: keyId, PendingWindowInDays: 30 } : { KeyId: keyId };
    const outcome = await world.outcome(operation, input);
    if (outcome !== 'ok') refused.push(`${operation} (${outcome})`);
  }
  const { KeyMetadata } = (await world.call('DescribeKey', { KeyId: keyId })) as { KeyMetadata: { KeyState: string } };
  return { state: KeyMetadata.KeyState, refused };
}

export const keyLifecycleState: QuestionFamily<KeyLifecycleParams> = {
  id: 'key-lifecycle-state',
  topic: 'key-management',
  lessonId: 'key-management',
  refs: ['schedule-and-cancel', 'disable-and-enable'],
  describe: "it makes those calls on a new key in a fresh simulated KMS and reads the key's state with DescribeKey",
  draw: (rng) => ({ calls: Array.from({ length: rng.int(2, 4) }, () => rng.pick(LIFECYCLE_CALLS)) }),

  async question({ calls }, seed) {
    const { state, refused } = await lifecycleOutcome(calls, seed);
    return {
      kind: 'single',
      prompt: `You create a symmetric KMS key (it starts Enabled) and then call, in this order: ${calls.join(', ')} (deletion with a 30-day waiting period). Calls KMS refuses change nothing. What is the key's state afterwards?`,
      options: [
        { id: 'Enabled', text: 'Enabled', why: 'A new key is Enabled; EnableKey brings a Disabled key back.' },
        { id: 'Disabled', text: 'Disabled', why: 'DisableKey makes a key Disabled, and so does CancelKeyDeletion: a cancelled deletion leaves the key Disabled.' },
        { id: 'PendingDeletion', text: 'PendingDeletion', why: 'ScheduleKeyDeletion makes the key PendingDeletion until the waiting period ends or CancelKeyDeletion.' },
        { id: 'Deleted', text: 'Deleted', why: 'Nothing is deleted before the waiting period (here 30 days) has passed.' },
      ],
      answer: state,
      explanation: `The key ends ${state}. ${refused.length ? `KMS refused ${refused.join(', ')}: ` : ''}EnableKey and DisableKey are refused while a key is PendingDeletion, CancelKeyDeletion only applies to a key pending deletion, and cancelling leaves the key Disabled.`,
    };
  },
};
