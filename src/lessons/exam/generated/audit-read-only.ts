/**
 * "Which calls are read-only in CloudTrail?": four random KMS calls are made in a fresh simulated KMS
 * and the answer is read from the CloudTrail events it records (`readOnly`), the field a trail's
 * "read" or "write" event selector filters on.
 */
import type { Input } from '../../../kms/index.ts';
import type { QuestionFamily } from './family.ts';
import { createSymmetricKey, examKms } from './kms-world.ts';

/** Calls that only read or use a key, and calls that change something: drawn from both so the answer is never trivial. */
export const READING_CALLS = ['DescribeKey', 'ListKeys', 'ListAliases', 'GetKeyPolicy', 'Encrypt', 'GenerateDataKey', 'GenerateRandom'] as const;
export const CHANGING_CALLS = ['CreateKey', 'CreateAlias', 'TagResource', 'EnableKeyRotation', 'DisableKey', 'ScheduleKeyDeletion'] as const;
type AuditedCall = (typeof READING_CALLS)[number] | (typeof CHANGING_CALLS)[number];

export interface AuditReadOnlyParams {
  calls: AuditedCall[];
}

function inputFor(call: AuditedCall, keyId: string): Input {
  switch (call) {
    case 'ListKeys':
    case 'ListAliases':
    case 'CreateKey':
      return {};
    case 'GetKeyPolicy':
      return { KeyId: keyId, PolicyName: 'default' };
    case 'Encrypt':
      return { KeyId: keyId, Plaintext: new Uint8Array([1, 2, 3]) };
    case 'GenerateDataKey':
      return { KeyId: keyId, KeySpec: 'AES_256' };
    case 'GenerateRandom':
      return { NumberOfBytes: 16 };
    case 'CreateAlias':
      return { AliasName: 'alias/exam-question', TargetKeyId: keyId };
    case 'TagResource':
      return { KeyId: keyId, Tags: [{ TagKey: 'team', TagValue: 'exam' }] };
    case 'ScheduleKeyDeletion':
      return { KeyId: keyId, PendingWindowInDays: 7 };
    default:
      return { KeyId: keyId };
  }
}

/** The calls that changed the key's state go last, so every other call still finds an enabled key. */
const ORDER: readonly AuditedCall[] = [...READING_CALLS, 'CreateKey', 'CreateAlias', 'TagResource', 'EnableKeyRotation', 'DisableKey', 'ScheduleKeyDeletion'];

/** Makes the calls in a fresh KMS; the calls whose CloudTrail event says readOnly: true. */
export async function readOnlyCalls(calls: readonly AuditedCall[], seed: number): Promise<string[]> {
  const world = examKms(seed);
  const keyId = await createSymmetricKey(world);
  const before = world.kms.audit.events.length;
  for (const call of ORDER.filter((c) => calls.includes(c))) await world.outcome(call, inputFor(call, keyId));
  const events = world.kms.audit.events.slice(before).filter((event) => event.eventType === 'AwsApiCall');
  return calls.filter((call) => events.find((event) => event.eventName === call)?.readOnly === true);
}

export const auditReadOnly: QuestionFamily<AuditReadOnlyParams> = {
  id: 'audit-read-only',
  topic: 'audit-with-cloudtrail',
  lessonId: 'audit-with-cloudtrail',
  refs: ['read-only-and-management'],
  describe: 'it makes the calls in a fresh simulated KMS and reads readOnly in the CloudTrail events it records',
  draw(rng) {
    const reading = rng.int(1, 3);
    const calls: AuditedCall[] = [];
    while (calls.length < reading) {
      const call = rng.pick(READING_CALLS);
      if (!calls.includes(call)) calls.push(call);
    }
    while (calls.length < 4) {
      const call = rng.pick(CHANGING_CALLS);
      if (!calls.includes(call)) calls.push(call);
    }
    for (let i = calls.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [calls[i], calls[j]] = [calls[j]!, calls[i]!];
    }
    return { calls };
  },

  async question({ calls }, seed) {
    const readOnly = await readOnlyCalls(calls, seed);
    return {
      kind: 'multi',
      prompt: `An application makes these KMS calls: ${calls.join(', ')}. Which of them does CloudTrail record with "readOnly": true (the events a trail's read-only event selector keeps)?`,
      options: calls.map((call) => ({
        id: call,
        text: call,
        why: readOnly.includes(call)
          ? `${call} changes nothing in KMS: it reads, or uses a key without changing it, so CloudTrail marks it readOnly.`
          : `${call} changes something in KMS (a key, an alias, a tag or a key's state), so CloudTrail records readOnly: false.`,
      })),
      answer: readOnly,
      explanation: `Read-only: ${readOnly.join(', ')}. Cryptographic operations such as Encrypt, Decrypt and GenerateDataKey count as read-only, like Describe, List and Get calls; calls that create or change a resource do not.`,
    };
  },
};
