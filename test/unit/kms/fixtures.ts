import { createKms, type KmsOptions } from '../../../src/kms/index.ts';
import type { CallContext } from '../../../src/kms/caller.ts';
import { KmsError } from '../../../src/kms/errors.ts';

export const ACCOUNT = '111122223333';
export const REGION = 'eu-west-2';
export const alice: CallContext = { caller: { arn: `arn:aws:iam::${ACCOUNT}:user/alice` }, region: REGION };

/** A KMS for behaviour tests: quotas off unless a test is about quotas. */
export function testKms(options: KmsOptions = {}) {
  const kms = createKms({ quotas: false, ...options });
  const call = (op: string, input: Record<string, unknown> = {}, ctx: CallContext = alice) => kms.call(op, input, ctx);
  return { kms, call };
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
