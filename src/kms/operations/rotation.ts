import { KmsError, messages } from '../errors.ts';
import { assertKeyState } from '../keys/key-state-rules.ts';
import type { KmsKey } from '../keys/kms-key.ts';
import { rotateGeneratedMaterial } from '../keys/lifecycle.ts';
import { MS_PER_DAY } from '../../sim/core/clock.ts';
import { enumOf, members } from './common-shapes.ts';
import type { OperationDescription } from './description.ts';
import { page } from './shared-rules.ts';

const empty = { type: 'structure', members: {} } as const;
const RotationPeriod = { type: 'integer', min: 90, max: 2560 } as const;
export const DEFAULT_ROTATION_DAYS = 365;

/** Automatic rotation: symmetric encryption keys with KMS-generated material only (reference §5). */
function requireAutoRotatable(key: KmsKey): void {
  if (key.origin !== 'AWS_KMS') throw new KmsError('UnsupportedOperationException', messages.originInvalid(key.arn, key.origin));
  if (key.spec !== 'SYMMETRIC_DEFAULT') {
    // The exception is documented; its text for asymmetric/HMAC keys is not recorded.
    throw new KmsError('UnsupportedOperationException', `${key.arn} key spec ${key.spec} does not support automatic rotation.`);
  }
}

export const enableKeyRotation: OperationDescription = {
  name: 'EnableKeyRotation',
  doc: 'Turns on automatic rotation of a symmetric key every RotationPeriodInDays (90–2,560, default 365).',
  input: {
    type: 'structure',
    members: {
      KeyId: members.managementKeyId(),
      RotationPeriodInDays: { shape: RotationPeriod, doc: 'Days between rotations (90–2,560, default 365).' },
    },
  },
  output: empty,
  action: 'kms:EnableKeyRotation',
  quota: { operation: 'EnableKeyRotation' },
  readOnly: false,
  cryptographic: false,
  managementEvent: true,
  key: { member: 'KeyId', aliases: false },
  async handler(ctx, input) {
    const key = ctx.key!;
    assertKeyState('EnableKeyRotation', key);
    requireAutoRotatable(key);
    const days = (input.RotationPeriodInDays as number | undefined) ?? DEFAULT_ROTATION_DAYS;
    const now = ctx.now();
    key.rotation.periodDays = days;
    key.rotation.enabled = true;
    key.rotation.nextRotationAt = now + days * MS_PER_DAY;
    return {};
  },
};

export const disableKeyRotation: OperationDescription = {
  name: 'DisableKeyRotation',
  doc: 'Turns off automatic rotation.',
  input: { type: 'structure', members: { KeyId: members.managementKeyId() } },
  output: empty,
  action: 'kms:DisableKeyRotation',
  quota: { operation: 'DisableKeyRotation' },
  readOnly: false,
  cryptographic: false,
  managementEvent: true,
  key: { member: 'KeyId', aliases: false },
  async handler(ctx) {
    const key = ctx.key!;
    assertKeyState('DisableKeyRotation', key);
    requireAutoRotatable(key);
    key.rotation.enabled = false;
    key.rotation.nextRotationAt = undefined;
    return {};
  },
};

export const getKeyRotationStatus: OperationDescription = {
  name: 'GetKeyRotationStatus',
  doc: 'Says whether automatic rotation is on, its period and the next rotation date.',
  input: { type: 'structure', members: { KeyId: members.managementKeyId() } },
  output: {
    type: 'structure',
    members: {
      KeyRotationEnabled: { shape: { type: 'boolean' }, doc: 'Whether automatic rotation is on.' },
      KeyId: members.keyArnOut(),
      RotationPeriodInDays: { shape: RotationPeriod, doc: 'Days between rotations.' },
      NextRotationDate: { shape: { type: 'timestamp' }, doc: 'Next automatic rotation.' },
      OnDemandRotationStartDate: { shape: { type: 'timestamp' }, doc: 'Start of an on-demand rotation in progress.' },
    },
  },
  action: 'kms:GetKeyRotationStatus',
  quota: { operation: 'GetKeyRotationStatus' },
  readOnly: true,
  cryptographic: false,
  managementEvent: true,
  key: { member: 'KeyId', aliases: false },
  async handler(ctx) {
    const key = ctx.key!;
    assertKeyState('GetKeyRotationStatus', key);
    if (key.spec !== 'SYMMETRIC_DEFAULT') requireAutoRotatable(key);
    if (!key.rotation.enabled) return { KeyRotationEnabled: false, KeyId: key.arn };
    return {
      KeyRotationEnabled: true,
      KeyId: key.arn,
      RotationPeriodInDays: key.rotation.periodDays,
      NextRotationDate: new Date(key.rotation.nextRotationAt!),
    };
  },
};

