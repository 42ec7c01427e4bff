import type { NamedPolicy } from '../../kms/access/policy/types.ts';

/**
 * Identity policies of the sandbox's people, written as AWS documents are. Names follow AWS where a
 * managed policy exists (AdministratorAccess); the others are customer managed policies as a
 * company would write them.
 */

/** AWS managed policy AdministratorAccess (arn:aws:iam::aws:policy/AdministratorAccess), verbatim. */
export const administratorAccess = (): NamedPolicy => ({
  name: 'AdministratorAccess',
  document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
});

/**
 * A key administrator: the actions of the console's "Allow access for Key Administrators"
 * statement (reference §11.1) plus creating keys and listing them, which only IAM can allow.
 * No cryptographic operation: an administrator manages keys and cannot use them.
 */
export const kmsKeyAdministrator = (): NamedPolicy => ({
  name: 'KMSKeyAdministrator',
  document: {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'ManageKeys',
        Effect: 'Allow',
        Action: [
          'kms:Create*', 'kms:Describe*', 'kms:Enable*', 'kms:List*', 'kms:Put*', 'kms:Update*', 'kms:Revoke*',
          'kms:Disable*', 'kms:Get*', 'kms:Delete*', 'kms:TagResource', 'kms:UntagResource',
          'kms:ScheduleKeyDeletion', 'kms:CancelKeyDeletion', 'kms:RotateKeyOnDemand',
        ],
        Resource: '*',
      },
    ],
  },
});

/** An application's role: envelope encryption with the keys of its own account, nothing else. */
export const applicationKmsUse = (accountId: string): NamedPolicy => ({
  name: 'AppKeyUsage',
  document: {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'UseKeysOfThisAccount',
        Effect: 'Allow',
        Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey'],
        Resource: `arn:aws:kms:*:${accountId}:key/*`,
      },
    ],
  },
});

/** The IAM half of a cross-account grant: the partner's own account lets its user decrypt with any key. */
export const decryptAnyKey = (): NamedPolicy => ({
  name: 'DecryptSharedKeys',
  document: {
    Version: '2012-10-17',
    Statement: [{ Sid: 'DecryptWithSharedKeys', Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' }],
  },
});
