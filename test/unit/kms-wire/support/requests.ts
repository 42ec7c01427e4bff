/** Builders for JSON 1.1 requests as the SDK and the CLI send them (header names in various cases). */
import type { Json11Request, Json11Response } from '../../../../src/kms/wire';

export const SIGNED_HEADERS = (region = 'eu-west-2', accessKeyId = 'AKIAIOSFODNN7EXAMPLE') => ({
  'Content-Type': 'application/x-amz-json-1.1',
  'X-Amz-Date': '20260101T000000Z',
  Authorization:
    `AWS4-HMAC-SHA256 Credential=${accessKeyId}/20260101/${region}/kms/aws4_request, ` +
    'SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=0123456789abcdef',
});

export function kmsRequest(operation: string, body: unknown, extra: Record<string, string> = {}): Json11Request {
  return {
    method: 'POST',
    path: '/',
    headers: { ...SIGNED_HEADERS(), 'X-Amz-Target': `TrentService.${operation}`, ...extra },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

export function bodyOf(response: Json11Response): Record<string, unknown> {
  const text = new TextDecoder().decode(response.body);
  return text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
}
