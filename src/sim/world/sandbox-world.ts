import { administratorAccess, applicationKmsUse, decryptAnyKey, kmsKeyAdministrator } from './sandbox-policies.ts';
import { INTEGRATED_SERVICES } from './services.ts';
import type { WorldSpec } from './types.ts';

export const SANDBOX_ACCOUNT = '111122223333';
export const PARTNER_ACCOUNT = '444455556666';

/**
 * The sandbox's world: Example Corp (111122223333) with an administrator, a developer with no KMS
 * permissions, a key administrator and an application role whose EC2 instance has assumed it; a
 * partner company (444455556666) whose user may decrypt with keys shared with it; and the AWS
 * services that use KMS on a principal's behalf. Source IPs are documentation addresses (RFC 5737).
 */
export const SANDBOX_WORLD: WorldSpec = {
  region: 'eu-west-2',
  accounts: [
    {
      id: SANDBOX_ACCOUNT,
      name: 'Example Corp',
      description: 'The company whose keys the sandbox manages.',
      users: [
        {
          name: 'alice',
          description: 'Administrator: AdministratorAccess allows every action on every resource.',
          policies: [administratorAccess()],
          tags: { Department: 'Security', Role: 'admin' },
          sourceIp: '203.0.113.10',
        },
        {
          name: 'bob',
          description: 'Developer with no IAM policies at all: only a key policy or a grant can let him use a key.',
          policies: [],
          tags: { Department: 'Engineering' },
          sourceIp: '203.0.113.11',
        },
        {
          name: 'carol',
          description: 'Key administrator: may create and manage keys, but not encrypt or decrypt with them.',
          policies: [kmsKeyAdministrator()],
          tags: { Department: 'Security', Role: 'key-admin' },
          sourceIp: '203.0.113.12',
        },
      ],
      roles: [
        {
          name: 'AppServer',
          description: "Application role: may Encrypt, Decrypt and GenerateDataKey with the account's keys.",
          policies: [applicationKmsUse(SANDBOX_ACCOUNT)],
          tags: { Application: 'web-shop', Department: 'Engineering' },
          sessions: [
            { name: 'i-0a1b2c3d4e5f67890', description: 'The web server: an EC2 instance using the AppServer role.', sourceIp: '198.51.100.20' },
          ],
        },
      ],
    },
    {
      id: PARTNER_ACCOUNT,
      name: 'Partner Corp',
      description: 'Another AWS account: it can use a key of Example Corp only if both accounts allow it.',
      users: [
        {
          name: 'dave',
          description: 'Partner user: his own account allows kms:Decrypt on any key; the key policy must allow it too.',
          policies: [decryptAnyKey()],
          tags: { Department: 'Partners' },
          sourceIp: '192.0.2.44',
        },
      ],
    },
  ],
  services: INTEGRATED_SERVICES,
  current: `arn:aws:iam::${SANDBOX_ACCOUNT}:user/alice`,
};
