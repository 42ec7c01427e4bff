/**
 * A client talking to the object store over HTTPS: each request is an HTTP/1.1 message inside a
 * TLS record (the TLS engine of src/sim/tls, through WebWorld), S3 decrypts the record, acts, and
 * answers inside a TLS record too. This is the seam between encryption in transit (TLS, which ends
 * at S3) and encryption at rest (what S3 does before the disk).
 *
 * The bucket is addressed virtual-hosted style: the WebWorld's host is `<bucket>.s3.<region>.amazonaws.com`.
 */
import type { KmsCaller } from '../../kms/index';
import { formatRequest, formatResponse } from '../network/http';
import { textPayload } from '../network/payloads';
import type { WebWorld } from '../tls/web-world';
import { fromUtf8, utf8 } from '../tls/bytes';
import type { ObjectStore } from './object-store';
import type { GetObjectOutput, PutObjectOutput, S3Error, S3Response } from './types';

export const bucketHost = (bucket: string, region: string): string => `${bucket}.s3.${region}.amazonaws.com`;

/** S3's XML error body. */
export function errorDocument(error: S3Error): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${error.code}</Code><Message>${error.message}</Message></Error>`;
}

const STATUS_TEXT: Record<number, string> = { 200: '200 OK', 400: '400 Bad Request', 403: '403 Forbidden', 404: '404 Not Found', 500: '500 Internal Server Error' };

function encryptionHeaders(output: { ServerSideEncryption: string; SSEKMSKeyId?: string }): Record<string, string> {
  return {
    'x-amz-server-side-encryption': output.ServerSideEncryption,
    ...(output.SSEKMSKeyId ? { 'x-amz-server-side-encryption-aws-kms-key-id': output.SSEKMSKeyId } : {}),
  };
}

export class S3OverHttps {
  /** `client` is the WebWorld's client actor: it notes what it reads out of a download. */
  constructor(
    private readonly web: WebWorld,
    private readonly store: ObjectStore,
    readonly bucket: string,
    private readonly client: string,
  ) {}

  /** PUT /<key> with a text body: the client sends it over TLS, S3 stores it with the bucket's default encryption. */
  async putObject(caller: KmsCaller, key: string, text: string, contents = key): Promise<S3Response<PutObjectOutput>> {
    const request = formatRequest({ method: 'PUT', path: `/${key}`, host: this.web.host, headers: { 'Content-Type': 'text/plain' }, body: text });
    await this.web.sendOverTls(request, `PutObject request with ${contents}`);
    const result = await this.store.putObject({ bucket: this.bucket, key, body: utf8(text), caller, contents });
    const response = result.ok
      ? formatResponse(STATUS_TEXT[200], '', { ETag: result.ETag, ...encryptionHeaders(result) })
      : formatResponse(STATUS_TEXT[result.status], errorDocument(result), { 'Content-Type': 'application/xml' });
    await this.web.respondOverTls(response, result.ok ? 'PutObject response' : `${result.code} error`);
    return result;
  }

  /** GET /<key>: S3 reads and decrypts the object, then sends the plaintext back inside TLS. */
  async getObject(caller: KmsCaller, key: string, contents = key): Promise<S3Response<GetObjectOutput>> {
    const request = formatRequest({ method: 'GET', path: `/${key}`, host: this.web.host });
    await this.web.sendOverTls(request, 'GetObject request');
    const result = await this.store.getObject({ bucket: this.bucket, key, caller, contents });
    const response = result.ok
      ? formatResponse(STATUS_TEXT[200], fromUtf8(result.Body), { 'Content-Type': 'text/plain', ...encryptionHeaders(result) })
      : formatResponse(STATUS_TEXT[result.status], errorDocument(result), { 'Content-Type': 'application/xml' });
    await this.web.respondOverTls(response, result.ok ? `GetObject response with ${contents}` : `${result.code} error`);
    // The decrypted record shows the headers first; say plainly what the client now holds.
    if (result.ok) this.web.net.note(this.client, `reads ${contents} from the response body`, { tone: 'success', carries: [textPayload(contents, fromUtf8(result.Body))] });
    return result;
  }
}
