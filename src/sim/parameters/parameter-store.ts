/**
 * SSM Parameter Store, as far as it touches KMS. String and StringList values are stored as they
 * are; SecureString values never are:
 *
 *   Standard tier  PutParameter → kms:Encrypt(KeyId, Plaintext = the value, EncryptionContext =
 *                  { PARAMETER_ARN: <the parameter's ARN> }); GetParameter --with-decryption →
 *                  kms:Decrypt(the stored blob, the same context). One KMS call each way.
 *   Advanced tier  envelope encryption: kms:GenerateDataKey(AES_256, same context), the value
 *                  encrypted here with the data key (which is then erased), the encrypted data key
 *                  stored beside it; reading calls kms:Decrypt on that data key.
 *
 * Every KMS call is made with the CALLER's identity, through the service: the context carries
 * `viaService: ssm.<region>.amazonaws.com`, so the key policy sees kms:ViaService and CloudTrail
 * records the caller with `invokedBy: ssm.amazonaws.com`. A caller whom the key's policies do not
 * allow kms:Decrypt can read the parameter's ciphertext but not its value. With no KeyId the AWS
 * managed key alias/aws/ssm is used (KMS creates it on first use).
 *
 * Not modelled: SSM's own IAM actions (ssm:GetParameter …), labels, version selectors, parameter
 * policies, hierarchies' limits, Intelligent-Tiering, throughput settings.
 */
import { isKmsError, type CallContext, type Kms, type KmsCaller, type Output } from '../../kms/index';
import { decryptWithDataKey, encryptWithDataKey } from '../envelope/data-key-cipher';
import type { Bytes } from '../tls/bytes';
import { fromKmsError, isSsmError, SsmError, ssmMessages } from './errors';
import { PARAMETER_OPERATIONS, PARAMETER_TIERS, PARAMETER_TYPES } from './operations';

export type ParameterType = (typeof PARAMETER_TYPES)[number];
export type ParameterTier = 'Standard' | 'Advanced';

/** The AWS managed key Parameter Store uses when a SecureString names none. */
export const AWS_MANAGED_SSM_ALIAS = 'alias/aws/ssm';
/** The encryption context key Parameter Store binds every SecureString to. */
export const PARAMETER_ARN_CONTEXT = 'PARAMETER_ARN';
export const STANDARD_VALUE_LIMIT = 4096;
export const ADVANCED_VALUE_LIMIT = 8192;

type Sealed =
  | { kind: 'plain'; value: string }
  | { kind: 'kms-blob'; blob: Uint8Array }
  | { kind: 'envelope'; encryptedDataKey: Uint8Array; iv: Bytes; ciphertext: Bytes };

interface StoredParameter {
  name: string;
  arn: string;
  type: ParameterType;
  tier: ParameterTier;
  /** As the request named it (alias/aws/ssm by default), for SecureStrings only. */
  keyId?: string;
  description?: string;
  version: number;
  lastModified: number;
  lastModifiedUser: string;
  sealed: Sealed;
}

/** One call Parameter Store made to KMS for a caller, for views and checks. */
export interface ParameterKmsCall {
  operation: 'Encrypt' | 'Decrypt' | 'GenerateDataKey';
  parameterArn: string;
  encryptionContext: Record<string, string>;
  callerArn: string;
  viaService: string;
  errorCode?: string;
  /** The CloudTrail eventID KMS recorded for it. */
  eventId?: string;
}

/** A view of one parameter without its value (what DescribeParameters shows). */
export interface ParameterSummary {
  name: string;
  arn: string;
  type: ParameterType;
  tier: ParameterTier;
  keyId?: string;
  version: number;
  /** What is at rest: the value itself for String types, ciphertext for SecureString. */
  atRest: 'plaintext' | 'kms-ciphertext' | 'envelope';
  storedBytes: number;
}

export interface ParameterStoreOptions {
  kms: Kms;
  accountId: string;
  region: string;
  /** Told about every KMS call the store makes (the lesson draws them). */
  onKmsCall?: (call: ParameterKmsCall) => void;
  /** Told when a request starts and when it is answered, so its KMS calls can be drawn inside it. */
  onRequest?: (request: ParameterRequest) => void;
}

