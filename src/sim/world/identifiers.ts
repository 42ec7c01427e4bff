/**
 * ARNs and the identifiers CloudTrail shows for a principal. AWS's unique ids (AIDA… for users,
 * AROA… for roles) and access key ids (AKIA… long-term, ASIA… temporary) are random in AWS; here
 * they are derived from the ARN so that a world replays with the same ids every time.
 */
export const rootArn = (account: string) => `arn:aws:iam::${account}:root`;
export const userArn = (account: string, name: string) => `arn:aws:iam::${account}:user/${name}`;
export const roleArn = (account: string, name: string) => `arn:aws:iam::${account}:role/${name}`;
export const sessionArn = (account: string, role: string, session: string) => `arn:aws:sts::${account}:assumed-role/${role}/${session}`;

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** `length` characters of AWS's id alphabet, a pure function of `seed` (FNV-1a, re-mixed per character). */
function idChars(seed: string, length: number): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) hash = Math.imul(hash ^ seed.charCodeAt(i), 0x01000193) >>> 0;
  let out = '';
  for (let i = 0; i < length; i++) {
    hash = Math.imul(hash ^ (i + 0x9e), 0x01000193) >>> 0;
    hash = (hash ^ (hash >>> 13)) >>> 0;
    out += BASE32[hash % 32];
  }
  return out;
}

/** Unique id of an IAM user (`AIDA…`) or role (`AROA…`), 21 characters as in AWS. */
export const uniqueId = (kind: 'user' | 'role', arn: string) => `${kind === 'user' ? 'AIDA' : 'AROA'}${idChars(arn, 17)}`;

/** Access key id: long-term for users (`AKIA…`), temporary for sessions (`ASIA…`), 20 characters. */
export const accessKeyId = (kind: 'user' | 'session', arn: string) => `${kind === 'user' ? 'AKIA' : 'ASIA'}${idChars(`key:${arn}`, 16)}`;
