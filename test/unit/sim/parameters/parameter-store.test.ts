/**
 * Parameter Store's SecureString against the real engine: which KMS calls it makes for the caller
 * (standard: Encrypt then Decrypt; advanced: GenerateDataKey then Decrypt), the PARAMETER_ARN
 * encryption context and kms:ViaService that KMS records, the aws/ssm default key, and the errors
 * AWS answers (ParameterNotFound with an empty message, ParameterAlreadyExists, KMS refusals).
 */
import { describe, expect, it } from 'vitest';
import { createKms } from '../../../../src/kms/index';
import { createModelClock } from '../../../../src/sim/core/clock';
import { createRng } from '../../../../src/sim/core/rng';
import { ParameterStore, SsmError, type ParameterKmsCall } from '../../../../src/sim/parameters/index';
import { createWorld, SANDBOX_ACCOUNT, SANDBOX_WORLD, sessionArn, userArn } from '../../../../src/sim/world/index';
import { seedKms } from '../../../../src/lessons/sandbox/seed';

const REGION = 'eu-west-2';
const NAME = '/payroll/db-password';
const ARN = `arn:aws:ssm:${REGION}:${SANDBOX_ACCOUNT}:parameter/payroll/db-password`;

async function setUp() {
  const clock = createModelClock();
  const kms = createKms({ clock, rng: createRng(11), accountId: SANDBOX_ACCOUNT, quotas: false });
  const world = createWorld(SANDBOX_WORLD);
  await seedKms(kms, world, REGION);
  const calls: ParameterKmsCall[] = [];
  const store = new ParameterStore({ kms, accountId: SANDBOX_ACCOUNT, region: REGION, onKmsCall: (call) => calls.push(call) });
  const alice = { caller: world.caller(userArn(SANDBOX_ACCOUNT, 'alice')) };
  const bob = { caller: world.caller(userArn(SANDBOX_ACCOUNT, 'bob')) };
  const app = { caller: world.caller(sessionArn(SANDBOX_ACCOUNT, 'AppServer', 'i-0a1b2c3d4e5f67890')) };
  const viaSsm = () => kms.audit.events.filter((e) => e.eventType === 'AwsApiCall' && e.userIdentity.invokedBy === 'ssm.amazonaws.com');
  return { kms, store, calls, alice, bob, app, viaSsm };
}

async function expectSsmError(promise: Promise<unknown>, code: string, message?: string | RegExp) {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(SsmError);
  expect((error as SsmError).code).toBe(code);
  if (typeof message === 'string') expect((error as SsmError).message).toBe(message);
  else if (message) expect((error as SsmError).message).toMatch(message);
}

