/**
 * Binds the JSON 1.1 front door to an engine made by createKms(): operation shapes come from the
 * engine's own operation registry (one description per operation, never repeated here), and the
 * SigV4 access key is mapped to a caller.
 *
 * Callers: any access key is accepted. A key listed in `principals` becomes that principal; every
 * other key is the root of the simulated account (`arn:aws:iam::111122223333:root`), which the
 * default key policy allows. `caller` overrides the lookup entirely (the in-process SDK client of a
 * lesson acting as one principal).
 */
import type { Kms, KmsCaller } from '../index';
import { createRng } from '../../sim/core/rng';
import {
  handleJson11,
  type Json11Engine,
  type Json11Options,
  type Json11Request,
  type Json11Response,
  type OperationShapes,
} from './handle-json11';

export type Json11Endpoint = (request: Json11Request) => Promise<Json11Response>;

export interface Json11EndpointOptions {
  /** The endpoint's region, used when a request's credential scope names none. Default eu-west-2. */
  region?: string;
  /** Principals by SigV4 access key id. */
  principals?: Readonly<Record<string, KmsCaller>>;
  /** One caller for every request, whatever its access key. */
  caller?: KmsCaller;
  /** Seed of the request-id generator (ids are not key material: replays must repeat them). Default 1. */
  seed?: number;
  onUnexpectedError?: Json11Options<KmsCaller>['onUnexpectedError'];
}

export const DEFAULT_REGION = 'eu-west-2';

/** The engine as the front door sees it. */
export function json11EngineOf(kms: Kms): Json11Engine<KmsCaller> {
  const operations: Readonly<Record<string, OperationShapes>> = kms.operations;
  return {
    describe: (operation) => (Object.hasOwn(operations, operation) ? operations[operation] : undefined),
    call: (operation, input, context) =>
      kms.call(operation, input, {
        caller: context.caller,
        region: context.region,
        sourceIp: context.sourceIp,
        userAgent: context.userAgent,
        requestId: context.requestId,
      }),
  };
}

export function callerForAccessKey(
  kms: Pick<Kms, 'accountId'>,
  options: Pick<Json11EndpointOptions, 'principals' | 'caller'>,
): (accessKeyId: string) => KmsCaller {
  return (accessKeyId) => {
    const known = options.principals && Object.hasOwn(options.principals, accessKeyId) ? options.principals[accessKeyId] : undefined;
    const principal = options.caller ?? known ?? { arn: `arn:aws:iam::${kms.accountId}:root`, accountId: kms.accountId };
    // CloudTrail's userIdentity.accessKeyId is the key the request was signed with, unless the principal names one.
    return { accessKeyId, ...principal };
  };
}

export function createJson11Endpoint(kms: Kms, options: Json11EndpointOptions = {}): Json11Endpoint {
  const engine = json11EngineOf(kms);
  const ids = createRng(options.seed ?? 1);
  const wireOptions: Json11Options<KmsCaller> = {
    region: options.region ?? DEFAULT_REGION,
    callerFor: callerForAccessKey(kms, options),
    newRequestId: () => ids.uuid(),
    onUnexpectedError: options.onUnexpectedError,
  };
  return (request) => handleJson11(request, engine, wireOptions);
}
