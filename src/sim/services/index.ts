/**
 * Integrated AWS services as far as they touch KMS, one model each, every call made for real on
 * the simulated KMS and drawn by callKms (S3 is src/sim/storage's ObjectStore):
 *
 *   ebs.ts       EbsVolumes: CreateVolume (GenerateDataKeyWithoutPlaintext), AttachVolume (CreateGrant, Decrypt under it)
 *   rds.ts       RdsInstances: CreateDBInstance (CreateGrant, GenerateDataKeyWithoutPlaintext), start (Decrypt under the grant)
 *   redshift.ts  RedshiftClusters: the four-tier key hierarchy; CreateGrant, GenerateDataKeyWithoutPlaintext, Decrypt of the CEK
 *   integrated-service.ts  what they share: AWS managed or customer managed key, kms:ViaService, the service's grant
 */
export { EbsVolumes } from './ebs';
export { RdsInstances } from './rds';
export { RedshiftClusters, REDSHIFT_KEY_HIERARCHY } from './redshift';
export { IntegratedService, serviceGrant, type IntegratedServiceOptions, type ServiceActors, type ServiceIdentity, type ServiceKmsCall } from './integrated-service';
