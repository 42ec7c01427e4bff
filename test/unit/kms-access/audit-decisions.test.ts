import { describe, expect, it } from 'vitest';
import { AuditLog } from '../../../src/kms/audit/audit-log.ts';
import type { CloudTrailEvent } from '../../../src/kms/audit/cloudtrail-event.ts';
import { createKms, defaultAuthorizer } from '../../../src/kms/index.ts';
import { createWorld } from '../../../src/sim/world/index.ts';
import { failure, text } from '../kms/fixtures.ts';

/** kms.audit.decisionOf: the decision behind every recorded call, kept as long as its event. */
const ACCOUNT = '111122223333';
const BOB = `arn:aws:iam::${ACCOUNT}:user/bob`;

function setup(options: Parameters<typeof createKms>[0] = {}) {
  const world = createWorld();
  const kms = createKms({ quotas: false, accountId: ACCOUNT, ...options });
  const last = () => kms.audit.events.at(-1)!;
  return { world, kms, last };
}

describe('kms.audit.decisionOf', () => {
  it('ReEncrypt decides on two keys: decisionsOf lists both, decisionOf names the denial', async () => {
    const { world, kms, last } = setup();
    const source = (await kms.call('CreateKey', {}, world.callContext())).KeyMetadata as { KeyId: string; Arn: string };
    const destination = (await kms.call('CreateKey', {}, world.callContext())).KeyMetadata as { KeyId: string; Arn: string };
    const { CiphertextBlob } = await kms.call('Encrypt', { KeyId: source.KeyId, Plaintext: text('x') }, world.callContext());
    await kms.call('ReEncrypt', { CiphertextBlob, DestinationKeyId: destination.KeyId }, world.callContext());
    const both = kms.audit.decisionsOf(last().eventID);
    expect(both.map((d) => [d.request.action, d.request.key?.arn, d.result.decision]).sort()).toEqual([
      ['kms:ReEncryptFrom', source.Arn, 'Allow'],
      ['kms:ReEncryptTo', destination.Arn, 'Allow'],
    ]);
    expect(kms.audit.decisionOf(last().eventID)).toEqual(both[0]);

    world.setIdentityPolicies(world.current, [{ name: 'NoReEncryptTo', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: 'kms:ReEncryptTo', Resource: destination.Arn }] } }]);
    await failure(kms.call('ReEncrypt', { CiphertextBlob, DestinationKeyId: destination.KeyId }, world.callContext()));
    const denial = kms.audit.decisionOf(last().eventID)!;
    expect([denial.request.action, denial.result.decision]).toEqual(['kms:ReEncryptTo', 'ExplicitDeny']);
  });

  it('records the identity policies the call saw, not those set afterwards', async () => {
    const { world, kms, last } = setup();
    world.actAs(BOB);
    await failure(kms.call('ListKeys', {}, world.callContext()));
    const eventID = last().eventID;
    world.setIdentityPolicies(BOB, [{ name: 'List', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:ListKeys', Resource: '*' }] } }]);
    await kms.call('ListKeys', {}, world.callContext());
    expect(kms.audit.decisionOf(eventID)?.request.identityPolicies).toEqual([]);
    expect(kms.audit.decisionOf(eventID)?.result.decision).toBe('ImplicitDeny');
    expect(kms.audit.decisionOf(last().eventID)?.result.decision).toBe('Allow');
  });

  it('has nothing for calls refused before authorization, for unknown ids and for an authorizer without requests', async () => {
    const { world, kms, last } = setup();
    await failure(kms.call('Encrypt', { KeyId: 'alias/missing', Plaintext: text('x') }, world.callContext()));
    expect([last().errorCode, kms.audit.decisionOf(last().eventID)]).toEqual(['NotFoundException', undefined]);
    expect(kms.audit.decisionOf('no-such-event')).toBeUndefined();
    expect(kms.audit.decisionsOf('no-such-event')).toEqual([]);

    const custom = setup({ authorize: (request) => ({ ...defaultAuthorizer(request), request: undefined }) });
    await custom.kms.call('ListKeys', {}, custom.world.callContext());
    expect(custom.kms.audit.decisionOf(custom.last().eventID)).toBeUndefined();
  });

  it('keeps decisions exactly as long as their events: the log is bounded', async () => {
    const { world, kms } = setup({ auditCapacity: 3 });
    for (let i = 0; i < 5; i++) await kms.call('ListKeys', {}, world.callContext());
    expect(kms.audit.events).toHaveLength(3);
    for (const event of kms.audit.events) expect(kms.audit.decisionOf(event.eventID)?.result.decision).toBe('Allow');
  });
});

describe('AuditLog', () => {
  const event = (eventID: string) => ({ eventID }) as CloudTrailEvent;
  const request = { caller: { arn: BOB, accountId: ACCOUNT }, action: 'kms:ListKeys', identityPolicies: [] };

  it('drops the oldest events and their decisions beyond its capacity', () => {
    const log = new AuditLog(2);
    log.append(event('a'), [request]);
    log.append(event('b'), [request]);
    log.append(event('c'), [request]);
    expect(log.events.map((e) => e.eventID)).toEqual(['b', 'c']);
    expect(log.decisionOf('a')).toBeUndefined();
    expect(log.decisionOf('b')?.result.message).toBe(`User: ${BOB} is not authorized to perform: kms:ListKeys on resource: * because no identity-based policy allows the kms:ListKeys action`);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new AuditLog(0)).toThrow(RangeError);
  });
});
