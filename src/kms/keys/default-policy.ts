/**
 * Key policies KMS writes by itself (reference §11.1), pretty-printed the way GetKeyPolicy returns
 * them (Jackson style: `"Key" : value`, two-space indent, `[ {` for arrays of objects).
 */

/** Jackson's default pretty printer, which is what KMS's GetKeyPolicy output looks like. */
export function jacksonPretty(value: unknown, indent = ''): string {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[ ]';
    return `[ ${value.map((v, i) => (i === 0 ? '' : ', ') + jacksonPretty(v, indent)).join('')} ]`;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return '{ }';
    const body = entries.map(([k, v]) => `${inner}${JSON.stringify(k)} : ${jacksonPretty(v, inner)}`).join(',\n');
    return `{\n${body}\n${indent}}`;
  }
  return JSON.stringify(value);
}

/**
 * The policy of a key created through the API without a Policy. The Sid is the recorded live value
 * "Enable IAM User Permissions" (current docs label it "Enable IAM policies"; the recording is newer
 * evidence of what AWS actually writes).
 */
export function defaultKeyPolicy(accountId: string): string {
  return jacksonPretty({
    Version: '2012-10-17',
    Id: 'key-default-1',
    Statement: [
      {
        Sid: 'Enable IAM User Permissions',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${accountId}:root` },
        Action: 'kms:*',
        Resource: '*',
      },
    ],
  });
}

/**
 * Services that call KMS through another service's endpoint: EBS volumes are created and attached
 * by EC2, so the aws/ebs key's policy names `ec2.<region>.amazonaws.com` as kms:ViaService.
 */
const SERVICE_ENDPOINT: Record<string, string> = { ebs: 'ec2' };

/**
 * The policy of an AWS managed key (`alias/aws/<service>`): any principal of the account may use it
 * through the service only, and may read its metadata directly. Shape as AWS documents it for
 * AWS managed keys; the Id numbering AWS uses is not recorded, `auto-<service>-1` is our choice.
 */
export function awsManagedKeyPolicy(accountId: string, service: string, region: string): string {
  const endpoint = SERVICE_ENDPOINT[service] ?? service;
  return jacksonPretty({
    Version: '2012-10-17',
    Id: `auto-${service}-1`,
    Statement: [
      {
        Sid: `Allow access through ${service} for all principals in the account that are authorized to use ${service}`,
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:CreateGrant', 'kms:DescribeKey'],
        Resource: '*',
        Condition: {
          StringEquals: { 'kms:CallerAccount': accountId, 'kms:ViaService': `${endpoint}.${region}.amazonaws.com` },
        },
      },
      {
        Sid: 'Allow direct access to key metadata to the account',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${accountId}:root` },
        Action: ['kms:Describe*', 'kms:Get*', 'kms:List*', 'kms:RevokeGrant'],
        Resource: '*',
      },
    ],
  });
}
