/**
 * Example Corp's working day as KMS saw it: the calls its people, its web server and S3 (on their
 * behalf) made, replayed against the real engine so that every CloudTrail event in the lesson is
 * one the engine wrote. The people are the sandbox's (src/sim/world SANDBOX_WORLD): alice the
 * administrator, bob the developer without KMS permissions, carol the key administrator, the
 * AppServer role's EC2 instance, and dave at Partner Corp. S3 is the object store of
 * src/sim/storage: an SSE-KMS upload is one GenerateDataKey, a download one Decrypt, each with the
 * object's ARN as encryption context.
 *
 * Nothing here states an outcome: who was refused, and with which error, is whatever the engine
 * answered; the day only says who tried what, and when.
 */
import type { Input, Kms, Output } from '../../src/kms/index';
import { userArn, sessionArn, SANDBOX_ACCOUNT, PARTNER_ACCOUNT } from '../../src/sim/world';

export const REGION = 'eu-west-2';
export const HR_BUCKET = 'example-corp-hr';
export const SHARED_BUCKET = 'example-corp-shared';
export const PAYROLL_NOVEMBER = 'payroll/2026-11.csv';
export const PAYROLL_OCTOBER = 'payroll/2026-10.csv';
export const ROADMAP = 'team/roadmap.txt';

export const APP_SESSION = 'i-0a1b2c3d4e5f67890';
export const PEOPLE = {
  alice: userArn(SANDBOX_ACCOUNT, 'alice'),
  bob: userArn(SANDBOX_ACCOUNT, 'bob'),
  carol: userArn(SANDBOX_ACCOUNT, 'carol'),
  app: sessionArn(SANDBOX_ACCOUNT, 'AppServer', APP_SESSION),
  dave: userArn(PARTNER_ACCOUNT, 'dave'),
} as const;
export type Person = keyof typeof PEOPLE;

/** What each caller's own requests say they are (CloudTrail's userAgent): people use the CLI, the web server the SDK. */
const CLI = 'aws-cli/2.22.35 md/Python#3.12.6 os/linux';
export const USER_AGENTS: Record<Person, string> = { alice: CLI, bob: CLI, carol: CLI, dave: CLI, app: 'aws-sdk-js/3.1164.0 ua/2.1 os/linux lang/js md/nodejs#20' };

/** The customer managed keys, by alias name (without `alias/`). */
export const KEY_ALIASES = ['payroll', 'app-secrets', 'exports'] as const;
export type KeyAlias = (typeof KEY_ALIASES)[number];

/** The web shop's database password: encrypted by alice, decrypted by the web server at start-up. */
export const DATABASE_CONTEXT = { app: 'web-shop', purpose: 'database-password' };
export const EXPORT_CONTEXT = { export: 'orders-2026-11-30' };

/** When something happened: a UTC date and a time of day. */
export interface When {
  date: string;
  time: string;
}

/** What the scenario must do for the day: call KMS as someone, or have S3 read or write an object for someone. */
export interface DayRunner {
  /** One KMS call made by the person directly (from their own address). */
  kms(who: Person, operation: string, input: Input): Promise<Output | undefined>;
  /** PutObject or GetObject through S3, which calls KMS as the person (kms:ViaService). */
  s3(who: Person, request: { kind: 'put' | 'get'; bucket: string; key: string; body?: string }): Promise<void>;
}

/** One thing someone did: `run` makes the calls, `says` is how the diagram tells it. */
export interface DayEntry {
  when: When;
  who: Person;
  says: string;
  /** A name for the CloudTrail event of this entry's (last) KMS call, for steps that open it. */
  mark?: string;
  run(day: DayRunner, memo: DayMemo): Promise<void>;
}

/** What the day keeps between calls: key ARNs by alias, and ciphertexts by name. */
export interface DayMemo {
  keys: Partial<Record<KeyAlias, string>>;
  blobs: Record<string, Uint8Array>;
}

const text = (s: string) => new TextEncoder().encode(s);

async function createKey(day: DayRunner, memo: DayMemo, alias: KeyAlias, description: string): Promise<void> {
  const created = await day.kms('carol', 'CreateKey', { Description: description });
  const arn = (created?.KeyMetadata as { Arn: string } | undefined)?.Arn;
  if (!arn) throw new Error(`audit lesson: carol could not create the ${alias} key`);
  memo.keys[alias] = arn;
  await day.kms('carol', 'CreateAlias', { AliasName: `alias/${alias}`, TargetKeyId: arn });
}

const onDate = (date: string) => (time: string): When => ({ date, time });
const january = onDate('2026-01-05');
const october = onDate('2026-10-30');
const monday = onDate('2026-11-30');
const tuesday = onDate('2026-12-01');

