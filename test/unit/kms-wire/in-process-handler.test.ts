/**
 * The real SDK's serializers and error parsers against the JSON 1.1 front door, with a stand-in
 * engine: what the SDK sends arrives decoded, what the front door answers the SDK parses, and
 * errors surface as SDK exceptions with AWS's names and messages.
 */
import { EncryptCommand, EnableKeyCommand, KMSClient, KMSServiceException } from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import { InProcessRequestHandler } from '../../../src/kms/client/in-process-handler';
import { handleJson11 } from '../../../src/kms/wire';
import { createFakeEngine, fakeOptions, kmsError, type FakeCall } from './support/fake-engine';

function clientWith(behaviour: (call: FakeCall) => unknown) {
  const fake = createFakeEngine(behaviour);
  const options = fakeOptions();
  const client = new KMSClient({
    region: 'eu-west-2',
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
    maxAttempts: 1,
    requestHandler: new InProcessRequestHandler((request) => handleJson11(request, fake.engine, options)),
  });
  return { client, calls: fake.calls };
}

async function rejection(promise: Promise<unknown>): Promise<KMSServiceException> {
  try {
    await promise;
  } catch (error) {
    return error as KMSServiceException;
  }
  throw new Error('expected the call to fail');
}

describe('InProcessRequestHandler with the real KMSClient', () => {
  it('carries bytes, maps and the SigV4 scope both ways', async () => {
    const { client, calls } = clientWith(() => ({ CiphertextBlob: new Uint8Array([9, 8, 7]), KeyId: 'arn:k' }));
    const out = await client.send(
      new EncryptCommand({ KeyId: 'alias/tutorial', Plaintext: new Uint8Array([1, 2, 3]), EncryptionContext: { a: 'b' } }),
    );
    expect(calls[0].input).toEqual({ KeyId: 'alias/tutorial', Plaintext: new Uint8Array([1, 2, 3]), EncryptionContext: { a: 'b' } });
    expect(calls[0].context.caller).toBe('caller:AKIDTEST@eu-west-2');
    expect(calls[0].context.userAgent).toMatch(/aws-sdk-js/);
    expect(out.CiphertextBlob).toEqual(new Uint8Array([9, 8, 7]));
    expect(out.KeyId).toBe('arn:k');
    expect(out.$metadata).toMatchObject({ httpStatusCode: 200, requestId: 'request-1' });
  });

  it('parses an empty 200 body for an operation without output', async () => {
    const { client } = clientWith(() => undefined);
    const out = await client.send(new EnableKeyCommand({ KeyId: '1234abcd-12ab-34cd-56ef-1234567890ab' }));
    expect(out.$metadata.httpStatusCode).toBe(200);
  });

  it.each([
    ['NotFoundException', "Key 'arn:aws:kms:eu-west-2:111122223333:key/x' does not exist"],
    ['AccessDeniedException', 'User: arn:aws:iam::111122223333:user/bob is not authorized to perform: kms:Encrypt'],
    ['ThrottlingException', 'You have exceeded the rate at which you may call KMS. Reduce the frequency of your calls.'],
  ] as const)('surfaces %s with its name, message and HTTP 400', async (code, message) => {
    const { client } = clientWith(() => {
      throw kmsError(code, message);
    });
    const error = await rejection(client.send(new EncryptCommand({ KeyId: 'k', Plaintext: new Uint8Array([1]) })));
    expect(error).toBeInstanceOf(KMSServiceException);
    expect([error.name, error.message, error.$metadata.httpStatusCode]).toEqual([code, message, 400]);
  });

  it('surfaces an exception without a message as AWS does, and a server fault with HTTP 500', async () => {
    const invalid = clientWith(() => {
      throw kmsError('InvalidCiphertextException');
    });
    const error = await rejection(invalid.client.send(new EncryptCommand({ KeyId: 'k', Plaintext: new Uint8Array([1]) })));
    expect(error.name).toBe('InvalidCiphertextException');

    const fault = clientWith(() => {
      throw kmsError('KMSInternalException', 'internal');
    });
    const internal = await rejection(fault.client.send(new EncryptCommand({ KeyId: 'k', Plaintext: new Uint8Array([1]) })));
    expect([internal.name, internal.$metadata.httpStatusCode, internal.$fault]).toEqual(['KMSInternalException', 500, 'server']);
  });
});
