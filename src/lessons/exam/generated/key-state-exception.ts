/**
 * "Which exception?": a key is put into a random state (enabled, disabled, pending deletion, deleted
 * after its waiting period, or the id of a key that never existed) and a random cryptographic call
 * is made; the simulated KMS says what happens.
 */
import type { QuestionFamily } from './family.ts';
import { createSymmetricKey, examKms } from './kms-world.ts';

export const KEY_SITUATIONS = ['enabled', 'disabled', 'pending-deletion', 'deleted', 'never-existed', 're-enabled'] as const;
export type KeySituation = (typeof KEY_SITUATIONS)[number];
export const CRYPTO_CALLS = ['Encrypt', 'GenerateDataKey', 'Decrypt'] as const;

export interface KeyStateParams {
  situation: KeySituation;
  operation: (typeof CRYPTO_CALLS)[number];
  pendingDays: number;
}

const STORY: Record<KeySituation, (days: number) => string> = {
  enabled: () => 'You create a symmetric key and use it straight away.',
  disabled: () => 'You create a symmetric key, encrypt with it, then call DisableKey.',
  'pending-deletion': (days) => `You create a symmetric key, encrypt with it, then call ScheduleKeyDeletion with a ${days}-day waiting period. The next day someone uses the key.`,
  deleted: (days) => `You create a symmetric key, encrypt with it, then call ScheduleKeyDeletion with a ${days}-day waiting period. ${days + 1} days later someone uses the key.`,
  'never-existed': () => 'A script uses a well-formed key id that no key in the account (or Region) has ever had.',
  're-enabled': (days) => `You schedule a symmetric key's deletion (${days} days), cancel it the next day, then call EnableKey.`,
};

export const OUTCOMES = [
  { id: 'ok', text: 'The call succeeds', why: 'Only an Enabled key can be used for cryptographic operations.' },
  { id: 'DisabledException', text: 'DisabledException', why: 'KMS answers DisabledException when the key is Disabled: EnableKey makes it usable again.' },
  { id: 'KMSInvalidStateException', text: 'KMSInvalidStateException', why: 'KMS answers KMSInvalidStateException when the key is in a state that forbids the call, such as PendingDeletion.' },
  { id: 'NotFoundException', text: 'NotFoundException', why: 'KMS answers NotFoundException when there is no such key: never created, or deleted after its waiting period.' },
] as const;

export const keyStateException: QuestionFamily<KeyStateParams> = {
  id: 'key-state-exception',
  topic: 'key-management',
  lessonId: 'key-management',
  refs: ['disable-and-enable', 'schedule-and-cancel', 'deleted-for-good'],
  describe: 'it puts a new key in that state in a fresh simulated KMS and makes the call',
  draw: (rng) => ({ situation: rng.pick(KEY_SITUATIONS), operation: rng.pick(CRYPTO_CALLS), pendingDays: rng.int(7, 30) }),

  async question(params, seed) {
    const outcome = await keyStateOutcome(params, seed);
    return {
      kind: 'single',
      prompt: `${STORY[params.situation](params.pendingDays)} What happens when ${params.operation} is called with that key id?`,
      options: OUTCOMES.map((option) => ({ ...option })),
      answer: outcome,
      explanation: `The call ${outcome === 'ok' ? 'succeeds' : `fails with ${outcome}`}. Disabled keys answer DisabledException; keys pending deletion answer KMSInvalidStateException; a deleted key is gone, so its id is not found.`,
    };
  },
};

/** Runs the story in a fresh KMS; the answer is the call's outcome. */
export async function keyStateOutcome({ situation, operation, pendingDays }: KeyStateParams, seed: number): Promise<string> {
  const world = examKms(seed);
  const keyId = situation === 'never-existed' ? '1234abcd-12ab-34cd-56ef-1234567890ab' : await createSymmetricKey(world);
  // A Decrypt needs a ciphertext made while the key was still enabled.
  const ciphertext =
    situation === 'never-existed'
      ? new Uint8Array(200).fill(7)
      : ((await world.call('Encrypt', { KeyId: keyId, Plaintext: new Uint8Array([1, 2, 3]) })).CiphertextBlob as Uint8Array);
  if (situation === 'disabled') await world.call('DisableKey', { KeyId: keyId });
  if (situation === 'pending-deletion' || situation === 'deleted' || situation === 're-enabled') {
    await world.call('ScheduleKeyDeletion', { KeyId: keyId, PendingWindowInDays: pendingDays });
    await world.advanceDays(situation === 'deleted' ? pendingDays + 1 : 1);
  }
  if (situation === 're-enabled') {
    await world.call('CancelKeyDeletion', { KeyId: keyId });
    await world.call('EnableKey', { KeyId: keyId });
  }
  const input =
    operation === 'Decrypt'
      ? { KeyId: keyId, CiphertextBlob: ciphertext }
      : operation === 'Encrypt'
        ? { KeyId: keyId, Plaintext: new Uint8Array([4, 5, 6]) }
        : { KeyId: keyId, KeySpec: 'AES_256' };
  return world.outcome(operation, input);
}
