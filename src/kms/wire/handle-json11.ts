/**
 * The AWS JSON 1.1 front door of the simulated KMS: one HTTP request in, one HTTP response out,
 * with no I/O of its own, so the same function serves the in-process SDK client (in the page and
 * in Vitest) and the local endpoint for the real AWS CLI (src/kms/node/serve.ts).
 *
 * Order of checks. KMS runs on the service framework it shares with the other JSON 1.1 services
 * (Kinesis, DynamoDB…); the framework's answers below are the ones kinesalite's test suite
 * recorded against AWS, KMS's own errors are reference/kms-api.md §1 and §15:
 *   1. POST, path `/`, content type application/x-amz-json-1.1;
 *   2. an empty body → SerializationException (UnknownOperationException for an unknown target);
 *   3. a body that is not a JSON object → SerializationException, with no message;
 *   4. X-Amz-Target `TrentService.<Operation>` naming a KMS operation, else UnknownOperationException
 *      (a real KMS operation that KMS Lab does not simulate: UnsupportedOperationException saying so);
 *   5. the SigV4 Authorization header (any credentials accepted, see sigv4.ts);
 *   6. member JSON types by the operation's input shape → SerializationException (decode.ts);
 *      unknown members are ignored and null means absent, as on AWS;
 *   7. the engine: validation, key lookup, state, authorization, quotas, audit → KmsError.
 * Errors are `{"__type": code, "message": text}` with HTTP 400, or 500 for the modelled server
 * faults (KMSInternalException, DependencyTimeoutException, KeyUnavailableException). Every
 * response carries x-amzn-RequestId; no x-amzn-query-error, which AWS sends only for services
 * marked awsQueryCompatible, and KMS is not.
 *
 * Deliberate differences from AWS, all on requests that no SDK or CLI sends, so that every error
 * the simulator gives has one shape: a non-POST request, another path or a wrong content type is
 * answered 400 with a JSON body (AWS: 403/404 with an XML body, and it ignores the path); the
 * signature errors are 400 (AWS: 403); the signature itself is not checked.
 */
import { isKmsError, KmsError, messages } from '../errors';
import type { StructureShape } from '../operations/shape';
import { decodeInput } from './decode';
import { encodeOutput } from './encode';
import { headerValue, type HeaderBag } from './headers';
import { CONTENT_TYPE, KMS_OPERATION_NAMES, TARGET_PREFIX } from './kms-operation-names';
import { authMessages, ProtocolError } from './protocol-error';
import { readSigV4Scope } from './sigv4';

export interface Json11Request {
  method: string;
  /** The request target: `/` (a query string is ignored). */
  path: string;
  /** Header names in any case. */
  headers: HeaderBag;
  body: Uint8Array | string;
  /** The peer address, for the audit event's sourceIPAddress. */
  sourceIp?: string;
}

export interface Json11Response {
  statusCode: number;
  headers: Record<string, string>;
  /** Always bytes: the SDK's response parser rejects a string body in Node and in the browser. */
  body: Uint8Array<ArrayBuffer>;
}

/** What the front door needs to know about an operation: how to read its input and write its output. */
export interface OperationShapes {
  input: StructureShape;
  /** Absent for operations that answer HTTP 200 with an empty body (EnableKey, CreateAlias…). */
  output?: StructureShape;
}

export interface Json11CallContext<Caller> {
  caller: Caller;
  /** From the SigV4 credential scope (fallback: the endpoint's region). */
  region: string;
  sourceIp?: string;
  userAgent?: string;
  /** The id sent back as x-amzn-RequestId; the engine may use it as the audit event's requestID. */
  requestId: string;
}

/** The engine as the front door sees it. `src/kms/wire/engine-adapter.ts` builds one from createKms(). */
export interface Json11Engine<Caller> {
  /** The shapes of a simulated operation, or undefined when the engine does not simulate it. */
  describe(operation: string): OperationShapes | undefined;
  /** Resolves with the output, rejects with a KmsError. */
  call(operation: string, input: Record<string, unknown>, context: Json11CallContext<Caller>): Promise<unknown>;
}

