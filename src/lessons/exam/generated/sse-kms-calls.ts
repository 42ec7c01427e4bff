/**
 * "How many KMS calls?": a random mix of uploads and downloads to an SSE-KMS bucket and to an SSE-S3
 * bucket, run through the simulated S3 (src/sim/storage) against the simulated KMS; the answer is the
 * number of KMS API calls CloudTrail records.
 */
import { createEventStream } from '../../../sim/core/events.ts';
import { createModelClock } from '../../../sim/core/clock.ts';
import { createRng } from '../../../sim/core/rng.ts';
import { createNetwork } from '../../../sim/network/network.ts';
import { ObjectStore } from '../../../sim/storage/index.ts';
import { createKms } from '../../../kms/index.ts';
import { numberOptions, type QuestionFamily } from './family.ts';
import { EXAM_ACCOUNT, EXAM_REGION } from './kms-world.ts';

export interface SseKmsCallsParams {
  kmsUploads: number;
  kmsDownloads: number;
  s3Uploads: number;
  s3Downloads: number;
}

const app = { arn: `arn:aws:sts::${EXAM_ACCOUNT}:assumed-role/report-app/web-1` };

/** Runs the uploads and downloads through the simulated S3 and counts KMS's CloudTrail API calls. */
export async function kmsCallsFor(params: SseKmsCallsParams, seed: number): Promise<number> {
  const clock = createModelClock();
  const rng = createRng(seed);
  const net = createNetwork({ stream: createEventStream(clock.now), clock, rng });
  const kms = createKms({ clock, rng: rng.fork(), accountId: EXAM_ACCOUNT, quotas: false });
  const store = await ObjectStore.create({ net, kms, region: EXAM_REGION, accountId: EXAM_ACCOUNT, actors: { service: 's3', kms: 'kms', disk: 'disk' } });
  store.createBucket('kms-bucket', { algorithm: 'aws:kms' });
  store.createBucket('s3-bucket', { algorithm: 'AES256' });
  const body = new Uint8Array([1, 2, 3, 4]);
  const run = async (bucket: string, uploads: number, downloads: number) => {
    for (let i = 0; i < uploads; i++) await store.putObject({ bucket, key: `object-${i}`, body, caller: app });
    // Downloads read the uploaded objects in turn (there is always at least one upload to read).
    for (let i = 0; i < downloads; i++) await store.getObject({ bucket, key: `object-${i % uploads}`, caller: app });
  };
  await run('kms-bucket', params.kmsUploads, params.kmsDownloads);
  await run('s3-bucket', params.s3Uploads, params.s3Downloads);
  return kms.audit.events.filter((event) => event.eventType === 'AwsApiCall').length;
}

export const sseKmsCalls: QuestionFamily<SseKmsCallsParams> = {
  id: 'sse-kms-calls',
  topic: 'server-side-encryption',
  lessonId: 'server-side-encryption',
  refs: ['upload-sse-kms', 'download', 'sse-s3'],
  describe: 'it makes those requests to the simulated S3 and counts the KMS calls in the audit log',
  draw: (rng) => ({ kmsUploads: rng.int(1, 5), kmsDownloads: rng.int(0, 6), s3Uploads: rng.int(1, 4), s3Downloads: rng.int(0, 4) }),

  async question(params, seed) {
    const right = await kmsCallsFor(params, seed);
    const { kmsUploads, kmsDownloads, s3Uploads, s3Downloads } = params;
    const all = kmsUploads + kmsDownloads + s3Uploads + s3Downloads;
    const { options, answer } = numberOptions(
      right,
      [all, kmsUploads, 2 * (kmsUploads + kmsDownloads), kmsUploads + s3Uploads],
      String,
      (n) =>
        n === right
          ? 'Right: each SSE-KMS upload is one GenerateDataKey and each SSE-KMS download one Decrypt; SSE-S3 never calls KMS.'
          : n === all
            ? 'That counts the SSE-S3 requests too, but S3 wraps their data keys with its own keys: no call to KMS.'
            : 'Not this: one KMS call per SSE-KMS request (GenerateDataKey to write, Decrypt to read), none for SSE-S3.',
    );
    return {
      kind: 'single',
      prompt: `Without S3 Bucket Keys, an application uploads ${kmsUploads} and downloads ${kmsDownloads} objects in a bucket encrypted with SSE-KMS, and uploads ${s3Uploads} and downloads ${s3Downloads} objects in a bucket encrypted with SSE-S3. How many KMS API calls appear in CloudTrail?`,
      options,
      answer,
      explanation: `S3 asks KMS for a data key (GenerateDataKey) for every SSE-KMS upload and asks KMS to decrypt it (Decrypt) for every SSE-KMS download: ${kmsUploads} + ${kmsDownloads} = ${right}. SSE-S3 objects use keys S3 manages itself, so KMS sees nothing of them. (S3 Bucket Keys, which cut these calls, are not simulated.)`,
    };
  },
};