/** The day, in order. Carol made the keys in January; the rest is Monday 30 November and Tuesday 1 December 2026. */
export const WORKING_DAY: readonly DayEntry[] = [
  {
    when: january('09:00'), who: 'carol', says: 'creates the payroll key, its alias, and turns on yearly rotation',
    async run(day, memo) {
      await createKey(day, memo, 'payroll', 'HR payroll files in S3');
      await day.kms('carol', 'EnableKeyRotation', { KeyId: memo.keys.payroll });
    },
  },
  { when: january('09:05'), who: 'carol', says: 'creates the web shop\'s key for its secrets', run: (day, memo) => createKey(day, memo, 'app-secrets', 'web-shop application secrets') },
  { when: january('09:10'), who: 'carol', says: 'creates the key for the nightly exports to Partner Corp', run: (day, memo) => createKey(day, memo, 'exports', 'Nightly order exports for Partner Corp') },
  { when: october('17:00'), who: 'app', says: `uploads ${PAYROLL_OCTOBER} to ${HR_BUCKET} (SSE-KMS, alias/payroll)`, run: (day) => day.s3('app', { kind: 'put', bucket: HR_BUCKET, key: PAYROLL_OCTOBER, body: 'employee,net\nE-101,3120.00\n' }) },
  {
    when: monday('16:20'), who: 'alice', says: 'encrypts the web shop\'s database password with alias/app-secrets', mark: 'alice-encrypts-password',
    async run(day, memo) {
      const out = await day.kms('alice', 'Encrypt', { KeyId: 'alias/app-secrets', Plaintext: text('correct-horse-battery'), EncryptionContext: DATABASE_CONTEXT });
      if (out) memo.blobs.password = out.CiphertextBlob as Uint8Array;
    },
  },
  { when: monday('17:00'), who: 'app', says: `uploads ${PAYROLL_NOVEMBER} to ${HR_BUCKET}`, mark: 'app-uploads-november', run: (day) => day.s3('app', { kind: 'put', bucket: HR_BUCKET, key: PAYROLL_NOVEMBER, body: 'employee,net\nE-101,3180.00\n' }) },
  {
    when: monday('18:00'), who: 'app', says: 'encrypts the nightly order export for Partner Corp with alias/exports',
    async run(day, memo) {
      const out = await day.kms('app', 'Encrypt', { KeyId: 'alias/exports', Plaintext: text('order,total\nA-1041,42.00\n'), EncryptionContext: EXPORT_CONTEXT });
      if (out) memo.blobs.export = out.CiphertextBlob as Uint8Array;
    },
  },
  {
    when: tuesday('08:30'), who: 'app', says: 'starts up and decrypts the database password', mark: 'app-decrypts-password',
    run: async (day, memo) => void (await day.kms('app', 'Decrypt', { CiphertextBlob: memo.blobs.password, EncryptionContext: DATABASE_CONTEXT })),
  },
  { when: tuesday('09:30'), who: 'alice', says: `downloads ${PAYROLL_OCTOBER} through S3`, mark: 'alice-reads-october', run: (day) => day.s3('alice', { kind: 'get', bucket: HR_BUCKET, key: PAYROLL_OCTOBER }) },
  { when: tuesday('10:15'), who: 'bob', says: `tries to download ${PAYROLL_NOVEMBER} through S3`, mark: 'bob-reads-november', run: (day) => day.s3('bob', { kind: 'get', bucket: HR_BUCKET, key: PAYROLL_NOVEMBER }) },
  { when: tuesday('11:05'), who: 'bob', says: `uploads ${ROADMAP} to ${SHARED_BUCKET} (SSE-KMS with the AWS managed key aws/s3)`, run: (day) => day.s3('bob', { kind: 'put', bucket: SHARED_BUCKET, key: ROADMAP, body: 'Q1: search; Q2: checkout' }) },
  {
    when: tuesday('11:30'), who: 'dave', says: 'tries to decrypt last night\'s export with Example Corp\'s key', mark: 'dave-decrypts-export',
    run: async (day, memo) => void (await day.kms('dave', 'Decrypt', { CiphertextBlob: memo.blobs.export, EncryptionContext: EXPORT_CONTEXT })),
  },
  { when: tuesday('12:10'), who: 'carol', says: `tries to download ${PAYROLL_NOVEMBER} through S3`, run: (day) => day.s3('carol', { kind: 'get', bucket: HR_BUCKET, key: PAYROLL_NOVEMBER }) },
  { when: tuesday('13:00'), who: 'alice', says: 'looks up alias/exports', run: async (day) => void (await day.kms('alice', 'DescribeKey', { KeyId: 'alias/exports' })) },
  { when: tuesday('14:00'), who: 'carol', says: 'disables the exports key (Partner Corp\'s contract ended)', mark: 'carol-disables-exports', run: async (day, memo) => void (await day.kms('carol', 'DisableKey', { KeyId: memo.keys.exports })) },
  {
    when: tuesday('15:00'), who: 'app', says: 'encrypts the afternoon export with alias/exports, as it always has', mark: 'app-encrypts-disabled',
    run: async (day) => void (await day.kms('app', 'Encrypt', { KeyId: 'alias/exports', Plaintext: text('order,total\nA-1042,17.50\n'), EncryptionContext: { export: 'orders-2026-12-01' } })),
  },
  { when: tuesday('16:00'), who: 'app', says: `downloads ${PAYROLL_NOVEMBER} for the payroll run`, mark: 'app-reads-november', run: (day) => day.s3('app', { kind: 'get', bucket: HR_BUCKET, key: PAYROLL_NOVEMBER }) },
];

/** The moment the learner arrives: Tuesday evening, after the day. */
export const LESSON_STARTS: When = tuesday('17:30');

export const timeOf = (when: When): number => Date.parse(`${when.date}T${when.time}:00Z`);

/** Runs the day against the engine, advancing the clock to each entry's time; `onEntry` hears each one after it ran. */
export async function replayDay(kms: Kms, clock: { now(): number; advance(ms: number): void }, day: DayRunner, onEntry: (entry: DayEntry, from: number) => void): Promise<DayMemo> {
  const memo: DayMemo = { keys: {}, blobs: {} };
  for (const entry of WORKING_DAY) {
    const target = timeOf(entry.when);
    if (target > clock.now()) clock.advance(target - clock.now());
    const from = kms.audit.events.length;
    await entry.run(day, memo);
    onEntry(entry, from);
  }
  const end = timeOf(LESSON_STARTS);
  if (end > clock.now()) clock.advance(end - clock.now());
  return memo;
}