export const rotateKeyOnDemand: OperationDescription = {
  name: 'RotateKeyOnDemand',
  doc: 'Rotates a symmetric key now (or makes pending imported material current). Limited per key.',
  input: { type: 'structure', members: { KeyId: members.managementKeyId() } },
  output: { type: 'structure', members: { KeyId: members.keyArnOut() } },
  action: 'kms:RotateKeyOnDemand',
  quota: { operation: 'RotateKeyOnDemand' },
  readOnly: false,
  cryptographic: false,
  managementEvent: true,
  key: { member: 'KeyId', aliases: false },
  async handler(ctx) {
    const key = ctx.key!;
    assertKeyState('RotateKeyOnDemand', key);
    // Recorded: an RSA key answers UnsupportedOperationException with an empty message.
    if (key.spec !== 'SYMMETRIC_DEFAULT') throw new KmsError('UnsupportedOperationException', '');
    if (key.rotation.onDemandCount >= ctx.world.limits.onDemandRotationsPerKey) {
      throw new KmsError('LimitExceededException', messages.rotationLimit(key.arn));
    }
    const now = ctx.now();
    if (key.origin === 'EXTERNAL') {
      const pending = key.backing.find((b) => b.rotatedAt === undefined);
      if (!pending) throw new KmsError('KMSInvalidStateException', messages.noPendingRotation(key.arn));
      pending.rotatedAt = now;
      pending.rotationType = 'ON_DEMAND';
      key.currentMaterialId = pending.materialId;
    } else {
      // AWS rotates asynchronously within seconds; KMS Lab rotates at once. NextRotationDate does not move.
      await rotateGeneratedMaterial(ctx.world, key, 'ON_DEMAND', now);
    }
    key.rotation.onDemandCount++;
    return { KeyId: key.arn };
  },
};

export const listKeyRotations: OperationDescription = {
  name: 'ListKeyRotations',
  doc: 'Lists the rotations (and, with ALL_KEY_MATERIAL, every key material) of a symmetric key.',
  input: {
    type: 'structure',
    members: {
      KeyId: members.managementKeyId(),
      IncludeKeyMaterial: { shape: enumOf(['ALL_KEY_MATERIAL', 'ROTATIONS_ONLY']), doc: 'ROTATIONS_ONLY (default) or ALL_KEY_MATERIAL.' },
      Limit: members.limit(1000),
      Marker: members.marker(),
    },
  },
  output: {
    type: 'structure',
    members: {
      Rotations: {
        shape: {
          type: 'list',
          member: {
            type: 'structure',
            members: {
              KeyId: { shape: { type: 'string' }, doc: 'Key ID.' },
              KeyMaterialId: { shape: { type: 'string' }, doc: 'Key material.' },
              KeyMaterialState: { shape: { type: 'string' }, doc: 'CURRENT, NON_CURRENT or PENDING_ROTATION.' },
              ImportState: { shape: { type: 'string' }, doc: 'IMPORTED (EXTERNAL keys).' },
              ExpirationModel: { shape: { type: 'string' }, doc: 'Imported material expiry model.' },
              ValidTo: { shape: { type: 'timestamp' }, doc: 'Imported material expiry.' },
              RotationDate: { shape: { type: 'timestamp' }, doc: 'When the material became current.' },
              RotationType: { shape: { type: 'string' }, doc: 'AUTOMATIC or ON_DEMAND.' },
            },
          },
        },
        doc: 'The rotations.',
      },
      NextMarker: members.nextMarker(),
      Truncated: members.truncated(),
    },
  },
  action: 'kms:ListKeyRotations',
  quota: { operation: 'ListKeyRotations' },
  readOnly: true,
  cryptographic: false,
  managementEvent: true,
  key: { member: 'KeyId', aliases: false },
  async handler(ctx, input) {
    const key = ctx.key!;
    assertKeyState('ListKeyRotations', key);
    if (key.spec !== 'SYMMETRIC_DEFAULT') throw new KmsError('UnsupportedOperationException', '');
    const all = input.IncludeKeyMaterial === 'ALL_KEY_MATERIAL';
    const rows = key.backing
      .filter((b) => all || b.rotationType !== undefined)
      .map((b) => {
        const row: Record<string, unknown> = {
          KeyId: key.id,
          KeyMaterialId: b.materialId,
          KeyMaterialState: b.materialId === key.currentMaterialId ? 'CURRENT' : b.rotatedAt === undefined ? 'PENDING_ROTATION' : 'NON_CURRENT',
        };
        if (b.imported) {
          row.ImportState = 'IMPORTED';
          row.ExpirationModel = b.imported.expirationModel;
          if (b.imported.validTo !== undefined) row.ValidTo = new Date(b.imported.validTo);
        }
        if (b.rotationType && b.rotatedAt !== undefined) {
          row.RotationDate = new Date(b.rotatedAt);
          row.RotationType = b.rotationType;
        }
        return row;
      });
    const { items, extra } = page(rows, input.Limit as number | undefined, input.Marker as string | undefined, 100);
    return { Rotations: items, ...extra };
  },
};
