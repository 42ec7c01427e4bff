/**
 * Amazon Redshift's four-tier key hierarchy (Redshift Management Guide, "Database encryption"):
 *
 *   KMS key (root)  →  cluster encryption key (CEK)  →  database encryption key (DEK)  →  a data key per block
 *
 * Only the top touches KMS. At launch Redshift, for the caller, creates a grant for itself and asks
 * KMS for a data key it cannot read (GenerateDataKeyWithoutPlaintext): that encrypted data key is
 * the CEK, stored apart from the cluster. Redshift, as itself under the grant, has KMS decrypt the
 * CEK into the cluster's memory; the cluster makes a random DEK, encrypts it under the CEK (no KMS
 * call), and every data block gets its own random AES-256 key encrypted under the DEK (no KMS call
 * either). Encryption context: aws:redshift:arn and aws:redshift:createtime. Default key aws/redshift.
 */
import type { KmsCaller } from '../../kms/index';
import { metadataPayload } from '../network/payloads';
import { contextPayload, encryptedKeyPayload, IntegratedService, plaintextKeyPayload, serviceGrant, type IntegratedServiceOptions } from './integrated-service';

interface Cluster {
  id: string;
  arn: string;
  keyArn: string;
  encryptedCek: Uint8Array;
}

/** The tiers, top first, and whether KMS is involved: views list them as they are. */
export const REDSHIFT_KEY_HIERARCHY = [
  { tier: 'KMS key (root key)', wraps: 'the cluster encryption key', callsKms: true },
  { tier: 'Cluster encryption key (CEK)', wraps: 'the database encryption key', callsKms: true },
  { tier: 'Database encryption key (DEK)', wraps: 'the data encryption keys', callsKms: false },
  { tier: 'Data encryption keys', wraps: 'one data block each', callsKms: false },
] as const;

export class RedshiftClusters extends IntegratedService {
  private readonly clusters = new Map<string, Cluster>();

  constructor(options: IntegratedServiceOptions) {
    super(options, { managedKeyService: 'redshift', viaPrefix: 'redshift', principal: 'redshift.amazonaws.com' });
  }

  cluster(id: string): Readonly<Cluster> | undefined {
    return this.clusters.get(id);
  }

  async createCluster(request: { caller: KmsCaller; clusterId: string; keyId?: string; createTime: string }): Promise<boolean> {
    const { region, accountId } = this.options;
    const keyArn = await this.keyArn(request.keyId);
    const arn = `arn:aws:redshift:${region}:${accountId}:cluster:${request.clusterId}`;
    const context = { 'aws:redshift:arn': arn, 'aws:redshift:createtime': request.createTime };
    this.note(`CreateCluster ${request.clusterId} (encrypted): a grant for Redshift, then the cluster encryption key from KMS`, 'info', [metadataPayload('KmsKeyId', keyArn)]);
    const grant = await this.callFor(request.caller, 'CreateGrant', serviceGrant(keyArn, this.identity.principal, context, request.caller), [metadataPayload('GranteePrincipal', this.identity.principal), contextPayload(context)], (output) => [
      metadataPayload('GrantId', String(output.GrantId).slice(0, 16) + '…'),
    ]);
    if (!grant.ok) return false;
    const cek = await this.callFor(request.caller, 'GenerateDataKeyWithoutPlaintext', { KeyId: keyArn, KeySpec: 'AES_256', EncryptionContext: context }, [contextPayload(context)], () => [
      encryptedKeyPayload('CiphertextBlob', 'the cluster encryption key (CEK), encrypted'),
    ]);
    if (!cek.ok) return false;
    const encryptedCek = cek.output.CiphertextBlob as Uint8Array;
    this.note('stores the encrypted CEK apart from the cluster and sends it to the cluster over a secure channel', 'info', [encryptedKeyPayload('encrypted CEK', 'stored apart from the cluster')]);
    const opened = await this.callAsService('Decrypt', { CiphertextBlob: encryptedCek, EncryptionContext: context }, [encryptedKeyPayload('CiphertextBlob', 'the encrypted CEK'), contextPayload(context)], () => [
      plaintextKeyPayload('Plaintext', 'the CEK, for the cluster\'s memory'),
    ]);
    if (!opened.ok) return false;
    (opened.output.Plaintext as Uint8Array).fill(0);
    this.clusters.set(request.clusterId, { id: request.clusterId, arn, keyArn, encryptedCek });
    this.note('makes a random database encryption key (DEK) and encrypts it under the CEK, then a random key per data block encrypted under the DEK: no more calls to KMS', 'success', [
      plaintextKeyPayload('CEK and DEK', 'in the cluster\'s memory only'), encryptedKeyPayload('encrypted DEK', 'stored apart from the cluster'),
    ]);
    return true;
  }
}
