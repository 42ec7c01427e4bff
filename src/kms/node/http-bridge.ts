/**
 * node:http ⇄ JSON 1.1 endpoint: reads the request body, hands the request over, writes the answer.
 * A request body above 1 MiB is refused with 413 before it is read to the end (KMS's largest
 * request, a 6 KiB ciphertext or a 32 KiB policy, is far below that).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Json11Endpoint, Json11Response } from '../wire';

export const MAX_BODY_BYTES = 1024 * 1024;

function readBody(request: IncomingMessage): Promise<Uint8Array | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        request.removeAllListeners('data');
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    request.on('error', reject);
  });
}

export async function serveOne(
  endpoint: Json11Endpoint,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<{ target: string; answer?: Json11Response }> {
  const target = String(request.headers['x-amz-target'] ?? '-');
  const body = await readBody(request);
  if (body === undefined) {
    response.writeHead(413, { Connection: 'close' }).end();
    return { target };
  }
  const answer = await endpoint({
    method: request.method ?? 'GET',
    path: request.url ?? '/',
    headers: request.headers,
    body,
    sourceIp: request.socket.remoteAddress,
  });
  response.writeHead(answer.statusCode, answer.headers).end(answer.body);
  return { target, answer };
}
