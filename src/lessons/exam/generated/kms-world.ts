/**
 * A fresh simulated KMS for one generated question: one account, one Region, alice as an
 * administrator (the default key policy delegates to IAM, and her IAM allows everything), and the
 * model clock so deletion windows can pass. Every question gets its own, seeded, so answers replay.
 */
import { createKms, isKmsError, type CallContext, type Input, type Kms, type Output } from '../../../kms/index.ts';
import { createModelClock, MS_PER_DAY, type ModelClock } from '../../../sim/core/clock.ts';
import { createRng } from '../../../sim/core/rng.ts';

export const EXAM_ACCOUNT = '111122223333';
export const EXAM_REGION = 'eu-west-2';
export const ADMIN: CallContext = { caller: { arn: `arn:aws:iam::${EXAM_ACCOUNT}:user/alice` }, region: EXAM_REGION };

export interface ExamKms {
  kms: Kms;
  clock: ModelClock;
  call(operation: string, input: Input, context?: CallContext): Promise<Output>;
  /** The call's outcome as a word: "ok" or the exception's name (AWS's `__type`). */
  outcome(operation: string, input: Input, context?: CallContext): Promise<string>;
  advanceDays(days: number): Promise<void>;
}

export function examKms(seed: number): ExamKms {
  const clock = createModelClock();
  const kms = createKms({ clock, rng: createRng(seed), accountId: EXAM_ACCOUNT, quotas: false });
  const call = (operation: string, input: Input, context: CallContext = ADMIN) => kms.call(operation, input, context);
  return {
    kms,
    clock,
    call,
    async outcome(operation, input, context) {
      try {
        await call(operation, input, context);
        return 'ok';
      } catch (error) {
        if (isKmsError(error)) return error.code;
        throw error;
      }
    },
    async advanceDays(days) {
      clock.advance(days * MS_PER_DAY);
      await kms.settle();
    },
  };
}

/** A new symmetric encryption key (the default key spec) owned by the exam account; returns its id. */
export async function createSymmetricKey(world: ExamKms): Promise<string> {
  const { KeyMetadata } = (await world.call('CreateKey', { Description: 'exam question' })) as { KeyMetadata: { KeyId: string } };
  return KeyMetadata.KeyId;
}
