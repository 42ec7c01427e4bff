/**
 * Sends one operation through the simulated KMS's JSON 1.1 front door (`handleJson11`), as the CLI
 * sends it over HTTPS: the body as JSON with blobs in base64, an X-Amz-Target header and a SigV4
 * credential scope naming the region. The same request and response are what `--debug` prints.
 */
import type { Kms, KmsCaller, Shape } from '../../kms/index.ts';
import { handleJson11, json11EngineOf, encodeBase64, type Json11Request, type Json11Response } from '../../kms/wire/index.ts';
import { createRng, type Rng } from '../../sim/core/rng.ts';
import { isObject, type ParamValue } from './param-values.ts';

export interface Exchange {
  request: Json11Request & { body: string };
  response: Json11Response;
  /** The parsed response body. */
  json: Record<string, unknown>;
}

/** The page's access key id in the credential scope; it names no secret (signatures are not checked). */
const ACCESS_KEY_ID = 'AKIAKMSLABTERMINAL';

/** Turns validated parameters into the JSON the wire expects: blobs as base64, timestamps as epoch seconds. */
export function toWire(value: ParamValue, shape: Shape): unknown {
  if (value instanceof Uint8Array) return encodeBase64(value);
  if (shape.type === 'timestamp' && typeof value === 'string') {
    const parsed = Date.parse(value);
    return Number.isNaN(parsed) ? value : parsed / 1000;
  }
  if (shape.type === 'list' && Array.isArray(value)) return value.map((item) => toWire(item, shape.member));
  if (shape.type === 'map' && isObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toWire(item, shape.value)]));
  }
  if (shape.type === 'structure' && isObject(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, shape.members[key] ? toWire(item, shape.members[key].shape) : item]),
    );
  }
  return value;
}

function amzDate(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

export class KmsTransport {
  private readonly requestIds: Rng;
  private readonly sourceIp: () => string | undefined;

  /**
   * Request ids come from a seeded stream so a run replays, but the seed also takes the number of
   * calls the engine has already recorded: a sandbox restored after a reload must not hand out the
   * ids of its earlier visit again (CloudTrail's requestID is unique).
   */
  constructor(
    private readonly kms: Kms,
    options: { seed?: number; sourceIp?: () => string | undefined } = {},
  ) {
    this.requestIds = createRng(((options.seed ?? 7) + kms.audit.events.length * 0x9e3779b1) >>> 0);
    this.sourceIp = options.sourceIp ?? (() => undefined);
  }

  async send(operation: string, body: Record<string, unknown>, region: string, caller: KmsCaller): Promise<Exchange> {
    const date = amzDate(this.kms.clock.now());
    const request = {
      method: 'POST',
      path: '/',
      headers: {
        host: `kms.${region}.amazonaws.com`,
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': `TrentService.${operation}`,
        'x-amz-date': date,
        'user-agent': 'aws-cli/2.9.19 (KMS Lab terminal)',
        authorization: `AWS4-HMAC-SHA256 Credential=${ACCESS_KEY_ID}/${date.slice(0, 8)}/${region}/kms/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=(not computed in the page)`,
      },
      body: JSON.stringify(body),
      sourceIp: this.sourceIp(),
    };
    const response = await handleJson11(request, json11EngineOf(this.kms), {
      region,
      callerFor: (accessKeyId) => ({ accessKeyId, ...caller }),
      newRequestId: () => this.requestIds.uuid(),
    });
    const text = new TextDecoder().decode(response.body);
    const json = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
    return { request, response, json };
  }
}
