/**
 * Amazon EBS encrypting a volume (AWS KMS Developer Guide, "How Amazon EBS uses AWS KMS"):
 *
 *   CreateVolume  EC2, for the caller: GenerateDataKeyWithoutPlaintext(the volume's key,
 *                 EncryptionContext aws:ebs:id = the volume id) → only the ENCRYPTED data key,
 *                 stored with the volume's metadata. No plaintext key exists yet.
 *   AttachVolume  EC2, for the caller: CreateGrant so EC2 may decrypt that data key; then EC2, as
 *                 itself under the grant: Decrypt → the plaintext data key, kept in the memory of
 *                 the host (the Nitro hypervisor), which encrypts every block the instance writes.
 *
 * EBS calls KMS through EC2, so kms:ViaService is ec2.<region>.amazonaws.com. Default key aws/ebs.
 */
import type { KmsCaller } from '../../kms/index';
import { metadataPayload } from '../network/payloads';
import { contextPayload, encryptedKeyPayload, IntegratedService, plaintextKeyPayload, serviceGrant, type IntegratedServiceOptions } from './integrated-service';

interface Volume {
  id: string;
  keyArn: string;
  encryptedDataKey: Uint8Array;
  attachedTo?: string;
}

export class EbsVolumes extends IntegratedService {
  private readonly volumes = new Map<string, Volume>();

  constructor(options: IntegratedServiceOptions) {
    super(options, { managedKeyService: 'ebs', viaPrefix: 'ec2', principal: 'ec2.amazonaws.com' });
  }

  volume(id: string): Readonly<Volume> | undefined {
    return this.volumes.get(id);
  }

  async createVolume(request: { caller: KmsCaller; volumeId: string; keyId?: string }): Promise<boolean> {
    const keyArn = await this.keyArn(request.keyId);
    const context = { 'aws:ebs:id': request.volumeId };
    this.note(`CreateVolume ${request.volumeId} (encrypted): asks KMS for a data key it cannot read`, 'info', [metadataPayload('KmsKeyId', keyArn)]);
    const result = await this.callFor(request.caller, 'GenerateDataKeyWithoutPlaintext', { KeyId: keyArn, KeySpec: 'AES_256', EncryptionContext: context }, [contextPayload(context)], () => [
      encryptedKeyPayload('CiphertextBlob', 'the volume\'s data key, encrypted: no plaintext copy exists'),
    ]);
    if (!result.ok) {
      this.note(`cannot create ${request.volumeId}: KMS answered ${result.error.code}`, 'danger');
      return false;
    }
    this.volumes.set(request.volumeId, { id: request.volumeId, keyArn, encryptedDataKey: result.output.CiphertextBlob as Uint8Array });
    this.note(`stores the encrypted data key with ${request.volumeId}'s metadata`, 'success', [encryptedKeyPayload('encrypted data key', 'beside the volume')]);
    return true;
  }

  async attachVolume(request: { caller: KmsCaller; volumeId: string; instanceId: string }): Promise<boolean> {
    const volume = this.volumes.get(request.volumeId);
    if (!volume) throw new Error(`No volume ${request.volumeId}.`);
    const context = { 'aws:ebs:id': volume.id };
    this.note(`AttachVolume ${volume.id} to ${request.instanceId}: EC2 needs the data key, so it first asks for a grant`);
    const grant = await this.callFor(request.caller, 'CreateGrant', serviceGrant(volume.keyArn, this.identity.principal, context, request.caller), [metadataPayload('GranteePrincipal', this.identity.principal), contextPayload(context)], (output) => [
      metadataPayload('GrantId', String(output.GrantId).slice(0, 16) + '…'),
    ]);
    if (!grant.ok) {
      this.note(`cannot attach ${volume.id}: the caller may not create the grant (${grant.error.code})`, 'danger');
      return false;
    }
    const opened = await this.callAsService('Decrypt', { CiphertextBlob: volume.encryptedDataKey, EncryptionContext: context }, [encryptedKeyPayload('CiphertextBlob', 'the volume\'s encrypted data key'), contextPayload(context)], () => [
      plaintextKeyPayload('Plaintext', 'the volume\'s data key, for the host\'s memory only'),
    ]);
    if (!opened.ok) {
      this.note(`cannot attach ${volume.id}: KMS refused Decrypt (${opened.error.code})`, 'danger');
      return false;
    }
    (opened.output.Plaintext as Uint8Array).fill(0);
    volume.attachedTo = request.instanceId;
    this.note(`keeps the plaintext data key in the host's memory (Nitro) and encrypts every block ${request.instanceId} writes; the disk holds only ciphertext`, 'success');
    return true;
  }
}
