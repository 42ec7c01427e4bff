import { MS_PER_DAY } from '../../sim/core/clock.ts';
import { KmsError } from '../errors.ts';
import { assertKeyState } from '../keys/key-state-rules.ts';
import { moveKey } from '../keys/lifecycle.ts';
import { members } from './common-shapes.ts';
import type { OperationDescription } from './description.ts';

export const DEFAULT_PENDING_WINDOW_DAYS = 30;

export const scheduleKeyDeletion: OperationDescription = {
  name: 'ScheduleKeyDeletion',
  doc: 'Schedules deletion after a waiting period of 7–30 days (default 30). The key is unusable meanwhile.',
  input: {
    type: 'structure',
    members: {
      KeyId: members.managementKeyId(),
      PendingWindowInDays: { shape: { type: 'integer', min: 1, max: 365 }, doc: 'Waiting period in days (7–30, default 30).' },
    },
  },
  output: {
    type: 'structure',
    members: {
      KeyId: members.keyArnOut(),
      DeletionDate: { shape: { type: 'timestamp' }, doc: 'When the key will be deleted.' },
      KeyState: { shape: { type: 'string' }, doc: 'PendingDeletion.' },
      PendingWindowInDays: { shape: { type: 'integer' }, doc: 'The waiting period.' },
    },
  },
  action: 'kms:ScheduleKeyDeletion',
  quota: { operation: 'ScheduleKeyDeletion' },
  readOnly: false,
  cryptographic: false,
  managementEvent: true,
  key: { member: 'KeyId', aliases: false },
  async handler(ctx, input) {
    const key = ctx.key!;
    const days = (input.PendingWindowInDays as number | undefined) ?? DEFAULT_PENDING_WINDOW_DAYS;
    // The model allows 1–365; the service enforces 7–30. AWS's exact text is not recorded, so the
    // engine answers in the service's usual validation form.
    if (days < 7 || days > 30) {
      const rule = days < 7 ? 'greater than or equal to 7' : 'less than or equal to 30';
      throw new KmsError('ValidationException', `1 validation error detected: Value '${days}' at 'pendingWindowInDays' failed to satisfy constraint: Member must have value ${rule}`);
    }
    assertKeyState('ScheduleKeyDeletion', key);
    moveKey(ctx.world, key, { type: 'SCHEDULE_DELETION' });
    key.deletionDate = ctx.now() + days * MS_PER_DAY;
    key.pendingWindowInDays = days;
    return { KeyId: key.arn, DeletionDate: new Date(key.deletionDate), KeyState: key.state, PendingWindowInDays: days };
  },
};

export const cancelKeyDeletion: OperationDescription = {
  name: 'CancelKeyDeletion',
  doc: 'Cancels a scheduled deletion. The key returns Disabled (enable it to use it again).',
  input: { type: 'structure', members: { KeyId: members.managementKeyId() } },
  output: { type: 'structure', members: { KeyId: members.keyArnOut() } },
  action: 'kms:CancelKeyDeletion',
  quota: { operation: 'CancelKeyDeletion' },
  readOnly: false,
  cryptographic: false,
  managementEvent: true,
  key: { member: 'KeyId', aliases: false },
  async handler(ctx) {
    const key = ctx.key!;
    assertKeyState('CancelKeyDeletion', key);
    moveKey(ctx.world, key, { type: 'CANCEL_DELETION' });
    return { KeyId: key.arn };
  },
};
