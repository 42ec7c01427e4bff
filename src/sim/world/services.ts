import type { ServiceSpec } from './types.ts';

/**
 * The integrated services of the sandbox. Each calls KMS on a principal's behalf, which KMS sees
 * as `kms:ViaService = <prefix>.<region>.amazonaws.com` — for EBS the prefix is `ec2`, because EBS
 * volumes are encrypted through the EC2 service (AWS's own EBS key policy says ec2.<region>).
 */
export const INTEGRATED_SERVICES: ServiceSpec[] = [
  { name: 's3', title: 'Amazon S3', principal: 's3.amazonaws.com', description: 'Stores objects encrypted with SSE-KMS.' },
  { name: 'ebs', title: 'Amazon EBS', principal: 'ec2.amazonaws.com', description: 'Encrypts volumes and snapshots; calls KMS through EC2.' },
  { name: 'rds', title: 'Amazon RDS', principal: 'rds.amazonaws.com', description: 'Encrypts database storage.' },
  { name: 'ssm', title: 'AWS Systems Manager Parameter Store', principal: 'ssm.amazonaws.com', description: 'Encrypts SecureString parameters.' },
  { name: 'secretsmanager', title: 'AWS Secrets Manager', principal: 'secretsmanager.amazonaws.com', description: 'Encrypts secrets.' },
];

const VIA_HOST = /^[a-z0-9-]+\.[a-z0-9-]+\.amazonaws\.com$/;

/**
 * The kms:ViaService value when `service` calls in `region`: `service` is a short name of the
 * world's services (`ebs`), their principal (`ec2.amazonaws.com`), or already a full host.
 */
export function viaServiceHost(services: readonly ServiceSpec[], service: string, region: string): string {
  if (VIA_HOST.test(service)) return service;
  const known = services.find((s) => s.name === service || s.principal === service);
  if (!known) throw new Error(`Unknown service "${service}": the world has ${services.map((s) => s.name).join(', ') || 'no services'}.`);
  return `${known.principal.replace(/\.amazonaws\.com$/, '')}.${region}.amazonaws.com`;
}
