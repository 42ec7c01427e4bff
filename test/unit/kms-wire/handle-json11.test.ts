import { describe, expect, it } from 'vitest';
import { handleJson11, type Json11Request } from '../../../src/kms/wire';
import { createFakeEngine, fakeOptions, kmsError } from './support/fake-engine';
import { bodyOf, kmsRequest, SIGNED_HEADERS } from './support/requests';

async function send(request: Json11Request, behaviour?: Parameters<typeof createFakeEngine>[0]) {
  const fake = createFakeEngine(behaviour);
  const reported: unknown[] = [];
  const response = await handleJson11(request, fake.engine, fakeOptions(reported));
  return { response, body: bodyOf(response), calls: fake.calls, reported };
}

describe('handleJson11: decoding a request by the input shape', () => {
  it('turns base64 into bytes, epoch seconds into a Date, and walks maps, lists and structures', async () => {
    // Written as text: a `__proto__` key in an object literal would not reach the JSON.
    const { response, calls } = await send(
      kmsRequest(
        'Encrypt',
        '{"KeyId": "alias/tutorial", "Plaintext": "aGVsbG8=", "NumberOfBytes": 32.9, "DryRun": "TRUE", ' +
          '"ValidTo": 1593622000.191, "EncryptionContext": {"purpose": "test", "__proto__": "kept"}, ' +
          '"GrantTokens": ["a", null, "b"], "Tags": [{"TagKey": "k", "TagValue": "v", "Extra": 1}]}',
      ),
    );
    expect(response.statusCode).toBe(200);
    const { input } = calls[0];
    expect(input.Plaintext).toEqual(new TextEncoder().encode('hello'));
    expect(input.ValidTo).toEqual(new Date(1593622000191));
    expect([input.NumberOfBytes, input.DryRun]).toEqual([32, true]);
    expect(Object.entries(input.EncryptionContext as object)).toEqual([
      ['purpose', 'test'],
      ['__proto__', 'kept'],
    ]);
    expect(Object.getPrototypeOf(input.EncryptionContext)).toBe(Object.prototype);
    expect(input.GrantTokens).toEqual(['a', 'b']);
    expect(input.Tags).toEqual([{ TagKey: 'k', TagValue: 'v' }]);
  });

  it('ignores members the operation does not model and treats null as absent, as AWS does', async () => {
    const { calls } = await send(kmsRequest('Encrypt', { KeyId: 'k', Bogus: { deep: [1] }, Plaintext: null }));
    expect(calls[0].input).toEqual({ KeyId: 'k' });
  });

  it('passes the caller from the access key and the region from the credential scope', async () => {
    const request = kmsRequest('Encrypt', { KeyId: 'k' });
    request.headers = { ...request.headers, ...SIGNED_HEADERS('ap-south-1', 'AKIDLEARNER'), 'User-Agent': 'aws-cli/2' };
    request.sourceIp = '127.0.0.1';
    const { calls, response } = await send(request);
    expect(calls[0].context).toEqual({
      caller: 'caller:AKIDLEARNER@ap-south-1',
      region: 'ap-south-1',
      sourceIp: '127.0.0.1',
      userAgent: 'aws-cli/2',
      requestId: 'request-1',
    });
    expect(response.headers['x-amzn-RequestId']).toBe('request-1');
  });

  it('falls back to the endpoint region when the credential scope names none', async () => {
    const request = kmsRequest('Encrypt', {});
    request.headers = { ...request.headers, Authorization: 'AWS4-HMAC-SHA256 Credential=AKID, SignedHeaders=host, Signature=00' };
    const { calls } = await send(request);
    expect(calls[0].context.region).toBe('us-east-1');
  });

  it('accepts a Uint8Array body and header names in any case', async () => {
    const request = kmsRequest('Encrypt', { KeyId: 'k' });
    request.body = new TextEncoder().encode(request.body as string);
    request.headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toUpperCase(), v]));
    const { response } = await send(request);
    expect(response.statusCode).toBe(200);
  });
});

