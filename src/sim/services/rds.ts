/**
 * Amazon RDS encrypting a DB instance's storage: at creation RDS, for the caller, creates a grant
 * (so RDS itself may use the key while the instance lives) and asks for a data key it cannot read
 * (GenerateDataKeyWithoutPlaintext); each time the instance starts, RDS, as itself under the grant,
 * decrypts that data key for the host. Encryption context aws:rds:db-id = the instance's resource id.
 * kms:ViaService is rds.<region>.amazonaws.com. Default key aws/rds. (Storage encryption is chosen
 * at creation and cannot be switched on later: an unencrypted instance is copied via a snapshot.)
 */
import type { KmsCaller } from '../../kms/index';
import { metadataPayload } from '../network/payloads';
import { contextPayload, encryptedKeyPayload, IntegratedService, plaintextKeyPayload, serviceGrant, type IntegratedServiceOptions } from './integrated-service';

interface DbInstance {
  id: string;
  resourceId: string;
  keyArn: string;
  encryptedDataKey: Uint8Array;
  running: boolean;
}

export class RdsInstances extends IntegratedService {
  private readonly instances = new Map<string, DbInstance>();

  constructor(options: IntegratedServiceOptions) {
    super(options, { managedKeyService: 'rds', viaPrefix: 'rds', principal: 'rds.amazonaws.com' });
  }

  instance(id: string): Readonly<DbInstance> | undefined {
    return this.instances.get(id);
  }

  async createDbInstance(request: { caller: KmsCaller; dbInstanceId: string; resourceId: string; keyId?: string }): Promise<boolean> {
    const keyArn = await this.keyArn(request.keyId);
    const context = { 'aws:rds:db-id': request.resourceId };
    this.note(`CreateDBInstance ${request.dbInstanceId} with StorageEncrypted: a grant for RDS, then a data key it cannot read`, 'info', [metadataPayload('KmsKeyId', keyArn)]);
    const grant = await this.callFor(request.caller, 'CreateGrant', serviceGrant(keyArn, this.identity.principal, context, request.caller), [metadataPayload('GranteePrincipal', this.identity.principal), contextPayload(context)], (output) => [
      metadataPayload('GrantId', String(output.GrantId).slice(0, 16) + '…'),
    ]);
    if (!grant.ok) return false;
    const result = await this.callFor(request.caller, 'GenerateDataKeyWithoutPlaintext', { KeyId: keyArn, KeySpec: 'AES_256', EncryptionContext: context }, [contextPayload(context)], () => [
      encryptedKeyPayload('CiphertextBlob', 'the instance\'s data key, encrypted'),
    ]);
    if (!result.ok) return false;
    this.instances.set(request.dbInstanceId, { id: request.dbInstanceId, resourceId: request.resourceId, keyArn, encryptedDataKey: result.output.CiphertextBlob as Uint8Array, running: false });
    this.note(`stores the encrypted data key with ${request.dbInstanceId}`, 'success', [encryptedKeyPayload('encrypted data key', 'beside the storage')]);
    return true;
  }

  async startDbInstance(dbInstanceId: string): Promise<boolean> {
    const instance = this.instances.get(dbInstanceId);
    if (!instance) throw new Error(`No DB instance ${dbInstanceId}.`);
    const context = { 'aws:rds:db-id': instance.resourceId };
    const opened = await this.callAsService('Decrypt', { CiphertextBlob: instance.encryptedDataKey, EncryptionContext: context }, [encryptedKeyPayload('CiphertextBlob', 'the instance\'s encrypted data key'), contextPayload(context)], () => [
      plaintextKeyPayload('Plaintext', 'the data key, for the database host\'s memory'),
    ]);
    if (!opened.ok) {
      this.note(`${dbInstanceId} cannot start: KMS refused Decrypt (${opened.error.code}); the instance goes to inaccessible-encryption-credentials`, 'danger');
      return false;
    }
    (opened.output.Plaintext as Uint8Array).fill(0);
    instance.running = true;
    this.note(`${dbInstanceId} starts: storage, automated backups, snapshots and read replicas are encrypted with this key`, 'success');
    return true;
  }
}
