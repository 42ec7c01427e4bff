/**
 * What EBS, RDS and Redshift share when they use KMS: the key they use (a customer managed key the
 * caller names, or the service's AWS managed key `aws/<service>`, created on first use), calls made
 * for the caller through the service (kms:ViaService = <prefix>.<region>.amazonaws.com), a grant
 * that lets the service itself use the key later without the caller, and calls the service then
 * makes as itself under that grant (when a volume is attached, a database or cluster starts).
 *
 * Every call goes through callKms (src/sim/storage), which draws it and never guesses an outcome.
 */
import type { Kms, KmsCaller, Output } from '../../kms/index';
import type { Payload } from '../core/events';
import type { Network } from '../network/network';
import { metadataPayload } from '../network/payloads';
import { callKms, type KmsCallResult } from '../storage/kms-call';

export interface ServiceActors {
  /** The service on the diagram. */
  service: string;
  kms: string;
}

export interface IntegratedServiceOptions {
  net: Network;
  kms: Kms;
  region: string;
  accountId: string;
  actors: ServiceActors;
}

export interface ServiceIdentity {
  /** `ebs` (its AWS managed key is aws/ebs). */
  managedKeyService: string;
  /** The host prefix KMS sees as kms:ViaService: `ec2` for EBS, which calls KMS through EC2. */
  viaPrefix: string;
  /** The service principal a grant names as grantee, e.g. `ec2.amazonaws.com`. */
  principal: string;
}

/** A KMS call a service made, for views and checks. */
export interface ServiceKmsCall {
  operation: string;
  /** 'caller': for the principal, through the service; 'service': the service itself, under its grant. */
  as: 'caller' | 'service';
  ok: boolean;
  errorCode?: string;
  eventId?: string;
}

export abstract class IntegratedService {
  readonly calls: ServiceKmsCall[] = [];

  protected constructor(
    protected readonly options: IntegratedServiceOptions,
    readonly identity: ServiceIdentity,
  ) {}

  get viaService(): string {
    return `${this.identity.viaPrefix}.${this.options.region}.amazonaws.com`;
  }

  /** The key ARN to use: the one named, or the service's AWS managed key (KMS creates it on first use, as the note says). */
  protected async keyArn(keyId: string | undefined): Promise<string> {
    const { kms, region, accountId, actors, net } = this.options;
    if (keyId) {
      const named = kms.keys({ accountId, region }).find((k) => k.metadata.KeyId === keyId || k.metadata.Arn === keyId || k.aliases.includes(keyId));
      if (!named) throw new Error(`No KMS key ${keyId} in ${accountId} ${region}.`);
      return String(named.metadata.Arn);
    }
    const alias = `alias/aws/${this.identity.managedKeyService}`;
    const existed = kms.aliases({ accountId, region }).some((a) => a.aliasName === alias);
    const metadata = await kms.awsManagedKey(this.identity.managedKeyService, { region, accountId });
    if (!existed) {
      net.note(actors.kms, `creates the AWS managed key ${alias.slice('alias/'.length)} on the service's first use in ${region}: free, rotated yearly by AWS, its policy allows use only through the service`, {
        tone: 'info', carries: [metadataPayload('KeyManager', 'AWS')],
      });
    }
    return String(metadata.Arn);
  }

  /** A call for the caller, through the service. */
  protected callFor(caller: KmsCaller, operation: string, input: Record<string, unknown>, request: Payload[], response: (output: Output) => Payload[]): Promise<KmsCallResult> {
    return this.track('caller', callKms({ ...this.base(), operation, input, context: { caller, region: this.options.region, viaService: this.viaService }, request, response }));
  }

  /** A call the service makes as itself, allowed by the grant the caller created. */
  protected callAsService(operation: string, input: Record<string, unknown>, request: Payload[], response: (output: Output) => Payload[]): Promise<KmsCallResult> {
    const caller: KmsCaller = { arn: this.identity.principal, type: 'AWSService', accountId: this.options.accountId, principalId: this.identity.principal };
    return this.track('service', callKms({ ...this.base(), operation, input, context: { caller, region: this.options.region }, request, response }));
  }

  protected note(text: string, tone: 'info' | 'success' | 'warning' | 'danger' = 'info', carries?: Payload[]): void {
    this.options.net.note(this.options.actors.service, text, { tone, ...(carries ? { carries } : {}) });
  }

  private base() {
    const { net, kms, actors } = this.options;
    return { net, kms, from: actors.service, kmsActor: actors.kms };
  }

  private async track(as: ServiceKmsCall['as'], pending: Promise<KmsCallResult>): Promise<KmsCallResult> {
    const result = await pending;
    this.calls.push({
      operation: result.audit?.eventName ?? 'unknown', as, ok: result.ok,
      ...(result.ok ? {} : { errorCode: result.error.code }), ...(result.audit ? { eventId: result.audit.eventID } : {}),
    });
    return result;
  }
}

/** The grant every service asks for: its principal may Decrypt (and re-encrypt) with this context only. */
export function serviceGrant(keyArn: string, principal: string, encryptionContext: Record<string, string>, caller: KmsCaller): Record<string, unknown> {
  return {
    KeyId: keyArn,
    GranteePrincipal: principal,
    RetiringPrincipal: principal,
    Operations: ['Decrypt', 'ReEncryptFrom', 'ReEncryptTo', 'DescribeKey'],
    Constraints: { EncryptionContextSubset: encryptionContext },
    Name: `${principal.split('.')[0]}-grant-for-${caller.arn.split(/[:/]/).pop()}`,
  };
}

export const encryptedKeyPayload = (label: string, preview: string): Payload => ({ kind: 'encrypted-key', label, preview });
export const plaintextKeyPayload = (label: string, preview: string): Payload => ({ kind: 'key', label, preview });
export const contextPayload = (context: Record<string, string>): Payload =>
  metadataPayload('EncryptionContext', Object.entries(context).map(([k, v]) => `${k}=${v}`).join(', '));
