/**
 * A request handler for the AWS SDK v3 that never touches the network: the SDK builds, signs and
 * serializes the request as it would for AWS, then this hands it to the JSON 1.1 endpoint in the
 * same process and gives the SDK back an HTTP response to parse. Everything above the socket is
 * the real SDK: its serializers, its error parsing, its retries.
 *
 * Typed structurally (the SDK's HttpRequest/HttpResponse shapes) so that this module costs nothing
 * to import: the SDK itself is loaded lazily by create-client.ts.
 */
import type { Json11Endpoint, Json11Response } from '../wire';

interface SdkHttpRequest {
  method: string;
  path: string;
  query?: Record<string, string | string[] | null>;
  headers: Record<string, string>;
  body?: unknown;
}

function bodyOf(body: unknown): Uint8Array | string {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  // The KMS client only sends JSON text; anything else is a change in the SDK worth failing loudly on.
  throw new TypeError(`in-process KMS handler: unsupported request body type ${Object.prototype.toString.call(body)}`);
}

export class InProcessRequestHandler {
  /** The SDK reads the protocol to decide on HTTP/2 headers; this is neither HTTP/1.1 nor h2 on a wire. */
  readonly metadata = { handlerProtocol: 'in-process' };

  constructor(private readonly endpoint: Json11Endpoint) {}

  async handle(request: SdkHttpRequest): Promise<{ response: Json11Response }> {
    const response = await this.endpoint({
      method: request.method,
      path: request.path,
      headers: request.headers,
      body: bodyOf(request.body),
    });
    return { response };
  }

  // The SDK calls these on every handler; there is no connection to configure or close.
  updateHttpClientConfig(): void {}
  httpHandlerConfigs(): Record<string, never> {
    return {};
  }
  destroy(): void {}
}
