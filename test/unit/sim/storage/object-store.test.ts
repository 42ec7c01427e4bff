/**
 * The object store against the real simulated KMS: what S3 asks KMS and as whom, what reaches the
 * disk, what a copy of the disk gives away, and what happens when KMS refuses.
 */
import { describe, expect, it } from 'vitest';
import { createKms, explainDecision, type KmsCaller } from '../../../../src/kms/index';
import { createModelClock } from '../../../../src/sim/core/clock';
import { createEventStream, type MessageEvent } from '../../../../src/sim/core/events';
import { createRng } from '../../../../src/sim/core/rng';
import { createNetwork } from '../../../../src/sim/network/network';
import { AWS_MANAGED_S3_ALIAS, containsText, decodeObjectRecord, ObjectStore, objectArn } from '../../../../src/sim/storage';
import { fromUtf8, utf8 } from '../../../../src/sim/tls/bytes';

const ACCOUNT = '111122223333';
const REGION = 'eu-west-2';
const SECRET = 'Q3 revenue: 4.2 million';
const app: KmsCaller = { arn: `arn:aws:sts::${ACCOUNT}:assumed-role/report-app/web-1` };
/** The role's IAM policy as a real document: kms:GenerateDataKey on any key of the account, no kms:Decrypt. */
const withoutDecrypt: KmsCaller = {
  ...app,
  identityPolicies: [{ name: 'write-only', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:GenerateDataKey', Resource: `arn:aws:kms:${REGION}:${ACCOUNT}:key/*` }] } }],
};
const admin: KmsCaller = { arn: `arn:aws:iam::${ACCOUNT}:user/alice` };

async function world() {
  const clock = createModelClock();
  const stream = createEventStream(clock.now);
  const rng = createRng(7);
  const net = createNetwork({ stream, clock, rng });
  const kms = createKms({ clock, rng: rng.fork(), accountId: ACCOUNT });
  const store = await ObjectStore.create({ net, kms, region: REGION, accountId: ACCOUNT, actors: { service: 's3', kms: 'kms', disk: 'disk' } });
  store.createBucket('reports', { algorithm: 'aws:kms' });
  const messages = () => stream.events.filter((e): e is MessageEvent => e.type === 'message');
  const apiCalls = () => kms.audit.events.filter((e) => e.eventType === 'AwsApiCall');
  return { clock, stream, kms, store, messages, apiCalls };
}

describe('ObjectStore with SSE-KMS', () => {
  it('creates aws/s3 on first use, asks KMS for a data key as the caller via S3, and stores only ciphertext', async () => {
    const w = await world();
    expect(w.kms.aliases({ region: REGION }).some((a) => a.aliasName === AWS_MANAGED_S3_ALIAS)).toBe(false);
    const put = await w.store.putObject({ bucket: 'reports', key: 'q3.txt', body: utf8(SECRET), caller: app });
    expect(put.ok).toBe(true);
    const alias = w.kms.aliases({ region: REGION }).find((a) => a.aliasName === AWS_MANAGED_S3_ALIAS);
    expect(alias).toBeDefined();
    if (!put.ok) return;
    expect(put.ServerSideEncryption).toBe('aws:kms');
    expect(put.SSEKMSKeyId).toMatch(new RegExp(`^arn:aws:kms:${REGION}:${ACCOUNT}:key/${alias!.targetKeyId}$`));

    expect(w.messages().map((m) => `${m.from}>${m.to} ${m.label}`)).toEqual(['s3>kms kms:GenerateDataKey', 'kms>s3 GenerateDataKey result', 's3>disk write object']);
    const [call] = w.apiCalls();
    expect(call).toMatchObject({
      eventName: 'GenerateDataKey',
      userIdentity: { arn: app.arn, invokedBy: 's3.amazonaws.com' },
      sourceIPAddress: 's3.amazonaws.com',
      requestParameters: { keySpec: 'AES_256', encryptionContext: { 'aws:s3:arn': objectArn('reports', 'q3.txt') } },
    });
    expect(call.errorCode).toBeUndefined();

    const image = w.store.disk.image();
    expect(containsText(image, SECRET)).toBe(false);
    expect(containsText(image, 'q3.txt')).toBe(true); // the metadata is stored in the clear
    const stored = decodeObjectRecord(w.store.disk.read('reports', 'q3.txt')!.record);
    expect(stored.ciphertext.length).toBe(utf8(SECRET).length + 16);
    expect(stored.metadata.kmsKeyArn).toBe(put.SSEKMSKeyId);
  });

  it('creates aws/s3 only once and gives every object its own data key', async () => {
    const w = await world();
    await w.store.putObject({ bucket: 'reports', key: 'a.txt', body: utf8('same text'), caller: app });
    await w.store.putObject({ bucket: 'reports', key: 'b.txt', body: utf8('same text'), caller: app });
    expect(w.stream.events.filter((e) => e.type === 'note' && e.actor === 'kms' && e.text.startsWith('creates the AWS managed key'))).toHaveLength(1);
    const [a, b] = w.store.disk.list();
    expect(fromUtf8(a.encryptedDataKey)).not.toBe(fromUtf8(b.encryptedDataKey));
    expect(a.ciphertext).not.toEqual(b.ciphertext);
    expect(w.apiCalls().map((e) => e.eventName)).toEqual(['GenerateDataKey', 'GenerateDataKey']);
  });

  it('decrypts on GetObject with one Decrypt call made as the caller via S3', async () => {
    const w = await world();
    await w.store.putObject({ bucket: 'reports', key: 'q3.txt', body: utf8(SECRET), caller: app });
    const get = await w.store.getObject({ bucket: 'reports', key: 'q3.txt', caller: app });
    expect(get.ok && fromUtf8(get.Body)).toBe(SECRET);
    const decrypt = w.apiCalls().at(-1)!;
    expect(decrypt).toMatchObject({ eventName: 'Decrypt', userIdentity: { arn: app.arn, invokedBy: 's3.amazonaws.com' }, requestParameters: { encryptionContext: { 'aws:s3:arn': objectArn('reports', 'q3.txt') } } });
    expect(w.messages().slice(-4).map((m) => m.label)).toEqual(['read object', 'stored object', 'kms:Decrypt', 'Decrypt result']);
  });

  it('answers 403 AccessDenied with KMS\'s message when the caller may not use a customer managed key', async () => {
    const w = await world();
    const created = await w.kms.call('CreateKey', { Description: 'reports' }, { caller: admin, region: REGION });
    const keyArn = (created.KeyMetadata as { Arn: string }).Arn;
    w.store.putBucketEncryption('reports', { algorithm: 'aws:kms', kmsKeyId: keyArn });
    expect((await w.store.putObject({ bucket: 'reports', key: 'q3.txt', body: utf8(SECRET), caller: withoutDecrypt })).ok).toBe(true);
    const get = await w.store.getObject({ bucket: 'reports', key: 'q3.txt', caller: withoutDecrypt });
    const refused = w.apiCalls().at(-1)!;
    expect(refused).toMatchObject({ eventName: 'Decrypt', errorCode: 'AccessDeniedException' });
    expect(get).toEqual({
      ok: false,
      status: 403,
      code: 'AccessDenied',
      kmsError: 'AccessDeniedException',
      kmsEventId: refused.eventID,
      message: `User: ${app.arn} is not authorized to perform: kms:Decrypt on resource: ${keyArn} because no identity-based policy allows the kms:Decrypt action`,
    });
    expect(w.messages().at(-1)).toMatchObject({ from: 'kms', to: 's3', label: 'AccessDeniedException' });
    // KMS's note before its answer is the engine's own explanation of the decision it recorded.
    const why = w.stream.events.filter((e) => e.type === 'note' && e.actor === 'kms').at(-1);
    expect(why?.type === 'note' && why.text).toBe(`refuses: ${explainDecision(w.kms.audit.decisionOf(refused.eventID)!.result)}`);
    expect(why?.type === 'note' && why.text).toContain('no IAM policy of report-app (session web-1) allows kms:Decrypt');
    const lastNote = w.stream.events.at(-1);
    expect(lastNote?.type === 'note' && lastNote.tone).toBe('danger');
  });

  it('refuses the upload (and stores nothing) when KMS will not give a data key', async () => {
    const w = await world();
    const created = await w.kms.call('CreateKey', {}, { caller: admin, region: REGION });
    w.store.putBucketEncryption('reports', { algorithm: 'aws:kms', kmsKeyId: (created.KeyMetadata as { KeyId: string }).KeyId });
    const noKeys: KmsCaller = { ...app, iamAllows: () => false };
    const put = await w.store.putObject({ bucket: 'reports', key: 'q3.txt', body: utf8(SECRET), caller: noKeys });
    expect(put).toMatchObject({ ok: false, status: 403, code: 'AccessDenied', kmsError: 'AccessDeniedException' });
    expect(w.store.disk.list()).toEqual([]);
  });

  it('aws/s3 cannot be used outside S3: the same caller calling KMS directly is denied', async () => {
    const w = await world();
    await w.store.putObject({ bucket: 'reports', key: 'q3.txt', body: utf8(SECRET), caller: app });
    const stored = w.store.disk.read('reports', 'q3.txt')!;
    await expect(
      w.kms.call('Decrypt', { CiphertextBlob: stored.encryptedDataKey, EncryptionContext: stored.metadata.encryptionContext }, { caller: app, region: REGION }),
    ).rejects.toMatchObject({ code: 'AccessDeniedException' });
  });

  it('reports NoSuchBucket and NoSuchKey as S3 does', async () => {
    const w = await world();
    expect(await w.store.getObject({ bucket: 'reports', key: 'missing.txt', caller: app })).toMatchObject({ ok: false, status: 404, code: 'NoSuchKey' });
    expect(await w.store.putObject({ bucket: 'nope', key: 'x', body: utf8('x'), caller: app })).toMatchObject({ ok: false, status: 404, code: 'NoSuchBucket' });
  });
});

describe('ObjectStore with SSE-S3', () => {
  it('encrypts and decrypts with keys S3 holds itself: no KMS call, no KMS record, still only ciphertext on disk', async () => {
    const w = await world();
    w.store.putBucketEncryption('reports', { algorithm: 'AES256' });
    const put = await w.store.putObject({ bucket: 'reports', key: 'q3.txt', body: utf8(SECRET), caller: app });
    expect(put).toMatchObject({ ok: true, ServerSideEncryption: 'AES256' });
    expect(put.ok && put.SSEKMSKeyId).toBeUndefined();
    const get = await w.store.getObject({ bucket: 'reports', key: 'q3.txt', caller: withoutDecrypt });
    expect(get.ok && fromUtf8(get.Body)).toBe(SECRET);
    expect(w.kms.audit.events).toEqual([]);
    expect(w.messages().some((m) => m.from === 'kms' || m.to === 'kms')).toBe(false);
    expect(containsText(w.store.disk.image(), SECRET)).toBe(false);
  });

  it('keeps each object under the encryption it was written with when the bucket default changes', async () => {
    const w = await world();
    await w.store.putObject({ bucket: 'reports', key: 'kms.txt', body: utf8('one'), caller: app });
    w.store.putBucketEncryption('reports', { algorithm: 'AES256' });
    await w.store.putObject({ bucket: 'reports', key: 's3.txt', body: utf8('two'), caller: app });
    expect(w.store.disk.list().map((o) => o.metadata.serverSideEncryption)).toEqual(['aws:kms', 'AES256']);
    const get = await w.store.getObject({ bucket: 'reports', key: 'kms.txt', caller: app });
    expect(get.ok && fromUtf8(get.Body)).toBe('one');
  });
});
