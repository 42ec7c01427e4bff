import { defaultKeyPolicy, jacksonPretty } from '../../keys/default-policy.ts';

/**
 * Key policy templates as AWS writes them (reference §11.1): the default policy of an API-created
 * key, and the policy the console writes for key administrators and key users.
 */
export { defaultKeyPolicy };

export type KeyUseKind = 'symmetric' | 'hmac' | 'asymmetric-encrypt' | 'asymmetric-sign';

export interface ConsoleKeyPolicyOptions {
  accountId: string;
  administrators: readonly string[];
  users: readonly string[];
  keyUse?: KeyUseKind;
  /** EXTERNAL-origin keys: administrators may also import key material. */
  external?: boolean;
}

const ADMIN_ACTIONS = [
  'kms:Create*', 'kms:Describe*', 'kms:Enable*', 'kms:List*', 'kms:Put*', 'kms:Update*', 'kms:Revoke*',
  'kms:Disable*', 'kms:Get*', 'kms:Delete*', 'kms:TagResource', 'kms:UntagResource', 'kms:ScheduleKeyDeletion',
  'kms:CancelKeyDeletion',
];

const USER_ACTIONS: Record<KeyUseKind, string[]> = {
  symmetric: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
  hmac: ['kms:DescribeKey', 'kms:GenerateMac', 'kms:VerifyMac'],
  'asymmetric-encrypt': ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:DescribeKey', 'kms:GetPublicKey'],
  'asymmetric-sign': ['kms:DescribeKey', 'kms:GetPublicKey', 'kms:Sign', 'kms:Verify'],
};

const principalList = (arns: readonly string[]) => (arns.length === 1 ? arns[0] : [...arns]);

export function consoleKeyPolicy(options: ConsoleKeyPolicyOptions): string {
  const { accountId, administrators, users, keyUse = 'symmetric', external = false } = options;
  const statements: object[] = [
    { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${accountId}:root` }, Action: 'kms:*', Resource: '*' },
  ];
  if (administrators.length) {
    statements.push({
      Sid: 'Allow access for Key Administrators', Effect: 'Allow', Principal: { AWS: principalList(administrators) },
      Action: external ? [...ADMIN_ACTIONS, 'kms:ImportKeyMaterial'] : ADMIN_ACTIONS, Resource: '*',
    });
  }
  if (users.length) {
    statements.push(
      { Sid: 'Allow use of the key', Effect: 'Allow', Principal: { AWS: principalList(users) }, Action: USER_ACTIONS[keyUse], Resource: '*' },
      {
        Sid: 'Allow attachment of persistent resources', Effect: 'Allow', Principal: { AWS: principalList(users) },
        Action: ['kms:CreateGrant', 'kms:ListGrants', 'kms:RevokeGrant'], Resource: '*',
        Condition: { Bool: { 'kms:GrantIsForAWSResource': 'true' } },
      },
    );
  }
  return jacksonPretty({ Id: 'key-consolepolicy-3', Version: '2012-10-17', Statement: statements });
}
