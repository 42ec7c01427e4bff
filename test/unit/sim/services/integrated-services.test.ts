/**
 * EBS, RDS and Redshift against the real engine: which KMS calls each makes, as whom (the caller
 * through the service, or the service itself under the grant the caller created), with which
 * encryption context and ViaService, which key (AWS managed aws/rds vs customer managed), and that
 * without the grant the service cannot decrypt.
 */
import { describe, expect, it } from 'vitest';
import { createKms, type CloudTrailEvent } from '../../../../src/kms/index';
import { createModelClock } from '../../../../src/sim/core/clock';
import { createEventStream } from '../../../../src/sim/core/events';
import { createRng } from '../../../../src/sim/core/rng';
import { createNetwork } from '../../../../src/sim/network/network';
import { EbsVolumes, RdsInstances, RedshiftClusters } from '../../../../src/sim/services/index';
import { createWorld, SANDBOX_ACCOUNT, SANDBOX_WORLD, userArn } from '../../../../src/sim/world/index';
import { seedKms } from '../../../../src/lessons/sandbox/seed';

const REGION = 'eu-west-2';

async function setUp() {
  const clock = createModelClock();
  const rng = createRng(5);
  const kms = createKms({ clock, rng: rng.fork(), accountId: SANDBOX_ACCOUNT, quotas: false });
  const world = createWorld(SANDBOX_WORLD);
  await seedKms(kms, world, REGION);
  const stream = createEventStream(() => clock.now());
  const net = createNetwork({ stream, clock, rng });
  const options = { net, kms, region: REGION, accountId: SANDBOX_ACCOUNT, actors: { service: 'svc', kms: 'kms' } };
  const alice = world.caller(userArn(SANDBOX_ACCOUNT, 'alice'));
  const from = () => kms.audit.events.length;
  const since = (start: number): CloudTrailEvent[] => kms.audit.events.slice(start).filter((e) => e.eventType === 'AwsApiCall');
  return { kms, options, alice, from, since, stream };
}

const summary = (events: CloudTrailEvent[]) => events.map((e) => `${e.eventName} by ${e.userIdentity.arn}${e.userIdentity.invokedBy ? ` via ${e.userIdentity.invokedBy}` : ''}${e.errorCode ? ` ${e.errorCode}` : ''}`);

describe('integrated services', () => {
  it('EBS: GenerateDataKeyWithoutPlaintext at create; CreateGrant then Decrypt by EC2 under the grant at attach', async () => {
    const { options, alice, from, since } = await setUp();
    const ebs = new EbsVolumes(options);
    const start = from();
    expect(await ebs.createVolume({ caller: alice, volumeId: 'vol-0abc', keyId: 'alias/tutorial' })).toBe(true);
    expect(await ebs.attachVolume({ caller: alice, volumeId: 'vol-0abc', instanceId: 'i-0a1b' })).toBe(true);
    const events = since(start);
    expect(summary(events)).toEqual([
      `GenerateDataKeyWithoutPlaintext by ${alice.arn} via ec2.amazonaws.com`,
      `CreateGrant by ${alice.arn} via ec2.amazonaws.com`,
      'Decrypt by ec2.amazonaws.com',
    ]);
    expect(events[0].requestParameters?.encryptionContext).toEqual({ 'aws:ebs:id': 'vol-0abc' });
    expect(ebs.calls.map((c) => c.as)).toEqual(['caller', 'caller', 'service']);
  });

  it('RDS with the AWS managed key aws/rds: the grant and the data key at create, Decrypt at every start', async () => {
    const { options, alice, from, since, kms } = await setUp();
    const rds = new RdsInstances(options);
    const start = from();
    expect(await rds.createDbInstance({ caller: alice, dbInstanceId: 'payroll-db', resourceId: 'db-ABCDEFGHIJKL' })).toBe(true);
    expect(await rds.startDbInstance('payroll-db')).toBe(true);
    expect(await rds.startDbInstance('payroll-db')).toBe(true);
    expect(summary(since(start))).toEqual([
      `CreateGrant by ${alice.arn} via rds.amazonaws.com`,
      `GenerateDataKeyWithoutPlaintext by ${alice.arn} via rds.amazonaws.com`,
      'Decrypt by rds.amazonaws.com',
      'Decrypt by rds.amazonaws.com',
    ]);
    const key = kms.keys({ region: REGION }).find((k) => k.aliases.includes('alias/aws/rds'));
    expect(key?.metadata.KeyManager).toBe('AWS');
    expect(rds.instance('payroll-db')?.keyArn).toBe(key?.metadata.Arn);
  });

  it('Redshift: only the CEK touches KMS (grant, GenerateDataKeyWithoutPlaintext, Decrypt), with its arn and createtime context', async () => {
    const { options, alice, from, since } = await setUp();
    const redshift = new RedshiftClusters(options);
    const start = from();
    expect(await redshift.createCluster({ caller: alice, clusterId: 'sales-dw', keyId: 'alias/tutorial', createTime: '20260101T000000Z' })).toBe(true);
    const events = since(start);
    expect(events.map((e) => e.eventName)).toEqual(['CreateGrant', 'GenerateDataKeyWithoutPlaintext', 'Decrypt']);
    expect(events[1].requestParameters?.encryptionContext).toEqual({ 'aws:redshift:arn': `arn:aws:redshift:${REGION}:${SANDBOX_ACCOUNT}:cluster:sales-dw`, 'aws:redshift:createtime': '20260101T000000Z' });
  });

  it('without the grant the service itself cannot decrypt: the grant is what lets it', async () => {
    const { options, alice, kms } = await setUp();
    const ebs = new EbsVolumes(options);
    await ebs.createVolume({ caller: alice, volumeId: 'vol-0abc', keyId: 'alias/tutorial' });
    const volume = ebs.volume('vol-0abc')!;
    const refused = await kms.call('Decrypt', { CiphertextBlob: volume.encryptedDataKey, EncryptionContext: { 'aws:ebs:id': 'vol-0abc' } }, {
      caller: { arn: 'ec2.amazonaws.com', type: 'AWSService', accountId: SANDBOX_ACCOUNT }, region: REGION,
    }).then(() => 'allowed', (e: { code: string }) => e.code);
    expect(refused).toBe('AccessDeniedException');
  });
});
