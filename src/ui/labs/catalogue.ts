/** The traffic labs: their ids (the `#/labs/<id>` addresses; never change them), titles and one-line summaries. */
export const LAB_IDS = ['backoff-study', 'kms-load', 'data-key-caching'] as const;
export type LabId = (typeof LAB_IDS)[number];

export interface LabSummary {
  id: LabId;
  title: string;
  summary: string;
}

export const LABS: readonly LabSummary[] = [
  {
    id: 'backoff-study',
    title: 'Backoff and jitter: Brooker’s study',
    summary: 'Many clients race to update one row. Compare no backoff, exponential backoff and three kinds of jitter: how long until everyone is done, and how much work it took.',
  },
  {
    id: 'kms-load',
    title: 'KMS under load: throttling and retries',
    summary: 'Send more requests than the quota allows and watch ThrottlingException, the SDK’s retries, its retry quota running dry and adaptive mode slowing the clients down.',
  },
  {
    id: 'data-key-caching',
    title: 'Data key caching and the KMS bill',
    summary: 'Encrypt a stream of messages with and without the Encryption SDK’s data key cache: KMS calls per second and the monthly bill, side by side.',
  },
];

export function findLab(id: string | undefined): LabSummary | undefined {
  return LABS.find((lab) => lab.id === id);
}

export const labLink = (id?: LabId) => (id ? `#/labs/${id}` : '#/labs');
