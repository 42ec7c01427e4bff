/**
 * The front door wired to a seeded engine, with everything the fuzz test checks: which requests
 * reached the engine (by request id, so it works with requests in flight together), what each
 * response was, and the invariants of the world afterwards.
 */
import { expect } from 'vitest';
import { KMS_ERROR_CODES, type KmsCaller } from '../../../../src/kms/index';
import { handleJson11, json11EngineOf, type Json11Engine, type Json11Options, type Json11Request } from '../../../../src/kms/wire';
import { FUZZ_REGION, seedFuzzWorld } from './fuzz-world';

const PROTOCOL_ERRORS = new Set([
  'SerializationException',
  'UnknownOperationException',
  'MissingAuthenticationTokenException',
  'IncompleteSignatureException',
  'InvalidSignatureException',
  'AccessDeniedException',
  'UnsupportedOperationException', // a real KMS operation that KMS Lab does not simulate
]);
/** KMSInternalException is left out on purpose: the engine answers it only when it hits a bug. */
const SERVER_FAULTS = new Set(['DependencyTimeoutException', 'KeyUnavailableException']);
const CLIENT_ERRORS = new Set<string>(KMS_ERROR_CODES.filter((code) => !SERVER_FAULTS.has(code) && code !== 'KMSInternalException'));

export const operationOf = (request: Json11Request) =>
  String((request.headers as Record<string, string>)['x-amz-target']).replace('TrentService.', '');

export async function createFuzzHarness() {
  const { kms, pools } = await seedFuzzWorld();
  const eventsBefore = kms.audit.events.length;
  const keysBefore = kms.keys().map((k) => k.metadata.Arn as string);

  const real = json11EngineOf(kms);
  const reached = new Set<string>(); // request ids the front door handed to the engine
  const engine: Json11Engine<KmsCaller> = {
    describe: real.describe,
    call: (operation, input, context) => {
      reached.add(context.requestId);
      return real.call(operation, input, context);
    },
  };
  const unexpected: unknown[] = [];
  let ids = 0;
  const options: Json11Options<KmsCaller> = {
    region: FUZZ_REGION,
    callerFor: (accessKeyId) => ({ arn: `arn:aws:iam::${kms.accountId}:root`, accessKeyId }),
    newRequestId: () => `fuzz-${++ids}`,
    onUnexpectedError: (error) => unexpected.push(error),
  };

  const created = new Set<string>();
  const succeeded = new Set<string>();
  const tally = new Map<string, number>();

  /** Sends one request and checks its response; returns the tally key ('200', '400 NotFoundException'…). */
  async function send(request: Json11Request): Promise<string> {
    const response = await handleJson11(request, engine, options);
    const requestId = response.headers['x-amzn-RequestId'];
    expect(requestId).toMatch(/^fuzz-\d+$/);
    const viaEngine = reached.has(requestId);
    const text = new TextDecoder().decode(response.body);
    let key: string;
    if (response.statusCode === 200) {
      expect(viaEngine).toBe(true);
      if (text !== '') {
        const body = JSON.parse(text);
        expect(typeof body === 'object' && body !== null && !Array.isArray(body)).toBe(true);
        if (operationOf(request) === 'CreateKey') created.add(body.KeyMetadata.Arn);
      }
      succeeded.add(operationOf(request));
      key = '200';
    } else {
      const body = JSON.parse(text) as Record<string, unknown>;
      const type = String(body.__type);
      expect(Object.keys(body).filter((k) => k !== '__type' && k !== 'message' && k !== 'Message')).toEqual([]);
      if (response.statusCode === 400) {
        expect(viaEngine ? CLIENT_ERRORS.has(type) : PROTOCOL_ERRORS.has(type), `${type} (reached engine: ${viaEngine})`).toBe(true);
      } else {
        expect([response.statusCode, SERVER_FAULTS.has(type)]).toEqual([500, true]);
      }
      key = `${response.statusCode} ${type}`;
    }
    tally.set(key, (tally.get(key) ?? 0) + 1);
    return key;
  }

  /** The world after the run: audit count, no key lost, no dangling alias, no bug reported. */
  async function checkWorld(): Promise<void> {
    expect(unexpected).toEqual([]);
    await kms.settle();
    expect(kms.audit.events.length - eventsBefore).toBe(reached.size);
    const keysAfter = new Map(kms.keys().map((k) => [k.metadata.Arn as string, k]));
    for (const arn of [...keysBefore, ...created]) expect(keysAfter.has(arn), `key ${arn} lost`).toBe(true);
    const keyIds = new Set([...keysAfter.values()].map((k) => k.metadata.KeyId as string));
    for (const region of ['eu-west-2', 'us-east-1', 'ap-southeast-2']) {
      for (const alias of kms.aliases({ region })) expect(keyIds.has(alias.targetKeyId), `${alias.aliasName} dangles`).toBe(true);
    }
  }

  return { kms, pools, send, checkWorld, reached, tally, succeeded };
}