describe('Parameter Store SecureString', () => {
  it('standard tier: one Encrypt on put and one Decrypt on a decrypted get, both as the caller via ssm with PARAMETER_ARN', async () => {
    const { store, alice, viaSsm, kms } = await setUp();
    expect(await store.putParameter({ Name: NAME, Value: 'Tr0ub4dor&3', Type: 'SecureString' }, alice)).toEqual({ Version: 1, Tier: 'Standard' });
    const got = await store.getParameter({ Name: NAME, WithDecryption: true }, alice);
    expect(got.Parameter).toMatchObject({ Name: NAME, Type: 'SecureString', Value: 'Tr0ub4dor&3', Version: 1, ARN, DataType: 'text' });
    const events = viaSsm();
    expect(events.map((e) => e.eventName)).toEqual(['Encrypt', 'Decrypt']);
    for (const event of events) {
      expect(event.requestParameters?.encryptionContext).toEqual({ PARAMETER_ARN: ARN });
      expect(event.userIdentity.arn).toBe(alice.caller.arn);
      expect(event.sourceIPAddress).toBe('ssm.amazonaws.com');
      expect(kms.audit.decisionOf(event.eventID)?.request.context?.['kms:ViaService']).toBe('ssm.eu-west-2.amazonaws.com');
    }
    // The default key is the AWS managed aws/ssm, created on first use.
    expect(kms.aliases({ region: REGION }).some((a) => a.aliasName === 'alias/aws/ssm')).toBe(true);
  });

  it('without --with-decryption the value is the ciphertext in base64 and KMS is not called', async () => {
    const { store, alice, viaSsm } = await setUp();
    await store.putParameter({ Name: NAME, Value: 'Tr0ub4dor&3', Type: 'SecureString' }, alice);
    const got = (await store.getParameter({ Name: NAME }, alice)).Parameter as { Value: string };
    expect(got.Value).not.toContain('Tr0ub4dor');
    expect(atob(got.Value).length).toBeGreaterThan(11);
    expect(viaSsm().map((e) => e.eventName)).toEqual(['Encrypt']);
  });

  it('advanced tier: envelope encryption, GenerateDataKey then Decrypt', async () => {
    const { store, alice, viaSsm, calls } = await setUp();
    expect(await store.putParameter({ Name: NAME, Value: 'x'.repeat(6000), Type: 'SecureString', Tier: 'Advanced', KeyId: 'alias/tutorial' }, alice)).toEqual({ Version: 1, Tier: 'Advanced' });
    expect(((await store.getParameter({ Name: NAME, WithDecryption: true }, alice)).Parameter as { Value: string }).Value).toBe('x'.repeat(6000));
    expect(viaSsm().map((e) => e.eventName)).toEqual(['GenerateDataKey', 'Decrypt']);
    expect(calls.map((c) => c.operation)).toEqual(['GenerateDataKey', 'Decrypt']);
    expect(store.list()[0]).toMatchObject({ atRest: 'envelope', keyId: 'alias/tutorial', tier: 'Advanced' });
  });

  it('String parameters are stored as they are and never touch KMS', async () => {
    const { store, alice, viaSsm } = await setUp();
    await store.putParameter({ Name: '/payroll/db-host', Value: 'payroll.cluster-abc.eu-west-2.rds.amazonaws.com', Type: 'String' }, alice);
    expect(((await store.getParameter({ Name: '/payroll/db-host' }, alice)).Parameter as { Value: string }).Value).toContain('rds.amazonaws.com');
    expect(viaSsm()).toEqual([]);
    expect(store.list()[0].atRest).toBe('plaintext');
  });

  it('answers AWS errors: ParameterNotFound (empty message), ParameterAlreadyExists, a type required, the 4 KB standard limit', async () => {
    const { store, alice } = await setUp();
    await expectSsmError(store.getParameter({ Name: '/nope' }, alice), 'ParameterNotFound', '');
    await store.putParameter({ Name: NAME, Value: 'a', Type: 'SecureString' }, alice);
    await expectSsmError(store.putParameter({ Name: NAME, Value: 'b', Type: 'SecureString' }, alice), 'ParameterAlreadyExists', 'The parameter already exists. To overwrite this value, set the overwrite option in the request to true.');
    expect(await store.putParameter({ Name: NAME, Value: 'b', Overwrite: true }, alice)).toEqual({ Version: 2, Tier: 'Standard' });
    await expectSsmError(store.putParameter({ Name: '/new', Value: 'b' }, alice), 'ValidationException', 'A parameter type is required when you create a parameter.');
    await expectSsmError(store.putParameter({ Name: '/big', Value: 'x'.repeat(4097), Type: 'SecureString' }, alice), 'ValidationException', /^Standard tier parameters support a maximum parameter value of 4096 characters/);
    await expectSsmError(store.putParameter({ Name: '/k', Value: 'x', Type: 'String', KeyId: 'alias/tutorial' }, alice), 'ValidationException', 'KeyId is required for SecureString type parameter only.');
    await expectSsmError(store.putParameter({ Name: '/t', Value: 'x', Type: 'Secure' }, alice), 'ValidationException', /Member must satisfy enum value set: \[SecureString, StringList, String\]$/);
    expect(((await store.getParameter({ Name: ARN, WithDecryption: true }, alice)).Parameter as { Value: string }).Value).toBe('b');
    await store.deleteParameter({ Name: NAME });
    await expectSsmError(store.deleteParameter({ Name: NAME }), 'ParameterNotFound', '');
  });

  it('a caller KMS refuses gets AccessDeniedException with KMS\'s message; with aws/ssm everyone in the account may decrypt through SSM', async () => {
    const { store, alice, bob, app, viaSsm } = await setUp();
    await store.putParameter({ Name: NAME, Value: 'secret', Type: 'SecureString', KeyId: 'alias/tutorial' }, alice);
    await expectSsmError(store.getParameter({ Name: NAME, WithDecryption: true }, bob), 'AccessDeniedException', /\(Service: AWSKMS; Status Code: 400; Error Code: AccessDeniedException; Request ID: [0-9a-f-]{36}; Proxy: null\)$/);
    expect(viaSsm().at(-1)).toMatchObject({ eventName: 'Decrypt', errorCode: 'AccessDeniedException' });
    expect(((await store.getParameter({ Name: NAME, WithDecryption: true }, app)).Parameter as { Value: string }).Value).toBe('secret');
    await store.putParameter({ Name: '/shared', Value: 'open', Type: 'SecureString' }, alice);
    expect(((await store.getParameter({ Name: '/shared', WithDecryption: true }, bob)).Parameter as { Value: string }).Value).toBe('open');
  });

  it('tells a listener when each request starts and ends, with the KMS calls in between and the error code at the end', async () => {
    const { kms, alice } = await setUp();
    const log: string[] = [];
    const store = new ParameterStore({
      kms, accountId: SANDBOX_ACCOUNT, region: REGION,
      onRequest: (r) => log.push(`${r.phase} ${r.operation}${r.errorCode ? ` ${r.errorCode}` : ''}`),
      onKmsCall: (c) => log.push(`kms ${c.operation}`),
    });
    await store.call('PutParameter', { Name: NAME, Value: 'v', Type: 'SecureString' }, alice);
    await store.call('GetParameter', { Name: '/missing' }, alice).catch(() => undefined);
    expect(log).toEqual(['start PutParameter', 'kms Encrypt', 'end PutParameter', 'start GetParameter', 'end GetParameter ParameterNotFound']);
  });

  it('the ciphertext is bound to its parameter: an unknown key gives InvalidKeyId', async () => {
    const { store, alice } = await setUp();
    await expectSsmError(store.putParameter({ Name: NAME, Value: 'x', Type: 'SecureString', KeyId: 'alias/missing' }, alice), 'InvalidKeyId', /Error Code: NotFoundException/);
    expect(store.list()).toEqual([]);
  });
});
