/**
 * Generated question families: every question fits the schema, a seed always gives the same question,
 * and each family's answer agrees with an oracle written here from KMS's documented rules, for several
 * seeds (the family computes its answer by running the engine; this checks engine and question agree
 * with the rules a learner is taught).
 */
import { describe, expect, it } from 'vitest';
import { QUESTION_FAMILIES, generateQuestion, parseGeneratedId, generatedId } from '../../../src/lessons/exam/generated/index';
import { drawParams, type QuestionFamily } from '../../../src/lessons/exam/generated/family';
import { validateExamQuestions } from '../../../src/lessons/exam/schema';
import type { ExamQuestion } from '../../../src/lessons/exam/types';
import { keyStateException, keyStateOutcome, type KeyStateParams } from '../../../src/lessons/exam/generated/key-state-exception';
import { keyLifecycleState, type KeyLifecycleParams } from '../../../src/lessons/exam/generated/key-lifecycle-state';
import { deletionWindow, type DeletionWindowParams } from '../../../src/lessons/exam/generated/deletion-window';
import { encryptSizeLimit, type EncryptSizeParams } from '../../../src/lessons/exam/generated/encrypt-size-limit';
import { dataKeyCache, type DataKeyCacheParams } from '../../../src/lessons/exam/generated/data-key-cache';
import { sseKmsCalls, type SseKmsCallsParams } from '../../../src/lessons/exam/generated/sse-kms-calls';
import { whichApi, type WhichApiParams } from '../../../src/lessons/exam/generated/which-api';
import { monthlyPrice, type MonthlyPriceParams } from '../../../src/lessons/exam/generated/monthly-price';
import { policyDecision, type PolicyDecisionParams } from '../../../src/lessons/exam/generated/policy-decision';
import { ssmKmsCallsFamily, type SsmKmsCallsParams } from '../../../src/lessons/exam/generated/ssm-kms-calls';
import { auditReadOnly, READING_CALLS, type AuditReadOnlyParams } from '../../../src/lessons/exam/generated/audit-read-only';

const SEEDS = [1, 2, 3, 7, 42, 1234, 99_991, 2_000_000_001];

/** The text of the option the question marks right. */
const answerText = (question: ExamQuestion): string => question.options.find((option) => option.id === question.answer)!.text;

async function eachSeed<P>(family: QuestionFamily<P>, check: (params: P, question: ExamQuestion, seed: number) => void | Promise<void>): Promise<void> {
  for (const seed of SEEDS) {
    const question = await generateQuestion(family, seed);
    await check(drawParams(family, seed), question, seed);
  }
}

describe('every family', () => {
  it('has at least 8 families with distinct ids', () => {
    expect(QUESTION_FAMILIES.length).toBeGreaterThanOrEqual(8);
    expect(new Set(QUESTION_FAMILIES.map((f) => f.id)).size).toBe(QUESTION_FAMILIES.length);
  });

  for (const family of QUESTION_FAMILIES) {
    it(`${family.id}: questions fit the schema, and a seed reproduces the same question`, async () => {
      const questions = await Promise.all(SEEDS.slice(0, 5).map((seed) => generateQuestion(family, seed)));
      const checked = validateExamQuestions(questions, `generated/${family.id}`);
      expect(checked.ok ? [] : checked.problems).toEqual([]);
      expect(questions.map((q) => parseGeneratedId(q.id))).toEqual(SEEDS.slice(0, 5).map((seed) => ({ familyId: family.id, seed })));
      expect(await generateQuestion(family, SEEDS[0]!)).toEqual(questions[0]);
      expect(questions.every((q) => q.topic === family.topic && q.lessonId === family.lessonId && q.refs[0] === family.refs[0])).toBe(true);
    });
  }

  it('round-trips ids, and reads nothing else as a generated id', () => {
    expect(parseGeneratedId(generatedId('which-api', 77))).toEqual({ familyId: 'which-api', seed: 77 });
    expect(parseGeneratedId('kt-1')).toBeUndefined();
    expect(parseGeneratedId('gen-which-api')).toBeUndefined();
  });
});

