/**
 * Property-based fuzzing of the JSON 1.1 front door against the real engine: 20,000 random and
 * mutated requests (correct use of the cryptographic operations; well-formed requests for every
 * simulated operation built from the engine's own shapes; the same with members dropped, retyped,
 * added, base64 broken or blob bits flipped; random targets with random JSON; random bytes as the
 * body; broken methods, paths, content types, targets and signatures).
 *
 * For every response: HTTP 200 with a JSON object (or the empty body of an operation without
 * output), or HTTP 400 with a modelled `__type` — an engine error only for requests that reached
 * the engine, a protocol error only for those that did not — or HTTP 500 only with a modelled
 * server fault; never KMSInternalException, which would mean the engine hit a bug.
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
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { createFuzzHarness } from './support/fuzz-harness';
import { fuzzCases, type FuzzKind } from './support/fuzz-requests';

const RUNS = 20_000;

describe('the JSON 1.1 front door under random and mutated requests', () => {
  let consoleError: MockInstance;
  beforeEach(() => {
    consoleError = vi.spyOn(console, 'error');
  });
  afterEach(() => {
    // The engine logs any failure that is not a KmsError: none may happen.
    expect(consoleError).not.toHaveBeenCalled();
    consoleError.mockRestore();
  });

  it(`answers ${RUNS.toLocaleString('en')} requests one by one with a success or a modelled AWS error, and the world stays consistent`, async () => {
    const harness = await createFuzzHarness();
    const kinds = new Set<FuzzKind>();
    await fc.assert(
      fc.asyncProperty(fuzzCases(harness.kms.operations, harness.pools), async ({ kind, request }) => {
        kinds.add(kind);
        await harness.send(request);
      }),
      { numRuns: RUNS, seed: 20261128, endOnFailure: true },
    );

    expect([...harness.tally.values()].reduce((a, b) => a + b, 0)).toBe(RUNS);
    expect([...kinds].sort()).toEqual(['broken-envelope', 'correct-use', 'mutated', 'random-bytes', 'random-json', 'well-formed']);
    // The requests went deep: many reached the engine, many succeeded, across most operations.
    expect(harness.reached.size).toBeGreaterThan(RUNS * 0.5);
    expect(harness.tally.get('200') ?? 0).toBeGreaterThan(RUNS * 0.1);
    expect(harness.succeeded.size).toBeGreaterThanOrEqual(30);
    await harness.checkWorld();
    harness.kms.dispose();
  }, 120_000);

  it('answers 2,000 requests sent 16 at a time the same way (calls in flight together)', async () => {
    const harness = await createFuzzHarness();
    const cases = fc.sample(fuzzCases(harness.kms.operations, harness.pools), { numRuns: 2_000, seed: 7 });
    for (let i = 0; i < cases.length; i += 16) {
      await Promise.all(cases.slice(i, i + 16).map(({ request }) => harness.send(request)));
    }
    expect([...harness.tally.values()].reduce((a, b) => a + b, 0)).toBe(2_000);
    expect(harness.tally.get('200') ?? 0).toBeGreaterThan(200);
    await harness.checkWorld();
    harness.kms.dispose();
  }, 60_000);
});
