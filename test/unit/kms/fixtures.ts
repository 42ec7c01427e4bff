import { expect } from 'vitest';
import { createKms, type KmsOptions, operations } from '../../../src/kms/index.ts';
import type { Shape } from '../../../src/kms/operations/shape.ts';
import type { CallContext } from '../../../src/kms/caller.ts';
import { KmsError } from '../../../src/kms/errors.ts';

export const ACCOUNT = '111122223333';
export const REGION = 'eu-west-2';
export const alice: CallContext = { caller: { arn: `arn:aws:iam::${ACCOUNT}:user/alice` }, region: REGION };

/**
 * A KMS for behaviour tests: quotas off unless a test is about quotas. Every successful output is
 * checked against its operation's output shape, because the wire layer encodes by that shape.
 */
export function testKms(options: KmsOptions = {}) {
  const kms = createKms({ quotas: false, ...options });
  const call = async (op: string, input: Record<string, unknown> = {}, ctx: CallContext = alice) => {
    const output = await kms.call(op, input, ctx);
    expect(shapeMismatches(operations[op].output, output, op)).toEqual([]);
    return output;
  };
  return { kms, call };
}

/** Paths where an output value does not match its described shape (the wire layer encodes by the shape). */
export function shapeMismatches(shape: Shape, value: unknown, path: string): string[] {
  switch (shape.type) {
    case 'string': return typeof value === 'string' ? [] : [path];
    case 'blob': return value instanceof Uint8Array ? [] : [path];
    case 'integer': return Number.isInteger(value) ? [] : [path];
    case 'boolean': return typeof value === 'boolean' ? [] : [path];
    case 'timestamp': return value instanceof Date ? [] : [path];
    case 'list': return Array.isArray(value) ? value.flatMap((v, i) => shapeMismatches(shape.member, v, `${path}[${i}]`)) : [path];
    case 'map': return value && typeof value === 'object' ? Object.entries(value).flatMap(([k, v]) => shapeMismatches(shape.value, v, `${path}.${k}`)) : [path];
    case 'structure': {
      if (!value || typeof value !== 'object') return [path];
      return Object.entries(value).flatMap(([k, v]) => {
        const member = shape.members[k];
        return member ? shapeMismatches(member.shape, v, `${path}.${k}`) : [`${path}.${k} (not in the output shape)`];
      });
    }
  }
}



/** Awaits a rejection and returns the KmsError (fails the test when it resolves or rejects otherwise). */
export async function failure(promise: Promise<unknown>): Promise<KmsError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof KmsError) return error;
    throw new Error(`expected a KmsError, got ${String(error)}`);
  }
  throw new Error('expected the call to fail');
}

export const text = (s: string) => new TextEncoder().encode(s);
export const bytesOf = (n: number, fill = 7) => new Uint8Array(n).fill(fill);

export type Call = ReturnType<typeof testKms>['call'];

/** CreateKey and return its KeyMetadata. */
export async function newKey(call: Call, input: Record<string, unknown> = {}) {
  const out = await call('CreateKey', input);
  return out.KeyMetadata as Record<string, unknown> & { KeyId: string; Arn: string };
}