describe('answers agree with the documented rules', () => {
  it('policy decision: an explicit deny wins; then the key policy naming bob, IAM under a delegating policy, or a grant allows', async () => {
    const oracle = (p: PolicyDecisionParams) => {
      if (p.iamDeny) return 'ExplicitDeny';
      if (p.keyPolicy === 'names-bob') return 'Allow';
      if (p.keyPolicy === 'default' && p.iamPolicy === 'allow-decrypt') return 'Allow';
      if (p.grant) return 'Allow';
      return 'ImplicitDeny';
    };
    const seen = new Set<string>();
    await eachSeed(policyDecision, (params, question) => {
      expect(question.answer).toBe(oracle(params));
      seen.add(question.answer as string);
    });
    for (const [params, expected] of [
      [{ keyPolicy: 'admins-only', iamPolicy: 'allow-decrypt', iamDeny: false, grant: false }, 'ImplicitDeny'],
      [{ keyPolicy: 'admins-only', iamPolicy: 'none', iamDeny: false, grant: true }, 'Allow'],
      [{ keyPolicy: 'names-bob', iamPolicy: 'none', iamDeny: true, grant: true }, 'ExplicitDeny'],
    ] as const) {
      expect((await policyDecision.question(params, 1)).answer).toBe(expected);
    }
    expect(seen.size).toBeGreaterThan(1);
  });

  it('key state exception: Disabled → DisabledException, PendingDeletion → KMSInvalidStateException, gone → NotFoundException', async () => {
    const oracle: Record<KeyStateParams['situation'], string> = {
      enabled: 'ok',
      're-enabled': 'ok',
      disabled: 'DisabledException',
      'pending-deletion': 'KMSInvalidStateException',
      deleted: 'NotFoundException',
      'never-existed': 'NotFoundException',
    };
    await eachSeed(keyStateException, (params, question) => expect(question.answer).toBe(oracle[params.situation]));
    expect(await keyStateOutcome({ situation: 'deleted', operation: 'Decrypt', pendingDays: 7 }, 5)).toBe('NotFoundException');
  });

  it('key lifecycle: the state machine as the key management lesson teaches it', async () => {
    const oracle = ({ calls }: KeyLifecycleParams) => {
      let state = 'Enabled';
      for (const call of calls) {
        if (call === 'DisableKey' && state !== 'PendingDeletion') state = 'Disabled';
        else if (call === 'EnableKey' && state !== 'PendingDeletion') state = 'Enabled';
        else if (call === 'ScheduleKeyDeletion' && state !== 'PendingDeletion') state = 'PendingDeletion';
        else if (call === 'CancelKeyDeletion' && state === 'PendingDeletion') state = 'Disabled';
      }
      return state;
    };
    await eachSeed(keyLifecycleState, (params, question) => expect(question.answer).toBe(oracle(params)));
  });

  it('deletion window: 7 to 30 days', async () => {
    await eachSeed(deletionWindow, ({ days }: DeletionWindowParams, question) => expect(question.answer).toBe(days >= 7 && days <= 30 ? 'ok' : 'ValidationException'));
    for (const days of [6, 7, 30, 31]) expect((await deletionWindow.question({ days }, 3)).answer).toBe(days === 6 || days === 31 ? 'ValidationException' : 'ok');
  });

  it("Encrypt's plaintext limit: up to 4,096 bytes", async () => {
    await eachSeed(encryptSizeLimit, ({ bytes }: EncryptSizeParams, question) => expect(question.answer).toBe(bytes <= 4096 ? 'ok' : 'ValidationException'));
    expect((await encryptSizeLimit.question({ bytes: 4097 }, 1)).answer).toBe('ValidationException');
    expect((await encryptSizeLimit.question({ bytes: 4096 }, 1)).answer).toBe('ok');
  });

  it('data key cache: a key serves messages until it is older than the maximum age or over the message limit', async () => {
    const oracle = (p: DataKeyCacheParams) => {
      const gap = 1000 / p.messagesPerSecond;
      let calls = 0;
      let created = -Infinity;
      let used = 0;
      for (let i = 0; i * gap < p.seconds * 1000; i++) {
        const t = i * gap;
        if (t - created > p.maxAgeSeconds * 1000 || used + 1 > (p.maxMessages ?? 2 ** 32)) {
          calls++;
          created = t;
          used = 1;
        } else used++;
      }
      return calls;
    };
    await eachSeed(dataKeyCache, (params, question) => expect(answerText(question)).toBe(oracle(params).toLocaleString('en-US')));
    const q = await dataKeyCache.question({ messagesPerSecond: 10, seconds: 60, maxAgeSeconds: 300, maxMessages: 100 }, 1);
    expect(answerText({ ...q, id: 'x', topic: 'envelope-encryption', lessonId: 'x', refs: ['x'] } as ExamQuestion)).toBe('6');
  });

  it('SSE-KMS calls: one GenerateDataKey per SSE-KMS upload, one Decrypt per SSE-KMS download, none for SSE-S3', async () => {
    await eachSeed(sseKmsCalls, ({ kmsUploads, kmsDownloads }: SseKmsCallsParams, question) => expect(answerText(question)).toBe(String(kmsUploads + kmsDownloads)));
  });

  it('which API: the operation the AWS documentation names for each need', async () => {
    const expected: Record<string, string> = {
      'data-key-now': 'GenerateDataKey',
      'data-key-later': 'GenerateDataKeyWithoutPlaintext',
      random: 'GenerateRandom',
      're-encrypt': 'ReEncrypt',
      'public-key': 'GetPublicKey',
      'small-secret': 'Encrypt',
      sign: 'Sign',
      mac: 'GenerateMac',
    };
    await eachSeed(whichApi, ({ need, choices }: WhichApiParams, question) => {
      expect(question.answer).toBe(expected[need]);
      expect(choices).toContain(expected[need]);
      expect(new Set(choices).size).toBe(4);
    });
  });

  it('CloudTrail readOnly: reading and cryptographic calls are read-only, calls that create or change something are not', async () => {
    await eachSeed(auditReadOnly, ({ calls }: AuditReadOnlyParams, question) => {
      expect(question.kind).toBe('multi');
      expect(question.answer).toEqual(calls.filter((call) => (READING_CALLS as readonly string[]).includes(call)));
    });
  });

  it('Parameter Store: one KMS call per SecureString written and per read with decryption, none for String parameters or encrypted reads', async () => {
    await eachSeed(ssmKmsCallsFamily, ({ secureStrings, decryptedReads }: SsmKmsCallsParams, question) => expect(answerText(question)).toBe(String(secureStrings + decryptedReads)));
    const advanced = await ssmKmsCallsFamily.question({ tier: 'Advanced', secureStrings: 2, plainStrings: 3, decryptedReads: 4, encryptedReads: 5 }, 1);
    expect(advanced.options.find((o) => o.id === advanced.answer)!.text).toBe('6');
  });

  it('monthly price: $1 per key plus $0.03 per 10,000 requests beyond the free 20,000', async () => {
    await eachSeed(monthlyPrice, ({ keys, requests }: MonthlyPriceParams, question) => {
      const usd = keys + (Math.max(0, requests - 20_000) * 0.03) / 10_000;
      expect(answerText(question)).toBe(`$${usd.toFixed(2)}`);
      expect(new Set(question.options.map((o) => o.text)).size).toBe(4);
    });
  });
});
