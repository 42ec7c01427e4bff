import { keyMetadata } from '../keys/key-metadata.ts';
import { assertKeyState } from '../keys/key-state-rules.ts';
import { moveKey } from '../keys/lifecycle.ts';
import { DescriptionType, KeyMetadataShape, members } from './common-shapes.ts';
import type { OperationDescription } from './description.ts';
import { page } from './shared-rules.ts';

const empty = { type: 'structure', members: {} } as const;

export const describeKey: OperationDescription = {
  name: 'DescribeKey',
  doc: 'Returns the metadata of a KMS key. Works in every key state.',
  input: { type: 'structure', members: { KeyId: members.keyId(), GrantTokens: members.grantTokens() } },
  output: { type: 'structure', members: { KeyMetadata: { shape: KeyMetadataShape, doc: 'Metadata of the key.' } } },
  action: 'kms:DescribeKey',
  quota: { operation: 'DescribeKey' },
  readOnly: true,
  cryptographic: false,
  managementEvent: true,
  key: { member: 'KeyId', aliases: true },
  async handler(ctx) {
    assertKeyState('DescribeKey', ctx.key!);
    return { KeyMetadata: keyMetadata(ctx.key!) };
  },
};

export const listKeys: OperationDescription = {
  name: 'ListKeys',
  doc: 'Lists the KMS keys (customer managed and AWS managed) of the account in the Region.',
  input: { type: 'structure', members: { Limit: members.limit(1000), Marker: members.marker() } },
  output: {
    type: 'structure',
    members: {
      Keys: {
        shape: {
          type: 'list',
          member: { type: 'structure', members: { KeyId: { shape: { type: 'string' }, doc: 'Key ID.' }, KeyArn: { shape: { type: 'string' }, doc: 'Key ARN.' } } },
        },
        doc: 'The keys.',
      },
      NextMarker: members.nextMarker(),
      Truncated: members.truncated(),
    },
  },
  action: 'kms:ListKeys',
  quota: { operation: 'ListKeys' },
  readOnly: true,
  cryptographic: false,
  managementEvent: true,
  async handler(ctx, input) {
    const keys = ctx.world.store.inScope(ctx.scope).map((k) => ({ KeyId: k.id, KeyArn: k.arn }));
    const { items, extra } = page(keys, input.Limit as number | undefined, input.Marker as string | undefined, 100);
    return { Keys: items, ...extra };
  },
};

export const updateKeyDescription: OperationDescription = {
  name: 'UpdateKeyDescription',
  doc: 'Replaces the description of a KMS key.',
  input: {
    type: 'structure',
    members: { KeyId: members.managementKeyId(), Description: { shape: DescriptionType, required: true, doc: 'New description.' } },
  },
  output: empty,
  action: 'kms:UpdateKeyDescription',
  quota: { operation: 'UpdateKeyDescription' },
  readOnly: false,
  cryptographic: false,
  managementEvent: true,
  key: { member: 'KeyId', aliases: false },
  async handler(ctx, input) {
    assertKeyState('UpdateKeyDescription', ctx.key!);
    ctx.key!.description = input.Description as string;
    return {};
  },
};

const enablement = (name: 'EnableKey' | 'DisableKey'): OperationDescription => ({
  name,
  doc: name === 'EnableKey' ? 'Enables a disabled KMS key.' : 'Disables a KMS key: it cannot be used until enabled again.',
  input: { type: 'structure', members: { KeyId: members.managementKeyId() } },
  output: empty,
  action: `kms:${name}`,
  quota: { operation: name },
  readOnly: false,
  cryptographic: false,
  managementEvent: true,
  key: { member: 'KeyId', aliases: false },
  async handler(ctx) {
    const key = ctx.key!;
    assertKeyState(name, key);
    moveKey(ctx.world, key, { type: name === 'EnableKey' ? 'ENABLE' : 'DISABLE' });
    return {};
  },
});

export const enableKey = enablement('EnableKey');
export const disableKey = enablement('DisableKey');
