import { KmsError } from '../errors.ts';
import { assertKeyState } from '../keys/key-state-rules.ts';
import { BooleanType, members, PolicyNameType, PolicyType } from './common-shapes.ts';
import type { OperationDescription } from './description.ts';
import { checkNewPolicy } from './policy-checks.ts';

const empty = { type: 'structure', members: {} } as const;

/** A key has exactly one policy, named "default". */
function requireDefaultName(name: unknown): void {
  if (name !== undefined && name !== 'default') {
    // AWS's text is not recorded; the operation only knows the policy called "default".
    throw new KmsError('NotFoundException', `Policy ${String(name)} does not exist. The only valid policy name is "default".`);
  }
}

export const putKeyPolicy: OperationDescription = {
  name: 'PutKeyPolicy',
  doc: 'Replaces the key policy (the only policy, named "default").',
  input: {
    type: 'structure',
    members: {
      KeyId: members.managementKeyId(),
      PolicyName: { shape: PolicyNameType, doc: 'Always "default" (the default).' },
      Policy: { shape: PolicyType, required: true, doc: 'The key policy, JSON.' },
      BypassPolicyLockoutSafetyCheck: { shape: BooleanType, doc: 'Skip the check that you can still change the policy.' },
    },
  },
  output: empty,
  action: 'kms:PutKeyPolicy',
  quota: { operation: 'PutKeyPolicy' },
  readOnly: false,
  cryptographic: false,
  managementEvent: true,
  key: { member: 'KeyId', aliases: false },
  async handler(ctx, input) {
    const key = ctx.key!;
    assertKeyState('PutKeyPolicy', key);
    requireDefaultName(input.PolicyName);
    checkNewPolicy(ctx, key, input.Policy as string, input.BypassPolicyLockoutSafetyCheck === true);
    key.policy = input.Policy as string;
    return {};
  },
};

export const getKeyPolicy: OperationDescription = {
  name: 'GetKeyPolicy',
  doc: 'Returns the key policy as stored (the default policy pretty-printed as AWS writes it).',
  input: { type: 'structure', members: { KeyId: members.managementKeyId(), PolicyName: { shape: PolicyNameType, doc: 'Always "default".' } } },
  output: {
    type: 'structure',
    members: {
      Policy: { shape: PolicyType, doc: 'The key policy, JSON.' },
      PolicyName: { shape: PolicyNameType, doc: 'Always "default".' },
    },
  },
  action: 'kms:GetKeyPolicy',
  quota: { operation: 'GetKeyPolicy' },
  readOnly: true,
  cryptographic: false,
  managementEvent: true,
  key: { member: 'KeyId', aliases: false },
  async handler(ctx, input) {
    assertKeyState('GetKeyPolicy', ctx.key!);
    requireDefaultName(input.PolicyName);
    return { Policy: ctx.key!.policy, PolicyName: 'default' };
  },
};

export const listKeyPolicies: OperationDescription = {
  name: 'ListKeyPolicies',
  doc: 'Lists the names of the key policies: always ["default"].',
  input: { type: 'structure', members: { KeyId: members.managementKeyId(), Limit: members.limit(1000), Marker: members.marker() } },
  output: {
    type: 'structure',
    members: {
      PolicyNames: { shape: { type: 'list', member: PolicyNameType }, doc: 'Policy names.' },
      NextMarker: members.nextMarker(),
      Truncated: members.truncated(),
    },
  },
  action: 'kms:ListKeyPolicies',
  quota: { operation: 'ListKeyPolicies' },
  readOnly: true,
  cryptographic: false,
  managementEvent: true,
  key: { member: 'KeyId', aliases: false },
  async handler(ctx) {
    assertKeyState('ListKeyPolicies', ctx.key!);
    return { PolicyNames: ['default'], Truncated: false };
  },
};