/** One request to Parameter Store, as it starts ('start') and as it is answered ('end'). */
export interface ParameterRequest {
  phase: 'start' | 'end';
  operation: string;
  callerArn: string;
  /** At 'end', the SSM error code when the request failed. */
  errorCode?: string;
}

export interface RequestContext {
  caller: KmsCaller;
  /** Default: the store's region. */
  region?: string;
}

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();
const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

export class ParameterStore {
  private readonly parameters = new Map<string, StoredParameter>();

  constructor(private readonly options: ParameterStoreOptions) {}

  private find(nameOrArn: string): StoredParameter | undefined {
    for (const name of candidateNames(nameOrArn)) {
      const found = this.parameters.get(name);
      if (found) return found;
    }
    return undefined;
  }

  get region(): string {
    return this.options.region;
  }

  get viaService(): string {
    return `ssm.${this.options.region}.amazonaws.com`;
  }

  /** `arn:aws:ssm:<region>:<account>:parameter/<name>`; a leading slash of the name is not doubled. */
  arnOf(name: string): string {
    return `arn:aws:ssm:${this.options.region}:${this.options.accountId}:parameter/${name.replace(/^\//, '')}`;
  }

  list(): ParameterSummary[] {
    return [...this.parameters.values()].map((p) => ({
      name: p.name,
      arn: p.arn,
      type: p.type,
      tier: p.tier,
      ...(p.keyId ? { keyId: p.keyId } : {}),
      version: p.version,
      atRest: p.sealed.kind === 'plain' ? 'plaintext' : p.sealed.kind === 'kms-blob' ? 'kms-ciphertext' : 'envelope',
      storedBytes: p.sealed.kind === 'plain' ? utf8.encode(p.sealed.value).length : p.sealed.kind === 'kms-blob' ? p.sealed.blob.length : p.sealed.encryptedDataKey.length + p.sealed.iv.length + p.sealed.ciphertext.length,
    }));
  }

  /** Runs one operation by its AWS name with AWS-shaped input (the terminal's entry point). */
  async call(operation: string, input: Record<string, unknown>, context: RequestContext): Promise<Output> {
    const notify = (phase: ParameterRequest['phase'], errorCode?: string) =>
      this.options.onRequest?.({ phase, operation, callerArn: context.caller.arn, ...(errorCode ? { errorCode } : {}) });
    notify('start');
    try {
      const output = await this.dispatch(operation, input, context);
      notify('end');
      return output;
    } catch (error) {
      notify('end', isSsmError(error) ? error.code : 'InternalServerError');
      throw error;
    }
  }

  private dispatch(operation: string, input: Record<string, unknown>, context: RequestContext): Promise<Output> {
    switch (operation) {
      case 'PutParameter':
        return this.putParameter(input as unknown as PutParameterInput, context);
      case 'GetParameter':
        return this.getParameter(input as unknown as { Name: string; WithDecryption?: boolean }, context);
      case 'GetParameters':
        return this.getParameters(input as unknown as { Names: string[]; WithDecryption?: boolean }, context);
      case 'DeleteParameter':
        return this.deleteParameter(input as unknown as { Name: string });
      case 'DescribeParameters':
        return this.describeParameters();
      default:
        throw new SsmError('InvalidAction', `The action ${operation} is not valid for this web service.`);
    }
  }

