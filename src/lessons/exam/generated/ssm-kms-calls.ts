/**
 * "How many KMS calls does Parameter Store make?": a random number of SecureString and String
 * parameters written (standard or advanced tier) and read with and without decryption through the
 * simulated SSM Parameter Store (src/sim/parameters); the answer is the KMS API calls CloudTrail records.
 */
import { createKms } from '../../../kms/index.ts';
import { createModelClock } from '../../../sim/core/clock.ts';
import { createRng } from '../../../sim/core/rng.ts';
import { ParameterStore } from '../../../sim/parameters/index.ts';
import { numberOptions, type QuestionFamily } from './family.ts';
import { EXAM_ACCOUNT, EXAM_REGION } from './kms-world.ts';

export interface SsmKmsCallsParams {
  tier: 'Standard' | 'Advanced';
  secureStrings: number;
  plainStrings: number;
  decryptedReads: number;
  encryptedReads: number;
}

const times = (n: number) => `${n} ${n === 1 ? 'time' : 'times'}`;

const app = { caller: { arn: `arn:aws:sts::${EXAM_ACCOUNT}:assumed-role/AppServer/i-0a1b2c3d4e5f67890` } };

/** Writes and reads the parameters through the simulated Parameter Store; the KMS API calls CloudTrail records. */
export async function ssmKmsCalls(params: SsmKmsCallsParams, seed: number): Promise<number> {
  const kms = createKms({ clock: createModelClock(), rng: createRng(seed), accountId: EXAM_ACCOUNT, quotas: false });
  const store = new ParameterStore({ kms, accountId: EXAM_ACCOUNT, region: EXAM_REGION });
  for (let i = 0; i < params.secureStrings; i++) {
    await store.call('PutParameter', { Name: `/app/secret-${i}`, Value: `s3cret-${i}`, Type: 'SecureString', Tier: params.tier }, app);
  }
  for (let i = 0; i < params.plainStrings; i++) {
    await store.call('PutParameter', { Name: `/app/setting-${i}`, Value: `value-${i}`, Type: 'String', Tier: params.tier }, app);
  }
  const read = async (count: number, decrypt: boolean) => {
    for (let i = 0; i < count; i++) await store.call('GetParameter', { Name: `/app/secret-${i % params.secureStrings}`, WithDecryption: decrypt }, app);
  };
  await read(params.decryptedReads, true);
  await read(params.encryptedReads, false);
  return kms.audit.events.filter((event) => event.eventType === 'AwsApiCall').length;
}

export const ssmKmsCallsFamily: QuestionFamily<SsmKmsCallsParams> = {
  id: 'ssm-kms-calls',
  topic: 'secrets-and-integrated-services',
  lessonId: 'secrets-and-integrated-services',
  refs: ['ssm-calls-kms-for-you', 'securestring-parameter'],
  describe: 'it writes and reads the parameters through the simulated Parameter Store and counts the KMS calls in the audit log',
  draw: (rng) => ({
    tier: rng.next() < 0.7 ? 'Standard' : 'Advanced',
    secureStrings: rng.int(1, 4),
    plainStrings: rng.int(0, 3),
    decryptedReads: rng.int(0, 5),
    encryptedReads: rng.int(0, 3),
  }),

  async question(params, seed) {
    const right = await ssmKmsCalls(params, seed);
    const { tier, secureStrings, plainStrings, decryptedReads, encryptedReads } = params;
    const writeCall = tier === 'Standard' ? 'Encrypt' : 'GenerateDataKey';
    const { options, answer } = numberOptions(
      right,
      [secureStrings + plainStrings + decryptedReads + encryptedReads, secureStrings + decryptedReads + encryptedReads, secureStrings, 2 * secureStrings + decryptedReads],
      String,
      (n) =>
        n === right
          ? `Right: one ${writeCall} for each SecureString written and one Decrypt for each read with decryption; String parameters and reads without decryption never call KMS.`
          : 'Not this: count one KMS call per SecureString written and one per read with decryption, nothing else.',
    );
    return {
      kind: 'single',
      prompt: `An application writes ${secureStrings} SecureString and ${plainStrings} String parameters (${tier.toLowerCase()} tier) to SSM Parameter Store with the default key aws/ssm, then reads SecureString parameters ${times(decryptedReads)} with --with-decryption and ${times(encryptedReads)} without it. How many KMS API calls does CloudTrail record?`,
      options,
      answer,
      explanation: `Parameter Store calls KMS for the application (via ssm.${EXAM_REGION}.amazonaws.com): ${writeCall} for each SecureString written (${secureStrings}) and Decrypt for each read with decryption (${decryptedReads}), ${right} in all. A read without decryption returns the ciphertext, and String parameters are not encrypted.`,
    };
  },
};
