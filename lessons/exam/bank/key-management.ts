/**
 * Practice exam, fixed questions on key management (lesson 05): aliases, the rotation period and what
 * rotation changes, keys that cannot rotate automatically, ReEncrypt, the deletion waiting period, a safe
 * way to find forgotten users before deletion, AWS managed keys' rotation, imported material, and billing.
 */
import { defineExamQuestions } from '../../../src/lessons/exam/types';

const about = { topic: 'key-management', lessonId: 'key-management' } as const;

export default defineExamQuestions([
  {
    ...about,
    id: 'km-update-alias',
    kind: 'single',
    prompt:
      'An application encrypts with alias/app-data. The team wants new encryptions to use a new KMS key from now on, without changing the application. What should it do, and what happens to data encrypted earlier?',
    refs: ['create-and-alias'],
    options: [
      {
        id: 'old-lost',
        text: 'UpdateAlias; data encrypted earlier can no longer be decrypted through the alias',
        why: 'Decrypt of a symmetric ciphertext does not need the alias at all: the blob identifies its key.',
      },
      {
        id: 'update-alias-old-still-decrypts',
        text: 'UpdateAlias to point alias/app-data at the new key; old ciphertexts still decrypt with the old key, which must stay enabled',
        why: 'Right: the alias is only a name looked up at request time. Each ciphertext records the key that made it, not the alias.',
      },
      {
        id: 'old-reencrypted',
        text: 'UpdateAlias; KMS then re-encrypts existing ciphertexts under the new key',
        why: 'KMS never touches stored ciphertexts. Moving them is the application\'s job (ReEncrypt).',
      },
      {
        id: 'impossible',
        text: 'It cannot be done: an alias is bound to its key for life',
        why: 'UpdateAlias exists for exactly this, as long as the new key has the same type and key usage.',
      },
    ],
    answer: 'update-alias-old-still-decrypts',
    explanation:
      'Aliases decouple code from key ids. Repointing one changes which key new requests use; it changes nothing about existing ciphertexts, so the old key must stay usable as long as anything encrypted under it must be read.',
  },
  {
    ...about,
    id: 'km-rotation-every-180-days',
    kind: 'single',
    prompt:
      'A compliance rule requires new key material every 180 days for a customer managed symmetric KMS key used by many applications. What meets it with the least operational effort?',
    refs: ['automatic-rotation'],
    options: [
      {
        id: 'rotation-period',
        text: 'EnableKeyRotation with RotationPeriodInDays set to 180',
        why: 'Right: automatic rotation accepts periods from 90 to 2,560 days, and nothing else changes for the applications.',
      },
      {
        id: 'not-possible',
        text: 'It cannot be met: automatic rotation always happens every 365 days',
        why: 'One year is the default, not the only choice; the period has been configurable since 2024.',
      },
      {
        id: 'scheduled-on-demand',
        text: 'A scheduled function that calls RotateKeyOnDemand every 180 days',
        why: 'It works for a while, but it is code to run and monitor, and on-demand rotations per key are limited in number.',
      },
      {
        id: 'new-key-alias',
        text: 'Create a new key every 180 days and move the alias to it',
        why: 'That is manual rotation: more keys to pay for and keep, and every old key must stay enabled for old data.',
      },
    ],
    answer: 'rotation-period',
    explanation:
      'Automatic rotation keeps the key id, ARN, aliases and policy, keeps every older backing key for decryption, and now takes a period between 90 and 2,560 days (default 365). It is the low-effort way to meet a rotation rule.',
  },
  {
    ...about,
    id: 'km-rotation-period-range',
    kind: 'single',
    prompt: 'Which RotationPeriodInDays value does EnableKeyRotation reject?',
    refs: ['automatic-rotation'],
    options: [
      { id: '365', text: '365', why: 'Accepted: the default period when none is given.' },
      { id: '90', text: '90', why: 'Accepted: the shortest period allowed.' },
      { id: '60', text: '60', why: 'Right: below the minimum of 90 days, so KMS refuses it with a ValidationException.' },
      { id: '2560', text: '2,560', why: 'Accepted: the longest period allowed (about seven years).' },
    ],
    answer: '60',
    explanation: 'Automatic rotation periods run from 90 to 2,560 days; 365 is the default.',
  },
  {
    ...about,
    id: 'km-after-rotation',
    kind: 'multi',
    prompt: 'A symmetric customer managed key has just rotated automatically. Which statements are true? (Choose two.)',
    refs: ['automatic-rotation', 'rotate-on-demand'],
    options: [
      {
        id: 'data-reencrypted',
        text: 'Existing ciphertexts are re-encrypted under the new backing key in the background',
        why: 'Rotation never re-encrypts anything; old ciphertexts stay under the material that made them.',
      },
      {
        id: 'update-key-id',
        text: 'Applications must switch to the new key id returned by the rotation',
        why: 'There is no new key id; that is the difference from manual rotation with a new key.',
      },
      {
        id: 'same-identity',
        text: 'The key id, ARN, aliases and key policy are unchanged',
        why: 'Correct: rotation swaps the backing key used for new encryptions, nothing that callers or policies see.',
      },
      {
        id: 'old-ciphertexts-decrypt',
        text: 'Ciphertexts made before the rotation decrypt without any change to the callers',
        why: 'Correct: each ciphertext names its backing key version, and KMS keeps every version.',
      },
    ],
    answer: ['same-identity', 'old-ciphertexts-decrypt'],
    explanation:
      'Rotation is invisible to callers: same key, same policy, new material for new encryptions, old material kept for old ciphertexts. It limits how much data one backing key protects; it does not re-protect old data.',
  },
  {
    ...about,
    id: 'km-cannot-auto-rotate',
    kind: 'multi',
    prompt: 'For which of these KMS keys can automatic key rotation NOT be enabled? (Choose two.)',
    refs: ['automatic-rotation', 'three-kinds-and-price'],
    options: [
      {
        id: 'symmetric',
        text: 'A symmetric customer managed key created by KMS (Origin AWS_KMS)',
        why: 'This is exactly the kind of key automatic rotation is for.',
      },
      {
        id: 'multi-region',
        text: 'A symmetric multi-Region primary key created by KMS',
        why: 'Multi-Region symmetric keys support automatic rotation; the new material is shared with their replicas.',
      },
      {
        id: 'imported',
        text: 'A symmetric key with imported key material (Origin EXTERNAL)',
        why: 'Correct: KMS cannot create new material for you when you supply the material yourself; you rotate by importing new material.',
      },
      {
        id: 'rsa',
        text: 'An RSA_2048 key used for signing',
        why: 'Correct: only symmetric encryption keys rotate automatically.',
      },
    ],
    answer: ['rsa', 'imported'],
    explanation:
      'Automatic rotation needs a symmetric encryption key whose material KMS generates: not asymmetric, not HMAC, not imported material, not a custom key store key.',
  },
  {
    ...about,
    id: 'km-reencrypt-move',
    kind: 'single',
    prompt:
      'Millions of encrypted data keys, each a KMS ciphertext under key A, must be moved under key B. The plaintext data keys must never leave KMS, and the data they protect must not be touched. Which operation should the migration call for each one?',
    refs: ['rotate-on-demand'],
    options: [
      {
        id: 'decrypt-encrypt',
        text: 'Decrypt with key A, then Encrypt with key B',
        why: 'Same result, but every plaintext data key travels to the migration job, which the requirement forbids.',
      },
      {
        id: 'reencrypt',
        text: 'ReEncrypt, with key B as the destination key',
        why: 'Right: KMS decrypts and re-encrypts inside its HSMs, so the plaintext never leaves; it needs kms:ReEncryptFrom on A and kms:ReEncryptTo on B.',
      },
      {
        id: 'gdkwp-b',
        text: 'GenerateDataKeyWithoutPlaintext under key B',
        why: 'That makes new data keys, which would mean re-encrypting all the data, which the requirement forbids.',
      },
      {
        id: 'rotate-a',
        text: 'RotateKeyOnDemand on key A',
        why: 'Rotation gives key A new material; nothing moves to key B, and old ciphertexts are not touched.',
      },
    ],
    answer: 'reencrypt',
    explanation:
      'ReEncrypt moves a ciphertext to another key (or to the same key\'s current material) without exposing its plaintext. Neither automatic nor on-demand rotation does that for you.',
  },
  {
    ...about,
    id: 'km-default-waiting-period',
    kind: 'single',
    prompt:
      'An administrator runs `aws kms schedule-key-deletion --key-id <id>` without --pending-window-in-days. What happens to the key?',
    refs: ['schedule-and-cancel'],
    options: [
      {
        id: '30-days',
        text: 'It enters PendingDeletion and is deleted after 30 days unless the deletion is cancelled',
        why: 'Right: 30 days is the default, and the maximum, of the 7 to 30 day window.',
      },
      {
        id: 'immediately',
        text: 'It is deleted immediately',
        why: 'KMS never deletes a key immediately; a waiting period always applies.',
      },
      {
        id: '7-days',
        text: 'It is deleted after 7 days',
        why: 'Seven days is the shortest window you may ask for, not the default.',
      },
      {
        id: 'disabled-only',
        text: 'It is only disabled until someone confirms the deletion',
        why: 'There is no confirmation step: the key is deleted automatically when the window ends.',
      },
    ],
    answer: '30-days',
    explanation:
      'ScheduleKeyDeletion takes 7 to 30 days and defaults to 30. During the window the key is unusable (KMSInvalidStateException) and CancelKeyDeletion brings it back, Disabled.',
  },
  {
    ...about,
    id: 'km-find-users-before-delete',
    kind: 'single',
    prompt:
      'A team believes an old KMS key is unused and wants to delete it, but must not lose data if something still depends on it. What is the recommended approach?',
    refs: ['schedule-and-cancel', 'deleted-for-good'],
    options: [
      {
        id: 'disable-and-alarm',
        text: 'Disable the key (or schedule its deletion), alarm on CloudTrail events of attempts to use it, and enable it again (or cancel) if anything tries',
        why: 'Right: a disabled or pending key refuses use but keeps its material, and the refused calls in CloudTrail name whoever still needs it.',
      },
      {
        id: 'delete-now',
        text: 'Delete it; if something breaks, import the key material again',
        why: 'Only keys with imported material can take material back, and only if you kept a copy. KMS-generated material is gone for good.',
      },
      {
        id: 'rotate-first',
        text: 'Rotate the key first so that its data moves to new material, then delete it',
        why: 'Rotation does not move data, and deleting the key deletes every version of its material anyway.',
      },
      {
        id: 'list-grants',
        text: 'Check ListGrants; if it is empty the key is unused, so delete it with the 7-day window',
        why: 'Most uses need no grant: callers use the key through the key policy and IAM. An empty grant list proves nothing.',
      },
    ],
    answer: 'disable-and-alarm',
    explanation:
      'Deletion is the one irreversible action in KMS: every ciphertext under the key becomes unreadable. Disable first (and review past use in CloudTrail), watch for DisabledException or KMSInvalidStateException, and only then let the deletion complete.',
  },
  {
    ...about,
    id: 'km-aws-managed-rotation',
    kind: 'single',
    prompt: 'Which statement about rotation of AWS managed keys such as aws/ebs is true?',
    refs: ['three-kinds-and-price', 'automatic-rotation'],
    options: [
      {
        id: 'three-years',
        text: 'They are rotated every three years',
        why: 'That was the old schedule; since 2022 AWS managed keys rotate every year.',
      },
      {
        id: 'never',
        text: 'They are never rotated',
        why: 'They are rotated, every year.',
      },
      {
        id: 'configurable',
        text: 'You can enable rotation every 90 days with EnableKeyRotation',
        why: 'You cannot manage AWS managed keys: no rotation settings, no policy edits, no deletion.',
      },
      {
        id: 'yearly-fixed',
        text: 'AWS rotates them automatically every year, and you cannot change or disable that',
        why: 'Right: AWS manages their lifecycle, including yearly rotation.',
      },
    ],
    answer: 'yearly-fixed',
    explanation:
      'AWS managed keys are free to keep, created by services, and fully managed by AWS, rotation included. If you need control over rotation, the key policy or deletion, use a customer managed key.',
  },
  {
    ...about,
    id: 'km-why-imported-material',
    kind: 'multi',
    prompt: 'Why might a company choose a KMS key with imported key material instead of KMS-generated material? (Choose two.)',
    refs: ['three-kinds-and-price'],
    options: [
      {
        id: 'delete-at-once',
        text: 'It must be able to make the material unusable immediately, or let it expire on a set date',
        why: 'Correct: DeleteImportedKeyMaterial takes effect at once, and ValidTo makes KMS delete the material on schedule, with no waiting period.',
      },
      {
        id: 'auto-rotation',
        text: 'It wants automatic yearly rotation without effort',
        why: 'Automatic rotation is not available for imported material; you must import new material yourself.',
      },
      {
        id: 'cheaper',
        text: 'Keys with imported material have no monthly charge',
        why: 'They cost the same $1 a month as any customer managed key.',
      },
      {
        id: 'own-source',
        text: 'A rule requires the key material to be generated in its own HSMs and a copy kept outside AWS',
        why: 'Correct: with imported material you create it and keep the original; KMS only holds a copy.',
      },
    ],
    answer: ['own-source', 'delete-at-once'],
    explanation:
      'Bring-your-own-key is about control over the material\'s origin and lifetime. The price is more responsibility: durability of the original copy is yours, and there is no automatic rotation.',
  },
  {
    ...about,
    id: 'km-what-is-billed',
    kind: 'multi',
    prompt: 'Which of these keys incur the $1 per month key charge? (Choose two.)',
    refs: ['three-kinds-and-price', 'schedule-and-cancel'],
    options: [
      {
        id: 'pending-deletion',
        text: 'A customer managed key pending deletion',
        why: 'KMS does not charge for keys pending deletion; if you cancel, billing resumes as if it had never been scheduled.',
      },
      {
        id: 'enabled-cmk',
        text: 'An enabled customer managed key',
        why: 'Correct: every customer managed key is billed per month, prorated by the hour.',
      },
      {
        id: 'disabled-cmk',
        text: 'A disabled customer managed key',
        why: 'Correct: a disabled key still exists and can be enabled again, so it is still billed.',
      },
      {
        id: 'aws-managed',
        text: 'The AWS managed key aws/s3',
        why: 'AWS managed keys have no monthly fee; only requests that use them are billed.',
      },
    ],
    answer: ['enabled-cmk', 'disabled-cmk'],
    explanation:
      'Disabling a key stops its use, not its bill. Only deletion (or the pending-deletion window) ends the monthly charge, and AWS managed keys never carry one.',
  },
]);