  async putParameter(input: PutParameterInput, context: RequestContext): Promise<Output> {
    const name = input.Name;
    const existing = this.parameters.get(name);
    if (input.Type !== undefined && !(PARAMETER_TYPES as readonly string[]).includes(input.Type)) throw new SsmError('ValidationException', ssmMessages.notInEnum(input.Type, 'type', PARAMETER_TYPES));
    if (input.Tier !== undefined && !(PARAMETER_TIERS as readonly string[]).includes(input.Tier)) throw new SsmError('ValidationException', ssmMessages.notInEnum(input.Tier, 'tier', PARAMETER_TIERS));
    if (input.Tier === 'Intelligent-Tiering') throw new SsmError('ValidationException', ssmMessages.intelligentTiering());
    if (existing && !input.Overwrite) throw new SsmError('ParameterAlreadyExists', ssmMessages.alreadyExists());
    const type = (input.Type ?? existing?.type) as ParameterType | undefined;
    if (!type) throw new SsmError('ValidationException', ssmMessages.typeRequired());
    if (input.KeyId !== undefined && type !== 'SecureString') throw new SsmError('ValidationException', ssmMessages.keyIdOnlyForSecureString());
    const tier: ParameterTier = (input.Tier as ParameterTier | undefined) ?? existing?.tier ?? 'Standard';
    const length = [...input.Value].length;
    if (length > ADVANCED_VALUE_LIMIT) throw new SsmError('ValidationException', ssmMessages.tooLong('value', ADVANCED_VALUE_LIMIT));
    if (tier === 'Standard' && length > STANDARD_VALUE_LIMIT) throw new SsmError('ValidationException', ssmMessages.standardTooLong());

    const arn = this.arnOf(name);
    const keyId = type === 'SecureString' ? (input.KeyId ?? (existing?.type === 'SecureString' && input.Type === undefined ? existing.keyId : undefined) ?? AWS_MANAGED_SSM_ALIAS) : undefined;
    const sealed = keyId ? await this.seal(input.Value, keyId, tier, arn, context) : ({ kind: 'plain', value: input.Value } as const);
    const version = (existing?.version ?? 0) + 1;
    this.parameters.set(name, {
      name, arn, type, tier, ...(keyId ? { keyId } : {}), ...(input.Description !== undefined ? { description: input.Description } : existing?.description !== undefined ? { description: existing.description } : {}),
      version, lastModified: this.options.kms.clock.now(), lastModifiedUser: context.caller.arn, sealed,
    });
    return { Version: version, Tier: tier };
  }

  async getParameter(input: { Name: string; WithDecryption?: boolean }, context: RequestContext): Promise<Output> {
    const stored = this.find(input.Name);
    if (!stored) throw new SsmError('ParameterNotFound', ssmMessages.parameterNotFound());
    return { Parameter: await this.present(stored, input.WithDecryption === true, context) };
  }

  async getParameters(input: { Names: string[]; WithDecryption?: boolean }, context: RequestContext): Promise<Output> {
    const found: Output[] = [];
    const invalid: string[] = [];
    for (const requested of input.Names) {
      const stored = this.find(requested);
      if (stored) found.push(await this.present(stored, input.WithDecryption === true, context));
      else invalid.push(requested);
    }
    return { Parameters: found, InvalidParameters: invalid };
  }

  async deleteParameter(input: { Name: string }): Promise<Output> {
    const stored = this.find(input.Name);
    if (!stored || !this.parameters.delete(stored.name)) throw new SsmError('ParameterNotFound', ssmMessages.parameterNotFound());
    return {};
  }

