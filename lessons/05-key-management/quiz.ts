/**
 * Exam-style questions on key management. Where the scenario can answer (which exception, which
 * state, whether an old ciphertext decrypts, the shortest window KMS accepts), the answer is
 * computed by running it, so the quiz cannot disagree with what the lesson shows.
 */
import { defineQuiz, type QuizEngine, type ScenarioEvent } from '../../src/lessons/types';
import type { KeyManagementState } from './scenario';

/** A fresh world with the lesson's seed, after dispatching `events` in order. */
async function run(engine: QuizEngine, ...events: ScenarioEvent[]) {
  const { instance } = await engine.createScenario();
  for (const event of events) await instance.dispatch(event);
  return instance.state as KeyManagementState;
}

const CREATED: ScenarioEvent[] = [{ type: 'create-key' }];
const lastAnswer = (state: KeyManagementState, operation: string) => state.history.filter((a) => a.operation === operation).at(-1);

export default defineQuiz([
  {
    id: 'disabled-encrypt',
    kind: 'single',
    prompt: 'An administrator disables a customer managed key. An application then calls Encrypt with it. What does KMS answer?',
    refs: ['disable-and-enable'],
    options: [
      { id: 'disabled', text: 'DisabledException', why: 'Right: a disabled key refuses every cryptographic operation with DisabledException until EnableKey.' },
      { id: 'invalid-state', text: 'KMSInvalidStateException', why: 'That is the answer for a key pending deletion or pending import, not for a disabled one.' },
      { id: 'not-found', text: 'NotFoundException', why: 'The key still exists; only a deleted key (or a wrong id) is not found.' },
      { id: 'ok', text: 'It succeeds: disabling only stops Decrypt', why: 'Disabling stops Encrypt, Decrypt and every other cryptographic operation.' },
    ],
    answer: {
      describe: 'creates the key, disables it and asks KMS to encrypt with it',
      async compute(engine) {
        const state = await run(engine, ...CREATED, { type: 'switch', operation: 'DisableKey' }, { type: 'switch', operation: 'Encrypt' });
        const answer = lastAnswer(state, 'Encrypt')?.answer;
        return answer === 'DisabledException' ? 'disabled' : answer === 'KMSInvalidStateException' ? 'invalid-state' : answer === 'ok' ? 'ok' : 'not-found';
      },
    },
    explanation: 'DisableKey is the reversible off switch: the key, its policy and material stay, and every cryptographic call fails with DisabledException until EnableKey.',
  },
  {
    id: 'pending-deletion-exception',
    kind: 'single',
    prompt: 'A key is scheduled for deletion in 30 days. A forgotten batch job calls Decrypt with a ciphertext made under it. What does the job get?',
    refs: ['schedule-and-cancel'],
    options: [
      { id: 'invalid-state', text: 'KMSInvalidStateException', why: 'Right: a key pending deletion cannot be used; the refusal is logged in CloudTrail, which is how you find forgotten users.' },
      { id: 'disabled', text: 'DisabledException', why: 'That is for a disabled key. A key pending deletion is in its own state, PendingDeletion.' },
      { id: 'ok', text: 'The plaintext: the key works until the window ends', why: 'No: the key is unusable from the moment the deletion is scheduled.' },
      { id: 'access-denied', text: 'AccessDeniedException', why: 'Permissions are unchanged; it is the key state that refuses.' },
    ],
    answer: {
      describe: 'schedules the deletion with a 7-day window and asks KMS to encrypt with the key',
      async compute(engine) {
        const state = await run(engine, ...CREATED, { type: 'deletion', operation: 'ScheduleKeyDeletion', days: 7 }, { type: 'deletion', operation: 'Encrypt' });
        const answer = lastAnswer(state, 'Encrypt')?.answer;
        return answer === 'KMSInvalidStateException' ? 'invalid-state' : answer === 'DisabledException' ? 'disabled' : answer === 'ok' ? 'ok' : 'access-denied';
      },
    },
    explanation: 'While a key is PendingDeletion every cryptographic operation fails with KMSInvalidStateException. A CloudWatch alarm on those CloudTrail events warns you that something still needs the key, in time to cancel.',
  },
  {
    id: 'state-after-cancel',
    kind: 'single',
    prompt: 'You cancel the scheduled deletion of a key that was Enabled before it was scheduled. In which state is the key afterwards?',
    refs: ['schedule-and-cancel'],
    options: [
      { id: 'Disabled', text: 'Disabled', why: 'Right: CancelKeyDeletion leaves the key Disabled; you must call EnableKey to use it again.' },
      { id: 'Enabled', text: 'Enabled, as before', why: 'A common assumption, but KMS does not restore the earlier state.' },
      { id: 'PendingDeletion', text: 'PendingDeletion until the original date', why: 'Cancelling ends the pending deletion at once.' },
      { id: 'PendingImport', text: 'PendingImport', why: 'That state is for keys waiting for imported material.' },
    ],
    answer: {
      describe: 'schedules the deletion, cancels it, and reads the key state KMS reports',
      async compute(engine) {
        const state = await run(engine, ...CREATED, { type: 'deletion', operation: 'ScheduleKeyDeletion', days: 7 }, { type: 'deletion', operation: 'CancelKeyDeletion' });
        return state.keyState ?? 'unknown';
      },
    },
    explanation: 'CancelKeyDeletion returns the key to Disabled, whatever its state was before. Enable it explicitly once you are sure it should be used again.',
  },
  {
    id: 'minimum-window',
    kind: 'single',
    prompt: 'What is the shortest waiting period ScheduleKeyDeletion accepts for a KMS key?',
    refs: ['schedule-and-cancel', 'deleted-for-good'],
    options: [
      { id: '0', text: 'None: PendingWindowInDays 0 deletes at once', why: 'KMS never deletes a key immediately; there is always a waiting period.' },
      { id: '1', text: '1 day', why: 'Too short: KMS answers a ValidationException below 7.' },
      { id: '7', text: '7 days', why: 'Right: the waiting period is 7 to 30 days, 30 by default.' },
      { id: '30', text: '30 days', why: '30 is the default and the maximum, not the minimum.' },
    ],
    answer: {
      describe: 'tries ScheduleKeyDeletion with 1 to 30 days in fresh worlds and keeps the shortest KMS accepts',
      async compute(engine) {
        for (const days of [1, 6, 7]) {
          const state = await run(engine, ...CREATED, { type: 'deletion', operation: 'ScheduleKeyDeletion', days });
          if (lastAnswer(state, 'ScheduleKeyDeletion')?.answer === 'ok') return String(days);
        }
        return '30';
      },
    },
    explanation: 'ScheduleKeyDeletion takes PendingWindowInDays from 7 to 30 (default 30). The window exists so that mistakes can be cancelled: deletion itself is irreversible.',
  },
  {
    id: 'old-ciphertext-after-rotation',
    kind: 'single',
    prompt: 'Automatic rotation is enabled on a customer managed key. A year later, can data encrypted before the rotation still be decrypted, and how?',
    refs: ['automatic-rotation'],
    options: [
      { id: 'yes-same-call', text: 'Yes, with the same Decrypt call: KMS keeps the old backing key and uses it', why: 'Right: KMS keeps every backing key version of the key and picks the one the ciphertext names.' },
      { id: 'reencrypt-first', text: 'Only after ReEncrypt under the new version', why: 'ReEncrypt is optional: it moves data to new material but is not needed to read it.' },
      { id: 'new-key-id', text: 'Yes, but with the new key ID the rotation created', why: 'Rotation keeps the key ID and ARN; only the backing material changes.' },
      { id: 'no', text: 'No: rotation replaces the key material', why: 'Old material is never discarded while the key exists.' },
    ],
    answer: {
      describe: 'rotates the key over a model year and decrypts the record encrypted before',
      async compute(engine) {
        const state = await run(engine, ...CREATED, { type: 'rotate' });
        const r = state.rotation;
        return r?.oldDecrypt.ok && r.oldDecrypt.keyMaterialId === r.firstMaterialId ? 'yes-same-call' : 'no';
      },
    },
    explanation: 'Rotation adds backing key material; the key ID, ARN, alias and policy stay. Old ciphertexts decrypt with the material they were made with, new ones use the newest.',
  },
  {
    id: 'versions-after-year',
    kind: 'single',
    prompt: 'A key with automatic rotation (default period) is one year old and a RotateKeyOnDemand call was made after that. How many backing key versions does ListKeyRotations show?',
    refs: ['automatic-rotation', 'rotate-on-demand'],
    options: [
      { id: '1', text: 'One: rotation replaces the material', why: 'Old material is kept, so the count grows with each rotation.' },
      { id: '2', text: 'Two', why: 'That was the count after the yearly rotation, before the on-demand one.' },
      { id: '3', text: 'Three: the original, the automatic rotation and the on-demand rotation', why: 'Right: each rotation, automatic or on demand, adds one version.' },
      { id: '4', text: 'Four', why: 'Only two rotations happened in addition to the original material.' },
    ],
    answer: {
      describe: 'rotates the key over a model year, then on demand, and counts the versions ListKeyRotations lists',
      async compute(engine) {
        const state = await run(engine, ...CREATED, { type: 'rotate' }, { type: 'rotate-on-demand' });
        return String(state.rotation?.onDemand?.versions ?? 0);
      },
    },
    explanation: 'Every rotation adds one backing key version and keeps the others. On-demand rotation is limited per key and does not change the automatic schedule.',
  },
  {
    id: 'deleted-key-data',
    kind: 'single',
    prompt: 'A key\'s deletion window ended last week. A team finds an S3 object encrypted under it. What can they do?',
    refs: ['deleted-for-good'],
    options: [
      { id: 'nothing', text: 'Nothing: the data cannot be decrypted by anyone', why: 'Right: with the key deleted, every backing version is gone and the ciphertext is unrecoverable.' },
      { id: 'support', text: 'Ask AWS Support to restore the key', why: 'AWS cannot restore a deleted key. That is why the waiting period exists.' },
      { id: 'cancel', text: 'Call CancelKeyDeletion', why: 'Cancelling works only during the waiting period.' },
      { id: 'same-alias', text: 'Create a new key with the same alias and decrypt', why: 'A new key is a different key; the ciphertext names the old one.' },
    ],
    answer: {
      describe: 'lets a 7-day deletion window pass and tries to decrypt a record made under the key',
      async compute(engine) {
        const state = await run(engine, ...CREATED, { type: 'delete-for-good' });
        return state.afterDeletion?.describe === 'deleted' && state.afterDeletion.decrypt !== 'ok' ? 'nothing' : 'cancel';
      },
    },
    explanation: 'Deleting a KMS key is irreversible and destroys all its key material: data encrypted under it is lost. Disable a key first when unsure; schedule the deletion only when nothing uses it.',
  },
  {
    id: 'imported-expired',
    kind: 'single',
    prompt: 'A key with imported key material was imported with a ValidTo date, which has now passed. What is the key\'s state, and how is it made usable again?',
    refs: ['three-kinds-and-price'],
    options: [
      { id: 'pending-import', text: 'PendingImport: import the same key material again', why: 'Right: KMS deleted the expired material; only the same material makes old ciphertexts readable again.' },
      { id: 'disabled', text: 'Disabled: call EnableKey', why: 'Enabling does not bring back deleted material.' },
      { id: 'pending-deletion', text: 'PendingDeletion: cancel the deletion', why: 'Expiry deletes the material, not the key.' },
      { id: 'rotate', text: 'Enabled: KMS rotates to new material automatically', why: 'KMS never makes material for an EXTERNAL key; the owner must supply it.' },
    ],
    answer: {
      describe: 'imports wrapped material with an expiry, advances past it and reads the key state',
      async compute(engine) {
        const state = await run(engine, { type: 'three-kinds' });
        const after = state.kinds?.imported.stateAfterExpiry;
        return after === 'PendingImport' ? 'pending-import' : after === 'Disabled' ? 'disabled' : after === 'PendingDeletion' ? 'pending-deletion' : 'rotate';
      },
    },
    explanation: 'With imported material you own its durability: keep a copy. When ValidTo passes (or you call DeleteImportedKeyMaterial) the key becomes PendingImport until the same material is imported again.',
  },
  {
    id: 'aws-managed-facts',
    kind: 'multi',
    prompt: 'Which statements about AWS managed keys such as alias/aws/s3 are true? (Choose two.)',
    refs: ['three-kinds-and-price'],
    options: [
      { id: 'created-by-service', text: 'A service creates it in your account the first time you use its KMS encryption', why: 'Right: S3 created alias/aws/s3 on first use in the lesson.' },
      { id: 'rotates-yearly', text: 'AWS rotates it every year', why: 'Right: rotation of AWS managed keys is on and cannot be turned off.' },
      { id: 'monthly-fee', text: 'It costs $1 a month like a customer managed key', why: 'AWS managed keys have no monthly fee (requests may still be billed).' },
      { id: 'you-delete', text: 'You can schedule its deletion when no longer needed', why: 'You cannot manage or delete an AWS managed key.' },
    ],
    answer: {
      describe: 'lets S3 create its AWS managed key and reads its KeyManager and rotation status',
      async compute(engine) {
        const state = await run(engine, { type: 'three-kinds' });
        const picked: string[] = [];
        if (state.kinds?.awsManaged.keyManager === 'AWS') picked.push('created-by-service');
        if (state.kinds?.awsManaged.rotationEnabled) picked.push('rotates-yearly');
        return picked;
      },
    },
    explanation: 'AWS managed keys are created by integrated services, rotated yearly by AWS and free of the monthly key fee; you can view and audit them but not change or delete them.',
  },
  {
    id: 'monthly-price',
    kind: 'single',
    prompt: 'An account has 3 customer managed symmetric keys, each rotated automatically once so far, and uses alias/aws/s3. Ignoring requests, what is the monthly key charge under the current pricing?',
    refs: ['three-kinds-and-price'],
    options: [
      { id: '3', text: '$3', why: 'Each first rotation adds $1 a month on top of the key itself.' },
      { id: '6', text: '$6', why: 'Right: 3 keys at $1, plus $1 for the first rotation of each; the AWS managed key is free.' },
      { id: '7', text: '$7', why: 'The AWS managed key alias/aws/s3 has no monthly fee.' },
      { id: '9', text: '$9', why: 'Only the first two rotations of a key are billed, and each key has had one.' },
    ],
    // The price calculator's answer for 3 keys rotated once each and no requests.
    answer: {
      describe: "asks the last step's price calculator for 3 keys rotated once and no requests",
      async compute(engine) {
        const state = await run(engine, { type: 'estimate-price', keys: 3, rotations: 1, symmetric: 0, asymmetric: 0 });
        return String(state.estimates.at(-1)?.totalUsd);
      },
    },
    explanation: '$1 a month per customer managed key; since April 2024 the first and second rotations add $1 a month each (later ones are free); AWS managed keys and keys pending deletion have no monthly fee.',
  },
]);
