import { KmsError, messages } from '../errors.ts';
import { keyArn } from '../keys/identifiers.ts';
import { createKeyRecord } from '../keys/key-factory.ts';
import { keyMetadata } from '../keys/key-metadata.ts';
import { KEY_SPECS, KEY_USAGES, type KeySpec, type KeyUsage, SPECS } from '../keys/key-specs.ts';
import type { Origin } from '../keys/kms-key.ts';
import { BooleanType, DescriptionType, enumOf, PolicyType, TagList } from './common-shapes.ts';
import type { OperationDescription } from './description.ts';
import { checkTags } from './shared-rules.ts';
import { checkNewPolicy } from './policy-checks.ts';

import { KeyMetadataShape } from './common-shapes.ts';

export const createKey: OperationDescription = {
  name: 'CreateKey',
  doc: 'Creates a KMS key: symmetric (default), RSA, ECC or HMAC, or an EXTERNAL key awaiting imported material.',
  input: {
    type: 'structure',
    members: {
      Policy: { shape: PolicyType, doc: 'Key policy (JSON). Default: the default key policy.' },
      Description: { shape: DescriptionType, doc: 'Description of the key.' },
      KeyUsage: { shape: enumOf(KEY_USAGES), doc: 'ENCRYPT_DECRYPT (default for symmetric), SIGN_VERIFY, GENERATE_VERIFY_MAC or KEY_AGREEMENT.' },
      CustomerMasterKeySpec: { shape: enumOf(KEY_SPECS), doc: 'Deprecated: use KeySpec.' },
      KeySpec: { shape: enumOf(KEY_SPECS), doc: 'Type of key (default SYMMETRIC_DEFAULT).' },
      Origin: { shape: enumOf(['AWS_KMS', 'EXTERNAL', 'AWS_CLOUDHSM', 'EXTERNAL_KEY_STORE']), doc: 'AWS_KMS (default) or EXTERNAL (import your own material).' },
      CustomKeyStoreId: { shape: { type: 'string', min: 1, max: 64 }, doc: 'Custom key store (not simulated).' },
      BypassPolicyLockoutSafetyCheck: { shape: BooleanType, doc: 'Skip the check that you can still change the policy.' },
      Tags: { shape: TagList, doc: 'Tags for the key.' },
      MultiRegion: { shape: BooleanType, doc: 'Multi-Region primary key (not simulated).' },
      XksKeyId: { shape: { type: 'string', min: 1, max: 128 }, doc: 'External key store key (not simulated).' },
    },
  },
  output: {
    type: 'structure',
    members: { KeyMetadata: { shape: KeyMetadataShape, doc: 'Metadata of the new key, as DescribeKey returns it.' } },
  },
  action: 'kms:CreateKey',
  quota: { operation: 'CreateKey' },
  readOnly: false,
  cryptographic: false,
  managementEvent: true,
  async handler(ctx, input) {
    if (input.KeySpec !== undefined && input.CustomerMasterKeySpec !== undefined) {
      throw new KmsError('ValidationException', 'You cannot specify KeySpec and CustomerMasterKeySpec in the same request. CustomerMasterKeySpec is deprecated.');
    }
    const spec = ((input.KeySpec ?? input.CustomerMasterKeySpec) as KeySpec | undefined) ?? 'SYMMETRIC_DEFAULT';
    const info = SPECS[spec];
    let usage = input.KeyUsage as KeyUsage | undefined;
    if (usage === undefined) {
      if (info.family !== 'symmetric') throw new KmsError('ValidationException', messages.keyUsageRequired());
      usage = 'ENCRYPT_DECRYPT';
    }
    if (!info.usages.includes(usage)) {
      // Recorded for KEY_AGREEMENT with RSA; the same template for every incompatible pair.
      throw new KmsError('ValidationException', `KeyUsage ${usage} is not compatible with KeySpec ${spec}`);
    }
    if (input.MultiRegion === true) throw new KmsError('UnsupportedOperationException', messages.notSimulated('MultiRegion keys'));
    if (input.CustomKeyStoreId !== undefined || input.XksKeyId !== undefined) {
      throw new KmsError('UnsupportedOperationException', messages.notSimulated('Custom key stores'));
    }
    const origin = (input.Origin as Origin | undefined) ?? 'AWS_KMS';
    const tags = (input.Tags as { TagKey: string; TagValue: string }[] | undefined) ?? [];
    checkTags(tags, new Map(), ctx.world.limits.tagsPerKey);
    const policy = input.Policy as string | undefined;
    if (policy !== undefined) {
      const provisional = { arn: keyArn(ctx.scope.region, ctx.scope.accountId, '00000000-0000-4000-8000-000000000000'), accountId: ctx.scope.accountId };
      checkNewPolicy(ctx, provisional, policy, input.BypassPolicyLockoutSafetyCheck === true);
    }
    const owned = ctx.world.store.inScope(ctx.scope).filter((k) => k.manager === 'CUSTOMER').length;
    if (owned >= ctx.world.limits.keysPerRegion) throw new KmsError('LimitExceededException', 'Too many KMS keys in this account and Region.');
    const key = await createKeyRecord(ctx.world, {
      ...ctx.scope,
      spec,
      usage,
      origin,
      manager: 'CUSTOMER',
      description: (input.Description as string | undefined) ?? '',
      policy,
      tags: new Map(tags.map((t) => [t.TagKey, t.TagValue])),
    });
    ctx.world.store.add(key);
    ctx.note.resources.push(key);
    return { KeyMetadata: keyMetadata(key) };
  },
};
