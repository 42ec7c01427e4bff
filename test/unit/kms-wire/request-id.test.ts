import { describe, expect, it } from 'vitest';
import { createKms } from '../../../src/kms/index';
import { createJson11Endpoint } from '../../../src/kms/wire';

// The id the front door answers with (x-amzn-RequestId) is the requestID of the call's CloudTrail
// event, as in AWS, so a learner can find the event for a response.
describe('request ids', () => {
  it('x-amzn-RequestId is the audit event requestID, for successes and errors', async () => {
    const kms = createKms();
    const endpoint = createJson11Endpoint(kms);
    const send = (target: string, body: object) =>
      endpoint({
        method: 'POST',
        path: '/',
        headers: {
          'x-amz-target': `TrentService.${target}`,
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-date': '20260101T000000Z',
          authorization: 'AWS4-HMAC-SHA256 Credential=AKIDTEST/20260101/eu-west-2/kms/aws4_request, SignedHeaders=host, Signature=00',
        },
        body: JSON.stringify(body),
      });
    const ok = await send('GenerateRandom', { NumberOfBytes: 16 });
    const failed = await send('DescribeKey', { KeyId: 'alias/missing' });
    expect([ok.statusCode, failed.statusCode]).toEqual([200, 400]);
    const ids = kms.audit.events.map((event) => event.requestID);
    expect(ids).toEqual([ok.headers['x-amzn-RequestId'], failed.headers['x-amzn-RequestId']]);
  });
});
