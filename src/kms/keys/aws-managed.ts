import type { KmsWorld } from '../engine-context.ts';
import { awsManagedKeyPolicy } from './default-policy.ts';
import { aliasArn } from './identifiers.ts';
import { createKeyRecord } from './key-factory.ts';
import type { Scope } from './key-store.ts';
import type { KmsKey } from './kms-key.ts';

/**
 * AWS managed keys (`alias/aws/<service>`): created by an integrated service on first use, managed
 * by AWS (KeyManager AWS), rotated every year, not deletable, with a policy that allows use only
 * through the service. The exact description text varies per service at AWS; this one follows the
 * pattern of S3's ("Default master key that protects my S3 objects when no other key is defined").
 */
/**
 * Integrated services whose AWS managed key KMS creates when a caller first names
 * `alias/aws/<service>` (DescribeKey or a cryptographic call), as AWS does.
 */
export const INTEGRATED_SERVICES = [
  'acm', 'backup', 'codecommit', 'dynamodb', 'ebs', 'elasticfilesystem', 'es', 'kinesis', 'lambda', 'rds', 'redshift',
  's3', 'secretsmanager', 'sns', 'sqs', 'ssm',
] as const;

/** The service of `alias/aws/<service>` (name or ARN) when it is an integrated service, else undefined. */
export function awsManagedService(ref: string): string | undefined {
  const name = /^(?:arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:)?alias\/aws\/([a-z0-9-]+)$/.exec(ref)?.[1];
  return name && (INTEGRATED_SERVICES as readonly string[]).includes(name) ? name : undefined;
}

export async function ensureAwsManagedKey(world: KmsWorld, service: string, scope: Scope): Promise<KmsKey> {
  const name = `alias/aws/${service}`;
  const existing = world.store.getAlias(scope, name);
  const found = existing && world.store.all().find((k) => k.id === existing.targetKeyId && k.region === scope.region);
  if (found) return found;
  const key = await createKeyRecord(world, {
    ...scope,
    spec: 'SYMMETRIC_DEFAULT',
    usage: 'ENCRYPT_DECRYPT',
    origin: 'AWS_KMS',
    manager: 'AWS',
    description: `Default key that protects my ${service} data when no other key is defined`,
    policy: awsManagedKeyPolicy(scope.accountId, service, scope.region),
    rotationDays: 365,
  });
  world.store.add(key);
  const now = world.clock.now();
  world.store.putAlias({
    aliasName: name, aliasArn: aliasArn(scope.region, scope.accountId, name), ...scope,
    targetKeyId: key.id, createdAt: now, lastUpdatedAt: now,
  });
  return key;
}
