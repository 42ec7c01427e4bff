import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KmsError, operations } from '../../../src/kms/index.ts';
import type { Shape } from '../../../src/kms/operations/shape.ts';
import { newKey, testKms } from './fixtures.ts';

/**
 * Property: whatever a caller sends to any operation — well-formed or not, about real keys or not —
 * the engine answers an output or a modelled KmsError, never a crash and never KMSInternalException;
 * and every call leaves exactly one CloudTrail API event.
 */
const interesting = fc.constantFrom(
  'alias/app', 'alias/aws/s3', 'alias/none', 'fake-key-id', '1234abcd-12ab-34cd-56ef-1234567890ab', 'default',
  'SYMMETRIC_DEFAULT', 'RSAES_OAEP_SHA_256', 'ECDSA_SHA_256', 'HMAC_SHA_256', 'AES_256', 'RSA_2048', 'ECC_NIST_P256',
  'ENCRYPT_DECRYPT', 'SIGN_VERIFY', 'GENERATE_VERIFY_MAC', 'EXTERNAL', 'DIGEST', 'RAW', 'KEY_MATERIAL_EXPIRES', '',
);

function valueFor(shape: Shape, keyRefs: string[], depth = 0, member = ''): fc.Arbitrary<unknown> {
  switch (shape.type) {
    case 'string':
      if (member.endsWith('KeyId')) return fc.oneof(fc.constantFrom(...keyRefs), interesting);
      return fc.oneof(
        shape.enum ? fc.constantFrom(...shape.enum) : interesting,
        fc.constantFrom(...keyRefs),
        fc.string({ maxLength: 12 }),
      );
    case 'blob':
      return fc.oneof(
        { weight: 4, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 64 }) },
        fc.uint8Array({ maxLength: 0 }),
        fc.uint8Array({ minLength: 4090, maxLength: 4100 }),
      );
    case 'integer':
      return fc.oneof(fc.integer({ min: -2, max: 3000 }), fc.constantFrom(1, 7, 30, 32, 90, 365, 1024), fc.constantFrom(1, 7, 30, 32, 90, 365, 1024));
    case 'boolean':
      return fc.boolean();
    case 'timestamp':
      return fc.date({ min: new Date(Date.UTC(2025, 0, 1)), max: new Date(Date.UTC(2028, 0, 1)), noInvalidDate: true });
    case 'list':
      return depth > 2 ? fc.constant([]) : fc.array(valueFor(shape.member, keyRefs, depth + 1), { maxLength: 3 });
    case 'map':
      return fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 });
    case 'structure': {
      if (depth > 2) return fc.constant({});
      const entries = Object.entries(shape.members).map(([name, m]) => [name, valueFor(m.shape, keyRefs, depth + 1, name)] as const);
      // Required members are mostly present, so requests get past validation and reach the handlers.
      const required = Object.entries(shape.members).filter(([, m]) => m.required).map(([name]) => name);
      return fc.oneof(
        { weight: 5, arbitrary: fc.record(Object.fromEntries(entries), { requiredKeys: required }) },
        fc.record(Object.fromEntries(entries), { requiredKeys: [] }),
      );
    }
  }
}

// Key generation is the slow part: operations that would create RSA keys or wrapping keys run less often.
const NAMES = Object.keys(operations);

describe('robustness', () => {
  it('random requests to every operation give an output or a modelled KmsError', async () => {
    const { kms, call } = testKms();
    const symmetric = await newKey(call);
    const hmac = await newKey(call, { KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' });
    const ecc = await newKey(call, { KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' });
    const external = await newKey(call, { Origin: 'EXTERNAL' });
    await call('CreateAlias', { AliasName: 'alias/app', TargetKeyId: symmetric.KeyId });
    const keyRefs = [symmetric.KeyId, symmetric.Arn, hmac.KeyId, ecc.Arn, external.KeyId];
    const requests = fc.constantFrom(...NAMES).chain((name) => fc.tuple(fc.constant(name), valueFor(operations[name].input, keyRefs)));
    let sent = 0;
    const outcomes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(requests, async ([name, input]) => {
        const rsaKeyRequested = JSON.stringify(input).includes('RSA_');
        if (rsaKeyRequested && (name === 'CreateKey' || name === 'GetParametersForImport' || name.startsWith('GenerateDataKeyPair'))) return;
        sent++;
        try {
          await call(name, input as Record<string, unknown>);
          outcomes.set('ok', (outcomes.get('ok') ?? 0) + 1);
        } catch (error) {
          outcomes.set((error as KmsError).code, (outcomes.get((error as KmsError).code) ?? 0) + 1);
          expect(error).toBeInstanceOf(KmsError);
          expect((error as KmsError).code, `${name} ${String((error as Error).message)}`).not.toBe('KMSInternalException');
        }
      }),
      { numRuns: 1500, seed: 20261128 },
    );
    // The generator reaches the handlers, not only validation: many calls succeed, many fail in handlers.
    expect(outcomes.get('ok') ?? 0).toBeGreaterThan(50);
    expect(outcomes.get('KMSInvalidStateException') ?? 0).toBeGreaterThan(10);
    const apiEvents = kms.audit.events.filter((e) => e.eventType === 'AwsApiCall');
    expect(apiEvents.length).toBe(sent + 5);
    for (const alias of kms.aliases({ region: 'eu-west-2' })) {
      expect(kms.keys().some((k) => k.metadata.KeyId === alias.targetKeyId)).toBe(true);
    }
  }, 120_000);
});
