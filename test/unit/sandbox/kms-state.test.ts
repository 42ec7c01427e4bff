/**
 * A saved KMS comes back whole. structuredClone stands in for IndexedDB: both use the structured
 * clone algorithm, which copies non-extractable CryptoKeys without exporting them.
 */
import { describe, expect, it } from 'vitest';
import { createKms, KmsError, readKmsState, type Kms } from '../../../src/kms/index.ts';
import { createModelClock, MS_PER_DAY } from '../../../src/sim/core/clock.ts';
import { createRng, resumeRng } from '../../../src/sim/core/rng.ts';

const region = 'eu-west-2';
const alice = { caller: { arn: 'arn:aws:iam::111122223333:user/alice' }, region };
const text = (s: string) => new TextEncoder().encode(s);

async function populated() {
  const kms = createKms({ clock: createModelClock(), rng: createRng(5) });
  const sym = (await kms.call('CreateKey', { Description: 'data', Tags: [{ TagKey: 'team', TagValue: 'blue' }] }, alice)).KeyMetadata as { KeyId: string; Arn: string };
  await kms.call('CreateAlias', { AliasName: 'alias/data', TargetKeyId: sym.KeyId }, alice);
  await kms.call('EnableKeyRotation', { KeyId: sym.KeyId, RotationPeriodInDays: 90 }, alice);
  await kms.call('RotateKeyOnDemand', { KeyId: sym.KeyId }, alice);
  const { CiphertextBlob } = await kms.call('Encrypt', { KeyId: 'alias/data', Plaintext: text('before the reload') }, alice);
  await kms.call('CreateGrant', { KeyId: sym.KeyId, GranteePrincipal: 'arn:aws:iam::111122223333:role/app', Operations: ['Decrypt'] }, alice);
  const doomed = (await kms.call('CreateKey', { Description: 'doomed' }, alice)).KeyMetadata as { KeyId: string };
  await kms.call('ScheduleKeyDeletion', { KeyId: doomed.KeyId, PendingWindowInDays: 7 }, alice);
  const signer = (await kms.call('CreateKey', { KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' }, alice)).KeyMetadata as { KeyId: string };
  const { Signature } = await kms.call('Sign', { KeyId: signer.KeyId, Message: text('m'), SigningAlgorithm: 'ECDSA_SHA_256' }, alice);
  const mac = (await kms.call('CreateKey', { KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' }, alice)).KeyMetadata as { KeyId: string };
  const { Mac } = await kms.call('GenerateMac', { KeyId: mac.KeyId, Message: text('m'), MacAlgorithm: 'HMAC_SHA_256' }, alice);
  return { kms, sym, doomed, signer, mac, CiphertextBlob, Signature, Mac };
}

/** What IndexedDB would hand back after a reload. */
async function reloaded(kms: Kms): Promise<Kms> {
  return createKms({ state: readKmsState(structuredClone(await kms.snapshot())) });
}

describe('KMS snapshot and restore', () => {
  it('old ciphertexts, signatures and MACs verify after a restore; aliases, tags, grants and rotation are kept', async () => {
    const before = await populated();
    const kms = await reloaded(before.kms);
    expect(kms.audit.events).toEqual(before.kms.audit.events);

    const { Plaintext } = await kms.call('Decrypt', { CiphertextBlob: before.CiphertextBlob }, alice);
    expect(new TextDecoder().decode(Plaintext as Uint8Array)).toBe('before the reload');
    const verified = await kms.call('Verify', { KeyId: before.signer.KeyId, Message: text('m'), Signature: before.Signature, SigningAlgorithm: 'ECDSA_SHA_256' }, alice);
    expect(verified.SignatureValid).toBe(true);
    const macOk = await kms.call('VerifyMac', { KeyId: before.mac.KeyId, Message: text('m'), Mac: before.Mac, MacAlgorithm: 'HMAC_SHA_256' }, alice);
    expect(macOk.MacValid).toBe(true);

    expect((await kms.call('DescribeKey', { KeyId: 'alias/data' }, alice)).KeyMetadata).toMatchObject({ KeyId: before.sym.KeyId });
    expect(kms.keys()).toEqual(before.kms.keys());
    expect(kms.aliases({ region })).toEqual(before.kms.aliases({ region }));
    const summary = kms.keys().find((k) => k.metadata.KeyId === before.sym.KeyId)!;
    expect(summary).toMatchObject({ tags: { team: 'blue' }, grantCount: 1, rotation: { enabled: true, periodDays: 90, onDemandRotations: 1 } });
    expect(summary.backingKeyVersions).toHaveLength(2);
    expect(kms.clock.now()).toBe(before.kms.clock.now());
  });

  it('the id generator goes on where it stood: the next key gets the id the original engine would have given', async () => {
    const before = await populated();
    const kms = await reloaded(before.kms);
    const next = async (k: Kms) => ((await k.call('CreateKey', {}, alice)).KeyMetadata as { KeyId: string }).KeyId;
    const [original, restored] = [await next(before.kms), await next(kms)];
    expect(restored).toBe(original);
  });

  it('a pending deletion still happens when model time passes it, and automatic rotation still comes due', async () => {
    const before = await populated();
    const kms = await reloaded(before.kms);
    kms.clock.advance(7 * MS_PER_DAY);
    await kms.settle();
    expect(kms.audit.events.at(-1)).toMatchObject({ eventName: 'DeleteKey', eventType: 'AwsServiceEvent' });
    await expect(kms.call('DescribeKey', { KeyId: before.doomed.KeyId }, alice)).rejects.toMatchObject({ code: 'NotFoundException' });
    kms.clock.advance(90 * MS_PER_DAY);
    await kms.settle();
    expect(kms.keys().find((k) => k.metadata.KeyId === before.sym.KeyId)!.backingKeyVersions).toHaveLength(3);
  });

  it("a denied call's decision still opens after a restore (allowed calls' decisions are not kept)", async () => {
    const before = await populated();
    const outsider = { caller: { arn: 'arn:aws:iam::444455556666:user/mallory', identityPolicies: [] }, region };
    await expect(before.kms.call('DescribeKey', { KeyId: before.sym.Arn }, outsider)).rejects.toMatchObject({ code: 'AccessDeniedException' });
    const denied = before.kms.audit.events.at(-1)!;
    const kms = await reloaded(before.kms);
    const decision = kms.audit.decisionOf(denied.eventID);
    expect(decision?.result.decision).not.toBe('Allow');
    expect(decision).toEqual(before.kms.audit.decisionOf(denied.eventID));
    const allowed = kms.audit.events.find((event) => event.eventName === 'Encrypt')!;
    expect(kms.audit.decisionOf(allowed.eventID)).toBeUndefined();
  });

  it('the restored engine is independent of the one it was taken from', async () => {
    const before = await populated();
    const kms = await reloaded(before.kms);
    await kms.call('DisableKey', { KeyId: before.sym.KeyId }, alice);
    expect((await before.kms.call('DescribeKey', { KeyId: before.sym.KeyId }, alice)).KeyMetadata).toMatchObject({ KeyState: 'Enabled' });
  });

  it('a snapshot holds no exportable key material', async () => {
    const { kms } = await populated();
    const state = await kms.snapshot();
    const secrets = state.store.keys.flatMap((k) => [...k.backing.map((b) => b.key), ...(k.asymmetric?.privateKeys.values() ?? []), ...(k.hmacKey ? [k.hmacKey] : [])]);
    expect(secrets.length).toBeGreaterThan(3);
    for (const secret of secrets) expect(secret.extractable).toBe(false);
  });

  it('refuses a state of another version or shape with a reason that says where', async () => {
    const state = await (await populated()).kms.snapshot();
    expect(() => readKmsState({ ...state, version: 2 })).toThrow(/version 2 is not 1/);
    expect(() => readKmsState('garbage')).toThrow(/saved KMS state is invalid/);
    const broken = structuredClone(state);
    (broken.store.keys[0].backing[0] as { key: unknown }).key = { type: 'secret' };
    expect(() => readKmsState(broken)).toThrow(/store\.keys\.0\.backing\.0\.key: is not a CryptoKey/);
  });

  it('a blob of a key deleted before the snapshot fails after the restore exactly as before it', async () => {
    const kms = createKms({ rng: createRng(3) });
    const { KeyMetadata } = await kms.call('CreateKey', {}, alice);
    const { CiphertextBlob } = await kms.call('Encrypt', { KeyId: (KeyMetadata as { KeyId: string }).KeyId, Plaintext: text('x') }, alice);
    await kms.call('ScheduleKeyDeletion', { KeyId: (KeyMetadata as { KeyId: string }).KeyId, PendingWindowInDays: 7 }, alice);
    kms.clock.advance(8 * MS_PER_DAY);
    const failure = (k: Kms) => k.call('Decrypt', { CiphertextBlob }, alice).then(() => undefined, (e: KmsError) => `${e.code}: ${e.message}`);
    const restored = await reloaded(kms);
    const [original, again] = [await failure(kms), await failure(restored)];
    expect(original).toMatch(/^NotFoundException/);
    expect(again).toBe(original);
  });
});

describe('resumable random streams', () => {
  it('resumeRng(state()) continues the same stream, also through a structured clone', () => {
    const rng = createRng(9);
    rng.uuid();
    rng.normal(0, 1); // leaves a cached sample, which must survive too
    const copy = resumeRng(structuredClone(rng.state()));
    const draw = (r: typeof rng) => [r.normal(0, 1), r.uuid(), r.hex(13), r.int(1, 6)];
    expect(draw(copy)).toEqual(draw(rng));
  });
});