  async describeParameters(): Promise<Output> {
    const sorted = [...this.parameters.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
    return {
      Parameters: sorted.map((p) => ({
        Name: p.name, ARN: p.arn, Type: p.type, ...(p.keyId ? { KeyId: p.keyId } : {}), LastModifiedDate: new Date(p.lastModified),
        LastModifiedUser: p.lastModifiedUser, ...(p.description !== undefined ? { Description: p.description } : {}), Version: p.version, Tier: p.tier, Policies: [], DataType: 'text',
      })),
    };
  }

  private async present(stored: StoredParameter, decrypt: boolean, context: RequestContext): Promise<Output> {
    return {
      Name: stored.name,
      Type: stored.type,
      Value: decrypt || stored.sealed.kind === 'plain' ? await this.open(stored, context) : toBase64(sealedBytes(stored.sealed)),
      Version: stored.version,
      LastModifiedDate: new Date(stored.lastModified),
      ARN: stored.arn,
      DataType: 'text',
    };
  }

  private async seal(value: string, keyId: string, tier: ParameterTier, arn: string, context: RequestContext): Promise<Sealed> {
    const encryptionContext = { [PARAMETER_ARN_CONTEXT]: arn };
    if (tier === 'Standard') {
      const output = await this.kmsCall('Encrypt', { KeyId: keyId, Plaintext: utf8.encode(value), EncryptionContext: encryptionContext }, arn, context);
      return { kind: 'kms-blob', blob: output.CiphertextBlob as Uint8Array };
    }
    const output = await this.kmsCall('GenerateDataKey', { KeyId: keyId, KeySpec: 'AES_256', EncryptionContext: encryptionContext }, arn, context);
    const { iv, ciphertext } = await encryptWithDataKey(output.Plaintext as Uint8Array, utf8.encode(value), arn);
    return { kind: 'envelope', encryptedDataKey: output.CiphertextBlob as Uint8Array, iv, ciphertext };
  }

  private async open(stored: StoredParameter, context: RequestContext): Promise<string> {
    const { sealed, arn } = stored;
    if (sealed.kind === 'plain') return sealed.value;
    const encryptionContext = { [PARAMETER_ARN_CONTEXT]: arn };
    const blob = sealed.kind === 'kms-blob' ? sealed.blob : sealed.encryptedDataKey;
    const output = await this.kmsCall('Decrypt', { CiphertextBlob: blob, EncryptionContext: encryptionContext }, arn, context);
    const plaintext = output.Plaintext as Uint8Array;
    if (sealed.kind === 'kms-blob') return fromUtf8.decode(plaintext);
    return fromUtf8.decode(await decryptWithDataKey(plaintext, sealed.iv, sealed.ciphertext, arn));
  }

  /** One KMS call as the caller, through SSM; a refusal becomes SSM's error with KMS's words. */
  private async kmsCall(operation: ParameterKmsCall['operation'], input: Record<string, unknown>, parameterArn: string, context: RequestContext): Promise<Output> {
    const { kms } = this.options;
    const call: CallContext = { caller: context.caller, region: context.region ?? this.options.region, viaService: this.viaService, userAgent: 'ssm.amazonaws.com' };
    const before = kms.audit.events.length;
    const report = (errorCode?: string) => {
      const eventId = kms.audit.events[before]?.eventID;
      this.options.onKmsCall?.({
        operation, parameterArn, encryptionContext: input.EncryptionContext as Record<string, string>, callerArn: context.caller.arn, viaService: this.viaService,
        ...(errorCode ? { errorCode } : {}), ...(eventId ? { eventId } : {}),
      });
    };
    try {
      const output = await kms.call(operation, input, call);
      report();
      return output;
    } catch (error) {
      if (!isKmsError(error)) throw error;
      report(error.code);
      throw fromKmsError(error.code, error.message, kms.audit.events[before]?.requestID ?? '00000000-0000-0000-0000-000000000000');
    }
  }
}

export interface PutParameterInput {
  Name: string;
  Value: string;
  Type?: string;
  KeyId?: string;
  Overwrite?: boolean;
  Tier?: string;
  Description?: string;
  DataType?: string;
}

/**
 * The names a request may mean: a parameter named by its ARN is the same parameter as by its name,
 * and an ARN drops a name's leading slash, so `parameter/a/b` is `/a/b` or `a/b`.
 */
function candidateNames(nameOrArn: string): string[] {
  const fromArn = /^arn:aws[a-z-]*:ssm:[a-z0-9-]+:\d{12}:parameter\/(.+)$/.exec(nameOrArn)?.[1];
  return fromArn ? [`/${fromArn}`, fromArn] : [nameOrArn];
}

/** What a SecureString's Value is without decryption: the KMS blob, or the envelope laid end to end. */
function sealedBytes(sealed: Exclude<Sealed, { kind: 'plain' }>): Uint8Array {
  if (sealed.kind === 'kms-blob') return sealed.blob;
  const out = new Uint8Array(2 + sealed.encryptedDataKey.length + sealed.iv.length + sealed.ciphertext.length);
  out[0] = sealed.encryptedDataKey.length >> 8;
  out[1] = sealed.encryptedDataKey.length & 0xff;
  out.set(sealed.encryptedDataKey, 2);
  out.set(sealed.iv, 2 + sealed.encryptedDataKey.length);
  out.set(sealed.ciphertext, 2 + sealed.encryptedDataKey.length + sealed.iv.length);
  return out;
}

export { PARAMETER_OPERATIONS };
