/**
 * Every exception the simulated KMS can raise, with AWS's own texts where they are recorded
 * (reference/kms-api.md §15). The engine rejects ONLY with KmsError; the wire layer turns one into
 * HTTP `status` with body `{"__type": code, [messageKey]: message}`.
 */
export const KMS_ERROR_CODES = [
  'AccessDeniedException',
  'AlreadyExistsException',
  'ConflictException',
  'DependencyTimeoutException',
  'DisabledException',
  'DryRunOperationException',
  'ExpiredImportTokenException',
  'IncorrectKeyException',
  'IncorrectKeyMaterialException',
  'InvalidAliasNameException',
  'InvalidArnException',
  'InvalidCiphertextException',
  'InvalidGrantIdException',
  'InvalidGrantTokenException',
  'InvalidImportTokenException',
  'InvalidKeyUsageException',
  'InvalidMarkerException',
  'KeyUnavailableException',
  'KMSInternalException',
  'KMSInvalidMacException',
  'KMSInvalidSignatureException',
  'KMSInvalidStateException',
  'LimitExceededException',
  'MalformedPolicyDocumentException',
  'NotAuthorizedException',
  'NotFoundException',
  // The JSON 1.1 protocol's answer to a body it cannot read (a member of the wrong JSON type, bad base64).
  'SerializationException',
  'TagException',
  'ThrottlingException',
  'UnknownOperationException',
  'UnsupportedOperationException',
  'ValidationException',
] as const;

export type KmsErrorCode = (typeof KMS_ERROR_CODES)[number];

/** botocore marks these `fault: true`: the service answers 500 (reference §1). */
const SERVER_FAULTS: ReadonlySet<KmsErrorCode> = new Set([
  'KMSInternalException',
  'DependencyTimeoutException',
  'KeyUnavailableException',
]);

export class KmsError extends Error {
  readonly code: KmsErrorCode;
  /** HTTP status on the wire: 400 for every client error (recorded), 500 for server faults. */
  readonly status: 400 | 500;
  /**
   * The JSON key of the message on the wire. AWS writes AccessDeniedException with a capital
   * `Message` (recorded in aws-nitro-enclaves-sdk-c #157); every modelled KMS exception uses `message`.
   */
  readonly messageKey: 'message' | 'Message';

  constructor(code: KmsErrorCode, message = '') {
    super(message);
    this.name = code;
    this.code = code;
    this.status = SERVER_FAULTS.has(code) ? 500 : 400;
    this.messageKey = code === 'AccessDeniedException' ? 'Message' : 'message';
  }

  /** The JSON 1.1 error body AWS sends. */
  toWire(): Record<string, string> {
    return { __type: this.code, [this.messageKey]: this.message };
  }
}

export function isKmsError(value: unknown): value is KmsError {
  return value instanceof KmsError;
}

/** Messages AWS writes, one function per template, so no text is typed twice. */
export const messages = {
  disabled: (arn: string) => `${arn} is disabled.`,
  pendingDeletion: (arn: string) => `${arn} is pending deletion.`,
  notPendingDeletion: (arn: string) => `${arn} is not pending deletion.`,
  pendingImport: (arn: string) => `${arn} is pending import.`,
  unavailable: (arn: string) => `${arn} is unavailable.`,
  creating: (arn: string) => `${arn} is creating.`,
  updating: (arn: string) => `${arn} is updating.`,
  keyDoesNotExist: (arn: string) => `Key '${arn}' does not exist`,
  invalidKeyId: (id: string) => `Invalid keyId '${id}'`,
  invalidArn: (region: string) => `Invalid arn ${region}`,
  aliasNotFound: (aliasArn: string) => `Alias ${aliasArn} is not found.`,
  aliasExists: (aliasArn: string) => `An alias with the name ${aliasArn} already exists`,
  aliasPrefix: () =>
    'Alias must start with the prefix "alias/". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html',
  keyUsageInvalid: (arn: string, usage: string, operation: string) =>
    `${arn} key usage is ${usage} which is not valid for ${operation}.`,
  algorithmIncompatible: (algorithm: string, spec: string) =>
    `Algorithm ${algorithm} is incompatible with key spec ${spec}.`,
  originInvalid: (arn: string, origin: string) => `${arn} origin is ${origin} which is not valid for this operation.`,
  incorrectKey: () => 'The key ID in the request does not identify a CMK that can perform this operation.',
  tooLargeForRsa: (algorithm: string, spec: string, max: number) =>
    `Algorithm ${algorithm} and key spec ${spec} cannot encrypt data larger than ${max} bytes.`,
  digestLength: (algorithm: string) => `Digest is invalid length for algorithm ${algorithm}.`,
  keyUsageRequired: () => 'You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.',
  throttled: () => 'You have exceeded the rate at which you may call KMS. Reduce the frequency of your calls.',
  dryRun: () => 'The request would have succeeded, but the DryRun option is set.',
  rotationLimit: (arn: string) =>
    `The on-demand rotations limit has been reached for the given keyId. No more on-demand rotations can be performed for this key: ${arn}`,
  noPendingRotation: (arn: string) => `No available key material pending rotation for the key: ${arn}.`,
  validToRequired: () => 'A validTo date must be set if the ExpirationModel is KEY_MATERIAL_EXPIRES',
  accessDenied: (callerArn: string, action: string, resource: string, reason: string) =>
    `User: ${callerArn} is not authorized to perform: kms:${action} on resource: ${resource} ${reason}`,
  notSimulated: (what: string) => `${what} is not simulated in KMS Lab.`,
  /** AWS's text is not recorded; the exception is the modelled one. */
  invalidGrantToken: () => 'Invalid grant token.',
} as const;
