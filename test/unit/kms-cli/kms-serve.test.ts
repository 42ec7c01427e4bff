/** `kms:serve` as a process: it starts on a free port, answers JSON 1.1 over HTTP, stops cleanly on SIGTERM. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKmsServe, type RunningServe } from './support/kms-serve';

const signed = (operation: string) => ({
  'content-type': 'application/x-amz-json-1.1',
  'x-amz-target': `TrentService.${operation}`,
  'x-amz-date': '20260101T000000Z',
  authorization: 'AWS4-HMAC-SHA256 Credential=AKIDSERVE/20260101/eu-west-2/kms/aws4_request, SignedHeaders=host, Signature=00',
});

describe('kms:serve', () => {
  let serve: RunningServe;
  beforeAll(async () => {
    serve = await startKmsServe();
  }, 60_000);
  afterAll(async () => {
    if (serve) await serve.stop();
  });

  it('prints its URL and the seeded alias when ready', () => {
    expect(serve.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(serve.output()).toMatch(/alias\/tutorial → arn:aws:kms:eu-west-2:111122223333:key\//);
  });

  it('answers a signed JSON 1.1 request over HTTP', async () => {
    const response = await fetch(`${serve.url}/`, {
      method: 'POST',
      headers: signed('DescribeKey'),
      body: JSON.stringify({ KeyId: 'alias/tutorial' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    const body = (await response.json()) as { KeyMetadata: { KeyState: string; CreationDate: number } };
    expect(body.KeyMetadata.KeyState).toBe('Enabled');
    // Model time follows the wall clock in kms:serve.
    expect(Math.abs(body.KeyMetadata.CreationDate * 1000 - Date.now())).toBeLessThan(120_000);
  });

  it('answers a browser visit with a JSON error, not a crash', async () => {
    const response = await fetch(`${serve.url}/`);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      __type: 'AccessDeniedException',
      Message: 'Unable to determine service/operation name to be authorized',
    });
  });

  it('stops cleanly on SIGTERM', async () => {
    const code = await serve.stop();
    expect(code).toBe(0);
    expect(serve.output()).toContain('SIGTERM: stopping the KMS Lab endpoint');
  });
});