export interface Json11Options<Caller> {
  /** The endpoint's own region, used when the credential scope names none. */
  region: string;
  /** Who is calling, from the SigV4 access key (the simulator accepts any key). */
  callerFor(accessKeyId: string, region: string): Caller;
  /** A fresh request id (a UUID, from the seeded generator in replays). */
  newRequestId(): string;
  /**
   * Called when the engine throws something that is not a KmsError: a bug. The caller still gets a
   * modelled KMSInternalException (HTTP 500, as AWS answers its own internal errors), and the bug is
   * reported here so that tests fail on it and `kms:serve` prints it.
   */
  onUnexpectedError?(error: unknown, detail: { operation: string; requestId: string }): void;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const toUtf8 = new TextEncoder();

export async function handleJson11<Caller>(
  request: Json11Request,
  engine: Json11Engine<Caller>,
  options: Json11Options<Caller>,
): Promise<Json11Response> {
  const requestId = options.newRequestId();
  let operation = '';
  try {
    const accepted = acceptRequest(request, engine, options);
    operation = accepted.operation;
    const output = await engine.call(operation, accepted.input, {
      caller: accepted.caller,
      region: accepted.region,
      sourceIp: request.sourceIp,
      userAgent: headerValue(request.headers, 'user-agent'),
      requestId,
    });
    return success(requestId, accepted.shapes.output, output);
  } catch (error) {
    if (error instanceof ProtocolError) {
      return failure(requestId, 400, error.code, error.hasMessage ? error.message : undefined, error.messageKey);
    }
    if (isKmsError(error)) {
      // An empty message is left out of the body: AWS sends `{"__type":"InvalidCiphertextException"}`.
      return failure(requestId, error.status, error.code, error.message || undefined, error.messageKey);
    }
    options.onUnexpectedError?.(error, { operation, requestId });
    const internal = new KmsError('KMSInternalException', 'An internal error occurred in the simulated KMS.');
    return failure(requestId, internal.status, internal.code, internal.message, internal.messageKey);
  }
}

interface AcceptedRequest<Caller> {
  operation: string;
  shapes: OperationShapes;
  input: Record<string, unknown>;
  caller: Caller;
  region: string;
}

/** Steps 1–6 of the order above; throws ProtocolError or KmsError. */
function acceptRequest<Caller>(
  request: Json11Request,
  engine: Json11Engine<Caller>,
  options: Json11Options<Caller>,
): AcceptedRequest<Caller> {
  const target = headerValue(request.headers, 'x-amz-target');
  if (request.method.toUpperCase() !== 'POST') {
    throw new ProtocolError('AccessDeniedException', authMessages.noOperation, 'Message');
  }
  if (request.path.split('?')[0] !== '/') throw new ProtocolError('UnknownOperationException');
  const contentType = (headerValue(request.headers, 'content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (contentType !== CONTENT_TYPE) {
    if (target === undefined) throw new ProtocolError('AccessDeniedException', authMessages.noOperation, 'Message');
    throw new ProtocolError('UnknownOperationException');
  }

  const operation = operationOf(target);
  const text = bodyText(request.body);
  if (text === '') throw new ProtocolError(operation ? 'SerializationException' : 'UnknownOperationException');
  const json = parseObject(text);
  if (!operation) throw new ProtocolError('UnknownOperationException');

  const scope = readSigV4Scope(request.headers, options.region);
  const shapes = engine.describe(operation);
  if (!shapes) throw new KmsError('UnsupportedOperationException', messages.notSimulated(operation));
  return {
    operation,
    shapes,
    input: decodeInput(json, shapes.input),
    caller: options.callerFor(scope.accessKeyId, scope.region),
    region: scope.region,
  };
}

/** `TrentService.Encrypt` → `Encrypt`; undefined for anything that does not name a KMS operation. */
function operationOf(target: string | undefined): string | undefined {
  if (target === undefined) return undefined;
  const dot = target.indexOf('.');
  if (dot < 0 || target.slice(0, dot) !== TARGET_PREFIX) return undefined;
  const name = target.slice(dot + 1);
  return KMS_OPERATION_NAMES.has(name) ? name : undefined;
}

function bodyText(body: Uint8Array | string): string {
  if (typeof body === 'string') return body;
  try {
    return utf8.decode(body);
  } catch {
    throw new ProtocolError('SerializationException');
  }
}

function parseObject(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ProtocolError('SerializationException');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ProtocolError('SerializationException');
  return value as Record<string, unknown>;
}

function baseHeaders(requestId: string, body: Uint8Array): Record<string, string> {
  return {
    'x-amzn-RequestId': requestId,
    'Content-Type': CONTENT_TYPE,
    'Content-Length': String(body.length),
  };
}

function success(requestId: string, shape: StructureShape | undefined, output: unknown): Json11Response {
  const encoded = encodeOutput(output, shape);
  // Operations without output members answer HTTP 200 with an empty body (reference §1).
  const describedOutput = shape !== undefined && Object.keys(shape.members).length > 0;
  const empty = !describedOutput && Object.keys(encoded).length === 0;
  const body = empty ? new Uint8Array(0) : toUtf8.encode(JSON.stringify(encoded));
  return { statusCode: 200, headers: baseHeaders(requestId, body), body };
}

function failure(
  requestId: string,
  statusCode: number,
  code: string,
  message: string | undefined,
  messageKey: 'message' | 'Message',
): Json11Response {
  const payload: Record<string, string> = { __type: code };
  if (message !== undefined) payload[messageKey] = message;
  const body = toUtf8.encode(JSON.stringify(payload));
  return { statusCode, headers: baseHeaders(requestId, body), body };
}
