import type { QuotaFamily, StructureShape } from './shape.ts';
import type { KmsKey } from '../keys/kms-key.ts';
import type { OperationContext } from '../engine-context.ts';

export type Input = Record<string, unknown>;
export type Output = Record<string, unknown>;

/** How the engine finds the key an operation acts on, before authorization. */
export interface KeyMember {
  /** Input member that names the key. */
  member: string;
  /** Whether alias names/ARNs are accepted (cryptographic operations, DescribeKey) or only key id/ARN. */
  aliases: boolean;
  /** Member is optional (ListAliases' KeyId filter, Decrypt's KeyId). */
  optional?: boolean;
}

/**
 * One KMS operation, described once. The engine validates and runs it from this; the wire layer
 * reads `input`/`output` to know which members are blobs and timestamps; the CLI emulator derives
 * its kebab-case flags; the audit reads `readOnly`/`cryptographic`/`action`.
 */
export interface OperationDescription {
  name: string;
  doc: string;
  input: StructureShape;
  output: StructureShape;
  /** IAM action checked by the authorization seam, e.g. `kms:Encrypt`. */
  action: string;
  /** Quota bucket; a function when it depends on the key type or the request. */
  quota: QuotaFamily | ((key: KmsKey | undefined, input: Input) => QuotaFamily | string);
  /** CloudTrail readOnly. */
  readOnly: boolean;
  /** Cryptographic operations log responseElements null (reference §10). */
  cryptographic: boolean;
  /** KMS records every API call as a management event. */
  managementEvent: true;
  /** The key resolved and authorized before the handler runs. */
  key?: KeyMember;
  /** Operation accepts DryRun: the engine runs it and answers DryRunOperationException instead of the output. */
  dryRun?: boolean;
  /** The handler authorizes the key itself (Decrypt and ReEncrypt find it in the blob; RetireGrant in the token). */
  authorizesInHandler?: boolean;
  handler: (ctx: OperationContext, input: Input) => Promise<Output>;
}

/** The quota family of a cryptographic call, by the key it uses (reference §12.1). */
export function quotaByKeyType(key: KmsKey | undefined): QuotaFamily {
  if (!key) return 'symmetric-crypto';
  if (key.spec.startsWith('RSA_')) return 'rsa-crypto';
  if (key.spec.startsWith('ECC_') || key.spec === 'SM2') return 'ecc-crypto';
  return 'symmetric-crypto'; // symmetric and HMAC keys share one quota
}
