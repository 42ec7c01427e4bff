/**
 * Errors raised by the JSON 1.1 front door itself, before a request reaches the engine: a body
 * that is not JSON, a member of the wrong JSON type, a missing or malformed SigV4 header, an
 * unknown X-Amz-Target. The engine's own errors are KmsError (src/kms/errors.ts); these codes are
 * the service framework's, not KMS's, so they live here.
 *
 * Texts follow what AWS's JSON 1.1 endpoints answer (the framework is shared by KMS, Kinesis,
 * DynamoDB…); where the body carries no message at all, `message` is undefined and the body is
 * just `{"__type": …}`, as recorded.
 */
export type ProtocolErrorCode =
  | 'SerializationException'
  | 'UnknownOperationException'
  | 'MissingAuthenticationTokenException'
  | 'IncompleteSignatureException'
  | 'InvalidSignatureException'
  | 'AccessDeniedException';

export class ProtocolError extends Error {
  readonly code: ProtocolErrorCode;
  /** Framework-level exceptions write `Message` with a capital M, KMS's own ones `message`. */
  readonly messageKey: 'message' | 'Message';
  readonly hasMessage: boolean;

  constructor(code: ProtocolErrorCode, message?: string, messageKey: 'message' | 'Message' = 'message') {
    super(message ?? '');
    this.name = code;
    this.code = code;
    this.messageKey = messageKey;
    this.hasMessage = message !== undefined;
  }
}

/** The messages of the framework's JSON deserializer (recorded against AWS JSON 1.1 services). */
export const serializationMessages = {
  structureNotExpected: 'Start of structure or map found where not expected.',
  listNotExpected: 'Start of list found where not expected',
  expectedList: 'Expected list or null',
  expectedMap: 'Expected map or null',
  expectedStructure: 'Expected null',
  /** The deserializer names the Java class of the JSON value and the target type ("an String" sic). */
  cannotConvert: (javaClass: string, target: string) => `class ${javaClass} can not be converted to ${target}`,
  booleanText: (text: string) => `'${text.toUpperCase()}' can not be converted to an Boolean`,
  blob: (text: string, reason: string) => `'${text}' can not be converted to a Blob: ${reason}`,
  base64Length: (length: number) => `Base64 encoded length is expected a multiple of 4 bytes but found: ${length}`,
  base64Character: (character: string) => `Invalid Base64 character: '${character}'`,
  // "dectected" is the service's own spelling.
  base64LastCharacter: 'Invalid last non-pad Base64 character dectected',
  /** Not recorded: AWS's text for an epoch number outside the range of a date. Same template. */
  timestampRange: (text: string) => `'${text}' can not be converted to a Timestamp`,
} as const;

export const authMessages = {
  missingToken: 'Missing Authentication Token',
  requiresParameter: (name: string) => `Authorization header requires '${name}' parameter. `,
  requiresDate: "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ",
  invalidRegion: (region: string) => `Credential should be scoped to a valid region, not '${region}'. `,
  wrongService: (service: string) => `Credential should be scoped to correct service: '${service}'. `,
  noOperation: 'Unable to determine service/operation name to be authorized',
} as const;
