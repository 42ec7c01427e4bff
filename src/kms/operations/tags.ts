import { assertKeyState } from '../keys/key-state-rules.ts';
import { members, TagKeyType, TagList } from './common-shapes.ts';
import type { OperationDescription } from './description.ts';
import { checkTags, page } from './shared-rules.ts';

const empty = { type: 'structure', members: {} } as const;

export const tagResource: OperationDescription = {
  name: 'TagResource',
  doc: 'Adds or overwrites tags on a KMS key.',
  input: { type: 'structure', members: { KeyId: members.managementKeyId(), Tags: { shape: TagList, required: true, doc: 'Tags to add.' } } },
  output: empty,
  action: 'kms:TagResource',
  quota: { operation: 'TagResource' },
  readOnly: false,
  cryptographic: false,
  managementEvent: true,
  key: { member: 'KeyId', aliases: false },
  async handler(ctx, input) {
    const key = ctx.key!;
    assertKeyState('TagResource', key);
    const tags = input.Tags as { TagKey: string; TagValue: string }[];
    checkTags(tags, key.tags, ctx.world.limits.tagsPerKey);
    for (const tag of tags) key.tags.set(tag.TagKey, tag.TagValue);
    return {};
  },
};

export const untagResource: OperationDescription = {
  name: 'UntagResource',
  doc: 'Removes tags from a KMS key.',
  input: {
    type: 'structure',
    members: {
      KeyId: members.managementKeyId(),
      TagKeys: { shape: { type: 'list', member: TagKeyType }, required: true, doc: 'Keys of the tags to remove.' },
    },
  },
  output: empty,
  action: 'kms:UntagResource',
  quota: { operation: 'UntagResource' },
  readOnly: false,
  cryptographic: false,
  managementEvent: true,
  key: { member: 'KeyId', aliases: false },
  async handler(ctx, input) {
    const key = ctx.key!;
    assertKeyState('UntagResource', key);
    for (const tagKey of input.TagKeys as string[]) key.tags.delete(tagKey);
    return {};
  },
};

export const listResourceTags: OperationDescription = {
  name: 'ListResourceTags',
  doc: 'Lists the tags of a KMS key.',
  input: { type: 'structure', members: { KeyId: members.managementKeyId(), Limit: members.limit(50), Marker: members.marker() } },
  output: {
    type: 'structure',
    members: { Tags: { shape: TagList, doc: 'The tags.' }, NextMarker: members.nextMarker(), Truncated: members.truncated() },
  },
  action: 'kms:ListResourceTags',
  quota: { operation: 'ListResourceTags' },
  readOnly: true,
  cryptographic: false,
  managementEvent: true,
  key: { member: 'KeyId', aliases: false },
  async handler(ctx, input) {
    const key = ctx.key!;
    assertKeyState('ListResourceTags', key);
    const tags = [...key.tags].map(([TagKey, TagValue]) => ({ TagKey, TagValue }));
    const { items, extra } = page(tags, input.Limit as number | undefined, input.Marker as string | undefined, 50);
    return { Tags: items, ...extra };
  },
};