describe('handleJson11: encoding the output by the output shape', () => {
  it('writes bytes as base64, dates as epoch seconds, members in AWS order, absent members left out', async () => {
    const { response } = await send(kmsRequest('Encrypt', {}), () => ({
      KeyId: 'arn:aws:kms:eu-west-2:111122223333:key/x',
      CreationDate: new Date(1593622000191),
      CiphertextBlob: new Uint8Array([1, 2, 3, 250]),
      Received: undefined,
    }));
    const text = new TextDecoder().decode(response.body);
    expect(text).toBe('{"CiphertextBlob":"AQID+g==","KeyId":"arn:aws:kms:eu-west-2:111122223333:key/x","CreationDate":1593622000.191}');
    expect(response.headers['Content-Type']).toBe('application/x-amz-json-1.1');
    expect(response.headers['Content-Length']).toBe(String(response.body.length));
  });

  it('answers an operation without output members with HTTP 200 and an empty body', async () => {
    const { response } = await send(kmsRequest('EnableKey', { KeyId: 'k' }), () => undefined);
    expect(response.statusCode).toBe(200);
    expect(response.body.length).toBe(0);
  });
});

describe('handleJson11: every error is HTTP 400 with a modelled __type', () => {
  const cases: Array<[string, Json11Request, Record<string, unknown>]> = [
    ['a GET', { ...kmsRequest('Encrypt', {}), method: 'GET' }, { __type: 'AccessDeniedException', Message: 'Unable to determine service/operation name to be authorized' }],
    ['another path', { ...kmsRequest('Encrypt', {}), path: '/keys' }, { __type: 'UnknownOperationException' }],
    ['a wrong content type', kmsRequest('Encrypt', {}, { 'Content-Type': 'application/json' }), { __type: 'UnknownOperationException' }],
    ['an unknown operation', kmsRequest('MakeCoffee', {}), { __type: 'UnknownOperationException' }],
    ['another service prefix', kmsRequest('Encrypt', {}, { 'X-Amz-Target': 'DynamoDB_20120810.Encrypt' }), { __type: 'UnknownOperationException' }],
    ['an empty body', kmsRequest('Encrypt', ''), { __type: 'SerializationException' }],
    ['a body that is not JSON', kmsRequest('Encrypt', '{"KeyId":'), { __type: 'SerializationException' }],
    ['a JSON array', kmsRequest('Encrypt', '[]'), { __type: 'SerializationException' }],
    ['bytes that are not UTF-8', { ...kmsRequest('Encrypt', {}), body: new Uint8Array([0x7b, 0xff, 0x7d]) }, { __type: 'SerializationException' }],
    ['no Authorization header', { ...kmsRequest('Encrypt', {}), headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'TrentService.Encrypt' } }, { __type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' }],
    ['a region that is not one', kmsRequest('Encrypt', {}, { Authorization: 'AWS4-HMAC-SHA256 Credential=AK/20260101/moon/kms/aws4_request, SignedHeaders=host, Signature=00' }), { __type: 'InvalidSignatureException', message: "Credential should be scoped to a valid region, not 'moon'. " }],
    ['a scope for another service', kmsRequest('Encrypt', {}, { Authorization: 'AWS4-HMAC-SHA256 Credential=AK/20260101/eu-west-2/s3/aws4_request, SignedHeaders=host, Signature=00' }), { __type: 'InvalidSignatureException', message: "Credential should be scoped to correct service: 'kms'. " }],
    ['a KMS operation that is not simulated', kmsRequest('ReplicateKey', {}), { __type: 'UnsupportedOperationException', message: 'ReplicateKey is not simulated in KMS Lab.' }],
    ['a string for an integer', kmsRequest('Encrypt', { NumberOfBytes: '32' }), { __type: 'SerializationException', Message: 'class java.lang.String can not be converted to an Integer' }],
    ['a number for a string', kmsRequest('Encrypt', { KeyId: 7 }), { __type: 'SerializationException', Message: 'class java.math.BigDecimal can not be converted to an String' }],
    ['a boolean for a blob', kmsRequest('Encrypt', { Plaintext: true }), { __type: 'SerializationException', Message: 'class java.lang.Boolean can not be converted to a Blob' }],
    ['a word for a boolean', kmsRequest('Encrypt', { DryRun: 'maybe' }), { __type: 'SerializationException', Message: "'MAYBE' can not be converted to an Boolean" }],
    ['an object for a string', kmsRequest('Encrypt', { KeyId: {} }), { __type: 'SerializationException', Message: 'Start of structure or map found where not expected.' }],
    ['a list for a string', kmsRequest('Encrypt', { KeyId: [] }), { __type: 'SerializationException', Message: 'Start of list found where not expected' }],
    ['a string for a map', kmsRequest('Encrypt', { EncryptionContext: 'x' }), { __type: 'SerializationException', Message: 'Expected map or null' }],
    ['a string for a list', kmsRequest('Encrypt', { GrantTokens: 'x' }), { __type: 'SerializationException', Message: 'Expected list or null' }],
    ['a string for a structure', kmsRequest('Encrypt', { Tags: ['x'] }), { __type: 'SerializationException', Message: 'Expected null' }],
    ['a string for a timestamp', kmsRequest('Encrypt', { ValidTo: '2026-01-01' }), { __type: 'SerializationException', Message: 'class java.lang.String can not be converted to a Timestamp' }],
    ['an epoch beyond any date', kmsRequest('Encrypt', { ValidTo: 1e300 }), { __type: 'SerializationException', Message: "'1e+300' can not be converted to a Timestamp" }],
    ['base64 of a bad length', kmsRequest('Encrypt', { Plaintext: 'abc' }), { __type: 'SerializationException', Message: "'abc' can not be converted to a Blob: Base64 encoded length is expected a multiple of 4 bytes but found: 3" }],
    ['base64 with a bad character', kmsRequest('Encrypt', { Plaintext: 'ab*d' }), { __type: 'SerializationException', Message: "'ab*d' can not be converted to a Blob: Invalid Base64 character: '*'" }],
    ['base64 with stray bits', kmsRequest('Encrypt', { Plaintext: 'aGVsbG9=' }), { __type: 'SerializationException', Message: "'aGVsbG9=' can not be converted to a Blob: Invalid last non-pad Base64 character dectected" }],
    ['a nested wrong type', kmsRequest('Encrypt', { EncryptionContext: { a: 1 } }), { __type: 'SerializationException', Message: 'class java.math.BigDecimal can not be converted to an String' }],
  ];

  it.each(cases)('%s', async (_name, request, expected) => {
    const { response, body, calls } = await send(request);
    expect(response.statusCode).toBe(400);
    expect(body).toEqual(expected);
    expect(calls).toHaveLength(0);
    expect(response.headers['x-amzn-RequestId']).toBe('request-1');
  });

  it('reports an incomplete Authorization header part by part', async () => {
    const request = kmsRequest('Encrypt', {}, { Authorization: 'AWS4-HMAC-SHA256 Credential=AK/20260101/eu-west-2/kms/aws4_request' });
    delete (request.headers as Record<string, string>)['X-Amz-Date'];
    const { body } = await send(request);
    expect(body).toEqual({
      __type: 'IncompleteSignatureException',
      message:
        "Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. " +
        "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. " +
        'Authorization=AWS4-HMAC-SHA256 Credential=AK/20260101/eu-west-2/kms/aws4_request',
    });
  });

  it('writes a KmsError as AWS does: message, capital Message for AccessDenied, no message when empty', async () => {
    const notFound = await send(kmsRequest('Encrypt', {}), () => {
      throw kmsError('NotFoundException', "Invalid keyId 'nope'");
    });
    expect([notFound.response.statusCode, notFound.body]).toEqual([400, { __type: 'NotFoundException', message: "Invalid keyId 'nope'" }]);

    const denied = await send(kmsRequest('Encrypt', {}), () => {
      throw kmsError('AccessDeniedException', 'User: x is not authorized');
    });
    expect(denied.body).toEqual({ __type: 'AccessDeniedException', Message: 'User: x is not authorized' });

    const invalid = await send(kmsRequest('Encrypt', {}), () => {
      throw kmsError('InvalidCiphertextException');
    });
    expect(new TextDecoder().decode(invalid.response.body)).toBe('{"__type":"InvalidCiphertextException"}');
  });

  it('answers the modelled server faults with HTTP 500', async () => {
    const { response, body } = await send(kmsRequest('Encrypt', {}), () => {
      throw kmsError('DependencyTimeoutException', 'slow');
    });
    expect([response.statusCode, body.__type]).toEqual([500, 'DependencyTimeoutException']);
  });

  it('turns anything else the engine throws into KMSInternalException and reports it', async () => {
    const { response, body, reported } = await send(kmsRequest('Encrypt', {}), () => {
      throw new TypeError('bug');
    });
    expect([response.statusCode, body.__type]).toEqual([500, 'KMSInternalException']);
    expect(reported).toHaveLength(1);
    expect((reported[0] as Error).message).toBe('bug');
  });
});
