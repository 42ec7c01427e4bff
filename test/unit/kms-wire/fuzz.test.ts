/**
 * Property-based fuzzing of the JSON 1.1 front door against the real engine: 20,000 random and
 * mutated requests (well-formed requests for every simulated operation built from the engine's own
 * shapes, the same with members dropped, retyped, added, base64 broken or blob bits flipped, random
 * targets with random JSON, random bytes as the body, broken methods, paths, content types,
 * targets and signatures).
 *
 * For every response: HTTP 200 with a JSON object (or the empty body of an operation without
 * output), or HTTP 400 with a modelled `__type`, or HTTP 500 only with a modelled server fault —
 * and never KMSInternalException, which would mean the engine hit a bug.
 *
 * Afterwards: no key is lost (every key that existed, or that a successful CreateKey returned, is
 * still there), every alias points to an existing key, and the audit log holds exactly one event
 * per request that REACHED THE ENGINE — that is, per request that passed every protocol check
 * (POST /, content type, a JSON object body, a TrentService target naming a simulated operation,
 * a SigV4 header, member JSON types) so that the front door called `engine.call`. Requests refused
 * by the front door are not KMS API calls and leave no CloudTrail event, as on AWS. The model clock
 * does not move, so KMS adds no events of its own.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { KMS_ERROR_CODES } from '../../../src/kms/index';
import { handleJson11, json11EngineOf, type Json11Engine, type Json11Options } from '../../../src/kms/wire';
import type { KmsCaller } from '../../../src/kms/index';
import { fuzzCases, type FuzzKind } from './support/fuzz-requests';
import { FUZZ_REGION, seedFuzzWorld } from './support/fuzz-world';

const RUNS = 20_000;
const operationOf = (request: { headers: object }) =>
  String((request.headers as Record<string, string>)['x-amz-target']).replace('TrentService.', '');
const PROTOCOL_ERRORS = [
  'SerializationException',
  'UnknownOperationException',
  'MissingAuthenticationTokenException',
  'IncompleteSignatureException',
  'InvalidSignatureException',
  'AccessDeniedException',
  'UnsupportedOperationException', // a real KMS operation that KMS Lab does not simulate
];
const SERVER_FAULTS = ['DependencyTimeoutException', 'KeyUnavailableException']; // KMSInternalException = a bug
const CLIENT_ERRORS = new Set<string>(KMS_ERROR_CODES.filter((code) => !SERVER_FAULTS.includes(code) && code !== 'KMSInternalException'));

describe('the JSON 1.1 front door under 20,000 random and mutated requests', () => {
  const consoleError = vi.spyOn(console, 'error');
  afterAll(() => consoleError.mockRestore());

  it('answers every request with a success or a modelled AWS error, and the world stays consistent', async () => {
    const { kms, pools } = await seedFuzzWorld();
    const eventsBefore = kms.audit.events.length;
    const keysBefore = new Set(kms.keys().map((k) => k.metadata.Arn as string));

    const real = json11EngineOf(kms);
    let reached = 0;
    const engine: Json11Engine<KmsCaller> = {
      describe: real.describe,
      call: (operation, input, context) => {
        reached++;
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
    const count = (key: string) => tally.set(key, (tally.get(key) ?? 0) + 1);
    const kinds = new Map<FuzzKind, number>();

    await fc.assert(
      fc.asyncProperty(fuzzCases(kms.operations, pools), async ({ kind, request }) => {
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
        const callsBefore = reached;
        const response = await handleJson11(request, engine, options);
        const text = new TextDecoder().decode(response.body);
        const viaEngine = reached > callsBefore;

        expect(response.headers['x-amzn-RequestId']).toBe(`fuzz-${ids}`);
        if (response.statusCode === 200) {
          expect(viaEngine).toBe(true);
          if (text !== '') {
            const body = JSON.parse(text);
            expect(typeof body === 'object' && body !== null && !Array.isArray(body)).toBe(true);
            if (operationOf(request) === 'CreateKey') created.add(body.KeyMetadata.Arn);
          }
          count('200');
          succeeded.add(operationOf(request));
          return;
        }
        const body = JSON.parse(text) as Record<string, unknown>;
        const type = body.__type as string;
        const extraKeys = Object.keys(body).filter((k) => k !== '__type' && k !== 'message' && k !== 'Message');
        expect(extraKeys).toEqual([]);
        count(`${response.statusCode} ${type}`);
        if (response.statusCode === 400) {
          expect(viaEngine ? CLIENT_ERRORS.has(type) : PROTOCOL_ERRORS.includes(type)).toBe(true);
        } else {
          expect([response.statusCode, SERVER_FAULTS.includes(type)]).toEqual([500, true]);
        }
      }),
      { numRuns: RUNS, seed: 20261128, endOnFailure: true },
    );

    // Every generated request was answered, and a good share went deep.
    const answered = [...tally.values()].reduce((a, b) => a + b, 0);
    expect(answered).toBe(RUNS);
    expect(tally.get('200') ?? 0).toBeGreaterThan(RUNS * 0.1);
    expect(reached).toBeGreaterThan(RUNS * 0.5);
    expect(succeeded.size).toBeGreaterThanOrEqual(30); // distinct operations that succeeded at least once
    expect([...kinds.keys()].sort()).toEqual(['broken-envelope', 'correct-use', 'mutated', 'random-bytes', 'random-json', 'well-formed']);

    // No engine bug surfaced, in the front door or inside the engine.
    expect(unexpected).toEqual([]);
    expect(consoleError).not.toHaveBeenCalled();

    // Audit: one event per request that reached the engine, and none for the rest.
    await kms.settle();
    expect(kms.audit.events.length - eventsBefore).toBe(reached);

    // No key lost; every alias names a key that exists.
    const keysAfter = new Map(kms.keys().map((k) => [k.metadata.Arn as string, k]));
    for (const arn of [...keysBefore, ...created]) expect(keysAfter.has(arn), `key ${arn} lost`).toBe(true);
    const keyIds = new Set([...keysAfter.values()].map((k) => k.metadata.KeyId as string));
    for (const region of ['eu-west-2', 'us-east-1', 'ap-southeast-2']) {
      for (const alias of kms.aliases({ region })) expect(keyIds.has(alias.targetKeyId), `${alias.aliasName} dangles`).toBe(true);
    }
    kms.dispose();
  }, 120_000);
});
