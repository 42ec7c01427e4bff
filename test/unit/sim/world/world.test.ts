import { describe, expect, it, vi } from 'vitest';
import { createWorld, SANDBOX_WORLD, type WorldSpec } from '../../../../src/sim/world/index.ts';

const ALICE = 'arn:aws:iam::111122223333:user/alice';
const BOB = 'arn:aws:iam::111122223333:user/bob';
const CAROL = 'arn:aws:iam::111122223333:user/carol';
const APP_ROLE = 'arn:aws:iam::111122223333:role/AppServer';
const APP_SESSION = 'arn:aws:sts::111122223333:assumed-role/AppServer/i-0a1b2c3d4e5f67890';
const ROOT = 'arn:aws:iam::111122223333:root';
const DAVE = 'arn:aws:iam::444455556666:user/dave';

describe('the sandbox world', () => {
  it('lists every principal, account by account, then the services', () => {
    const summary = createWorld().principals().map((p) => `${p.kind} ${p.arn} ${p.accountId}`);
    expect(summary).toEqual([
      `root ${ROOT} 111122223333`,
      `user ${ALICE} 111122223333`,
      `user ${BOB} 111122223333`,
      `user ${CAROL} 111122223333`,
      `role ${APP_ROLE} 111122223333`,
      `assumed-role ${APP_SESSION} 111122223333`,
      'root arn:aws:iam::444455556666:root 444455556666',
      `user ${DAVE} 444455556666`,
      'service s3.amazonaws.com ',
      'service ec2.amazonaws.com ',
      'service rds.amazonaws.com ',
      'service ssm.amazonaws.com ',
      'service secretsmanager.amazonaws.com ',
    ]);
    expect(createWorld().principals().every((p) => p.description.length > 0)).toBe(true);
  });

  it('starts acting as alice, an administrator with AdministratorAccess', () => {
    const world = createWorld();
    expect(world.current).toBe(ALICE);
    const caller = world.caller();
    expect(caller).toMatchObject({ arn: ALICE, accountId: '111122223333', type: 'IAMUser', tags: { Department: 'Security' } });
    expect(caller.identityPolicies).toEqual([{ name: 'AdministratorAccess', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } }]);
    expect(caller.principalId).toMatch(/^AIDA[A-Z2-7]{17}$/);
    expect(caller.accessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
  });

  it('gives bob no identity policies and carol the key administrator actions only', () => {
    const world = createWorld();
    expect(world.identityPolicies(BOB)).toEqual([]);
    const [admin] = world.identityPolicies(CAROL);
    const actions = (admin.document as { Statement: { Action: string[] }[] }).Statement[0].Action;
    expect(actions).toContain('kms:Put*');
    expect(actions.some((a) => /Encrypt|Decrypt|GenerateDataKey/.test(a))).toBe(false);
  });

  it("gives a session its role's policies and tags, with an STS identity", () => {
    const world = createWorld();
    const session = world.caller(APP_SESSION);
    expect(session.type).toBe('AssumedRole');
    expect(session.identityPolicies).toEqual(world.identityPolicies(APP_ROLE));
    expect(session.tags).toEqual({ Application: 'web-shop', Department: 'Engineering' });
    expect(session.principalId).toMatch(/^AROA[A-Z2-7]{17}:i-0a1b2c3d4e5f67890$/);
    expect(session.accessKeyId).toMatch(/^ASIA/);
  });

  it('derives the same ids every time (a world replays exactly)', () => {
    expect(createWorld().caller(BOB)).toEqual(createWorld().caller(BOB));
    expect(createWorld().caller(BOB).principalId).not.toBe(createWorld().caller(ALICE).principalId);
  });

  it('acts as another principal and tells subscribers; refuses roles, services and strangers', () => {
    const world = createWorld();
    const seen = vi.fn();
    const stop = world.subscribe(seen);
    world.actAs(BOB);
    expect([world.current, world.caller().arn, seen.mock.calls.length]).toEqual([BOB, BOB, 1]);
    world.actAs(BOB);
    expect(seen).toHaveBeenCalledTimes(1); // no change, no news
    expect(() => world.actAs(APP_ROLE)).toThrow(/act as one of its sessions/);
    expect(() => world.actAs('s3.amazonaws.com')).toThrow(/viaService: 's3'/);
    expect(() => world.actAs('arn:aws:iam::111122223333:user/mallory')).toThrow(/No principal/);
    stop();
    world.actAs(ALICE);
    expect(seen).toHaveBeenCalledTimes(1);
  });

  it("builds call contexts: the principal's own IP, or a service's ViaService without it", () => {
    const world = createWorld();
    world.actAs(BOB);
    expect(world.callContext()).toMatchObject({ caller: { arn: BOB }, region: 'eu-west-2', sourceIp: '203.0.113.11' });
    const viaEbs = world.callContext({ viaService: 'ebs', region: 'us-east-1' });
    expect([viaEbs.viaService, viaEbs.sourceIp, viaEbs.region]).toEqual(['ec2.us-east-1.amazonaws.com', undefined, 'us-east-1']);
    expect(world.callContext({ viaService: 's3' }).viaService).toBe('s3.eu-west-2.amazonaws.com');
    expect(world.callContext({ viaService: 'rds.eu-west-1.amazonaws.com' }).viaService).toBe('rds.eu-west-1.amazonaws.com');
    expect(world.callContext({ sourceIp: '198.51.100.1' }).sourceIp).toBe('198.51.100.1');
    expect(() => world.callContext({ viaService: 'lambda' })).toThrow(/Unknown service "lambda"/);
  });

  it('replaces identity policies (a session changes its role) and refuses malformed documents', () => {
    const world = createWorld();
    const seen = vi.fn();
    world.subscribe(seen);
    const decryptOnly = { name: 'DecryptOnly', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' }] } };
    world.setIdentityPolicies(BOB, [decryptOnly]);
    expect(world.caller(BOB).identityPolicies).toEqual([decryptOnly]);
    world.setIdentityPolicies(APP_SESSION, []);
    expect(world.identityPolicies(APP_ROLE)).toEqual([]);
    expect(seen).toHaveBeenCalledTimes(2);
    expect(() => world.setIdentityPolicies(BOB, [{ name: 'Broken', document: '{"Statement": [' }])).toThrow(/Policy "Broken" of .*bob: The policy is not valid JSON/);
    expect(() => world.setIdentityPolicies(BOB, [{ name: 'WithPrincipal', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'kms:*', Resource: '*' }] } }])).toThrow(/cannot contain Principal/);
    expect(() => world.setIdentityPolicies(ROOT, [decryptOnly])).toThrow(/root user is not subject/);
    expect(world.caller(BOB).identityPolicies).toEqual([decryptOnly]);
  });

  it('keeps the policies a caller was given unchanged, whatever happens later', () => {
    const world = createWorld();
    const document = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' }] };
    world.setIdentityPolicies(BOB, [{ name: 'P', document }]);
    const before = world.caller(BOB).identityPolicies!;
    document.Statement[0].Action = 'kms:*'; // the caller's own object: the world took a copy
    world.setIdentityPolicies(BOB, []);
    expect(before).toEqual([{ name: 'P', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' }] } }]);
    expect(Object.isFrozen((before[0].document as { Statement: object[] }).Statement[0])).toBe(true);
  });

  it('sets tags (aws:PrincipalTag) and refuses the reserved aws: prefix', () => {
    const world = createWorld();
    world.setTags(BOB, { Project: 'apollo' });
    expect(world.caller(BOB).tags).toEqual({ Project: 'apollo' });
    expect(() => world.setTags(BOB, { 'aws:x': 'y' })).toThrow(/reserved/);
  });

  it('round-trips through JSON, current principal and changes included', () => {
    const world = createWorld();
    world.actAs(APP_SESSION);
    world.setTags(APP_ROLE, { Application: 'billing' });
    const saved = JSON.parse(JSON.stringify(world.toJSON()));
    const restored = createWorld(saved);
    expect(restored.current).toBe(APP_SESSION);
    expect(restored.caller()).toEqual(world.caller());
    expect(restored.toJSON()).toEqual(world.toJSON());
  });

  it('does not share state with its spec or with other worlds', () => {
    const spec: WorldSpec = structuredClone(SANDBOX_WORLD);
    const one = createWorld(spec);
    spec.accounts[0].users![1].tags = { Changed: 'yes' };
    createWorld().setTags(BOB, { Other: 'world' });
    expect(one.tags(BOB)).toEqual({ Department: 'Engineering' });
  });

  it('refuses a spec that is not a world, naming the problem', () => {
    expect(() => createWorld({ accounts: [] })).toThrow(/at least one account/);
    expect(() => createWorld({ accounts: [{ id: '12', name: 'x' }] })).toThrow(/12 digits/);
    expect(() => createWorld({ accounts: [{ id: '111122223333', name: 'x', users: [{ name: 'a' }, { name: 'a' }] }] })).toThrow(/appears twice/);
    expect(() => createWorld({ accounts: [{ id: '111122223333', name: 'x' }], current: 'arn:aws:iam::111122223333:user/ghost' })).toThrow(/No principal/);
    expect(() => createWorld('nonsense' as unknown as WorldSpec)).toThrow(/Invalid world/);
  });

  it('acts as the first user of a world that names no current principal, or its root', () => {
    expect(createWorld({ accounts: [{ id: '999988887777', name: 'Solo', users: [{ name: 'zoe' }] }] }).current).toBe('arn:aws:iam::999988887777:user/zoe');
    const rootOnly = createWorld({ accounts: [{ id: '999988887777', name: 'Solo' }] });
    expect(rootOnly.current).toBe('arn:aws:iam::999988887777:root');
    expect(rootOnly.caller()).toMatchObject({ type: 'Root', principalId: '999988887777', identityPolicies: [] });
  });

  it('knows which IAM principals exist (as KMS checks a key policy), trusting accounts outside the world', () => {
    const world = createWorld();
    expect([BOB, APP_ROLE, APP_SESSION, ROOT, DAVE, '111122223333', 'arn:aws:sts::111122223333:assumed-role/AppServer/another'].map((a) => world.principalExists(a))).toEqual([true, true, true, true, true, true, true]);
    expect(['arn:aws:iam::111122223333:user/mallory', 'arn:aws:iam::111122223333:role/Ghost', 'arn:aws:sts::111122223333:assumed-role/Ghost/s', 'bob'].map((a) => world.principalExists(a))).toEqual([false, false, false, false]);
    expect(world.principalExists('arn:aws:iam::999999999999:user/anyone')).toBe(true);
  });

  it("keeps IAM's quotas: 10 policies per principal, 6,144 characters per policy", () => {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
    const world = createWorld();
    const policy = (name: string, action = 'kms:Decrypt') => ({ name, document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] } });
    const eleven = Array.from({ length: 11 }, (_, i) => policy(`P${i}`));
    expect(() => world.setIdentityPolicies(BOB, eleven)).toThrow('Cannot exceed quota for PoliciesPerUser: 10');
    expect(() => world.setIdentityPolicies(APP_SESSION, eleven)).toThrow('Cannot exceed quota for PoliciesPerRole: 10');
    world.setIdentityPolicies(BOB, eleven.slice(0, 10));
    expect(() => world.setIdentityPolicies(BOB, [policy('Huge', `kms:${'x'.repeat(6_200)}`)])).toThrow(/Cannot exceed quota for PolicySize: 6144/);
  });
});
