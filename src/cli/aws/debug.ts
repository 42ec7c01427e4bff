/**
 * `--debug`: the HTTP request and response exactly as the simulated KMS's wire protocol saw them,
 * so a learner can watch base64 blobs and the JSON 1.1 envelope travel. (The real CLI prints its
 * Python logs; this keeps only the exchange, which is what is worth learning from.)
 */
import type { Exchange } from './transport.ts';

export function formatExchange(exchange: Exchange): string {
  const { request, response } = exchange;
  const lines = [
    `DEBUG - Request: ${request.method} https://${request.headers.host}${request.path}`,
    ...Object.entries(request.headers).map(([name, value]) => `DEBUG -   ${name}: ${value}`),
    `DEBUG -   body: ${request.body}`,
    `DEBUG - Response: HTTP ${response.statusCode}`,
    ...Object.entries(response.headers).map(([name, value]) => `DEBUG -   ${name}: ${value}`),
    `DEBUG -   body: ${new TextDecoder().decode(response.body)}`,
  ];
  return lines.join('\n') + '\n';
}
