/**
 * The key-types scenario, run step by step through its own frontmatter (each step's `send`, then
 * its stored `solution`): every named check is false before the step that teaches it and true
 * after; the private halves never leave KMS; KMS's answers carry AWS's exceptions and messages.
 */
import { describe, expect, it } from 'vitest';
import { itTimesEveryCheck } from '../../test/support/check-timing';
import { itShowsEveryFocusedMessage } from '../../test/support/focused-messages';
import { loadLesson } from '../../src/lessons/catalogue';
import { createStepRunner } from '../../src/lessons/step-runner';
import type { Lesson } from '../../src/lessons/types';
import type { MessageEvent, SimEvent } from '../../src/sim/core/events';
import scenario, { MAX_MESSAGE_CHARS, RELEASE_TEXT, type KeyTypesState } from './scenario';

const lesson: Lesson = await loadLesson('key-types');
const start = () => createStepRunner<KeyTypesState>(lesson);
const messages = (events: readonly SimEvent[]) => events.filter((e): e is MessageEvent => e.type === 'message');
const notesOf = (events: readonly SimEvent[], actor: string) => events.filter((e) => e.type === 'note' && e.actor === actor).map((e) => (e.type === 'note' ? e.text : ''));

describe('key-types scenario', () => {
  it('has 9 steps in teaching order; each hands-on step awaits a named check, with a hint', () => {
    expect(lesson.steps.map((s) => s.id)).toEqual([
      'symmetric-stays-inside',
      'choose-key-spec',
      'download-public-key',
      'encrypt-offline',
      'plaintext-limits',
      'sign-release',
      'tamper-with-release',
      'hmac-keys',
      'price-and-quotas',
    ]);
    const handsOn = lesson.steps.filter((s) => s.handsOn);
    expect(handsOn.map((s) => s.await)).toEqual(['partnerCanEncrypt', 'ownMessageDecrypted', 'tamperDetected']);
    for (const step of lesson.steps) expect(step.notes.trim().length, step.id).toBeGreaterThan(100);
    for (const step of handsOn) expect(step.hint?.trim().length, step.id).toBeGreaterThan(40);
  });

  const checkSteps: [keyof typeof scenario.checks, string][] = [
    ['symmetricStaysInside', 'symmetric-stays-inside'],
    ['partnerCanEncrypt', 'choose-key-spec'],
    ['partnerHoldsPublicKey', 'download-public-key'],
    ['ownMessageDecrypted', 'encrypt-offline'],
    ['limitsMeasured', 'plaintext-limits'],
    ['releaseVerifiedOffline', 'sign-release'],
    ['tamperDetected', 'tamper-with-release'],
    ['macNeedsKms', 'hmac-keys'],
    ['keysListed', 'price-and-quotas'],
  ];

  itTimesEveryCheck({ steps: lesson.steps, checks: scenario.checks, checkSteps, start });

  itShowsEveryFocusedMessage({ steps: lesson.steps, start, timeout: 30_000 });

  it('symmetric key: round trip inside KMS, GetPublicKey refused with UnsupportedOperationException', async () => {
    const runner = await start();
    await runner.playThrough('symmetric-stays-inside');
    expect(runner.state.symmetric.map((a) => [a.operation, a.answer])).toEqual([
      ['Encrypt', 'ok'],
      ['Decrypt', 'ok'],
      ['GetPublicKey', 'UnsupportedOperationException'],
    ]);
    expect(runner.state.symmetric[2].message).toBe(`${runner.state.symmetricKeyArn} key spec SYMMETRIC_DEFAULT has no public key.`);
  });

  it('choosing a key: the engine refuses ECC with ENCRYPT_DECRYPT, a symmetric key gives no public key, an RSA signing key cannot encrypt', async () => {
    const runner = await start();
    await runner.playThrough('symmetric-stays-inside');
    for (const [spec, usage] of [['ECC_NIST_P256', 'ENCRYPT_DECRYPT'], ['SYMMETRIC_DEFAULT', 'ENCRYPT_DECRYPT'], ['RSA_2048', 'SIGN_VERIFY'], ['HMAC_256', 'GENERATE_VERIFY_MAC']]) {
      await runner.act({ action: 'create-key', input: { spec, usage } });
    }
    expect(runner.state.choices).toMatchObject([
      { spec: 'ECC_NIST_P256', created: 'ValidationException', message: 'KeyUsage ENCRYPT_DECRYPT is not compatible with KeySpec ECC_NIST_P256' },
      { spec: 'SYMMETRIC_DEFAULT', created: 'ok', publicKey: 'UnsupportedOperationException' },
      { spec: 'RSA_2048', usage: 'SIGN_VERIFY', created: 'ok', publicKey: 'ok', publicKeyUsage: 'SIGN_VERIFY' },
      { spec: 'HMAC_256', created: 'ok', publicKey: 'UnsupportedOperationException' },
    ]);
    expect(runner.check('partnerCanEncrypt')).toBe(false);
    await runner.act({ action: 'create-key', input: { spec: 'RSA_4096', usage: 'ENCRYPT_DECRYPT' } });
    expect(runner.check('partnerCanEncrypt')).toBe(true);
    expect(runner.state.partnerKeySpec).toBe('RSA_4096');
  });

  it('the partner encrypts outside KMS; Decrypt without KeyId fails with an empty InvalidCiphertextException, with it returns the text', async () => {
    const runner = await start();
    await runner.playThrough('encrypt-offline');
    const [message] = runner.state.partnerMessages;
    expect(message).toMatchObject({ text: 'Our bid for lot 7 is 2.1M GBP', ciphertextBytes: 256, decrypt: { answer: 'ok' }, kmsPlaintext: 'Our bid for lot 7 is 2.1M GBP' });
    const all = messages(runner.events);
    expect(all.some((m) => m.from === 'partner' && m.to === 'kms')).toBe(false);
    expect(all.some((m) => m.to === 'partner' && m.carries.some((p) => p.kind === 'key' || p.kind === 'plaintext'))).toBe(false);
    const refusal = all.find((m) => m.label === 'InvalidCiphertextException');
    expect(refusal?.carries[0].preview).toBe('(empty, as AWS sends it)');
  });

  it('a message over 190 bytes is refused by the partner\'s own software, before anything is sent', async () => {
    const runner = await start();
    await runner.playThrough('encrypt-offline');
    const sent = messages(runner.events).length;
    await runner.act({ action: 'encrypt-as-partner', input: { text: 'x'.repeat(191) } });
    expect(runner.state.partnerMessages.at(-1)).toMatchObject({ bytes: 191, refusedOffline: { maxBytes: 190 } });
    expect(messages(runner.events).length).toBe(sent);
    expect(notesOf(runner.events, 'partner').at(-1)).toBe('cannot encrypt 191 bytes: RSAES_OAEP_SHA_256 with this RSA_2048 key takes at most 190 bytes');
    await runner.act({ action: 'encrypt-as-partner', input: { text: 'y'.repeat(190) } });
    expect(runner.state.partnerMessages.at(-1)?.kmsPlaintext).toBe('y'.repeat(190));
  });

  it('the partner picks RSAES_OAEP_SHA_1: the public key takes it, but Decrypt with the agreed SHA-256 is an empty InvalidCiphertextException', async () => {
    const runner = await start();
    await runner.playThrough('encrypt-offline');
    await runner.act({ action: 'encrypt-as-partner', input: { text: 'bid with the other hash', algorithm: 'RSAES_OAEP_SHA_1' } });
    expect(runner.state.partnerMessages.at(-1)).toMatchObject({ algorithm: 'RSAES_OAEP_SHA_1', ciphertextBytes: 256, decrypt: { answer: 'InvalidCiphertextException', message: '' } });
    expect(runner.state.partnerMessages.at(-1)?.kmsPlaintext).toBeUndefined();
    expect(notesOf(runner.events, 'app').at(-1)).toBe('cannot read it: the partner encrypted with RSAES_OAEP_SHA_1, not the agreed RSAES_OAEP_SHA_256, and KMS can only say the ciphertext is invalid');
    expect(() => scenario.actions['encrypt-as-partner'].toEvent({ text: 'x', algorithm: 'SYMMETRIC_DEFAULT' })).toThrow('Choose an algorithm.');
  });

  it('measures the limits with the engine: 214, 190 and 4096 bytes, with AWS\'s messages; no data key under RSA', async () => {
    const runner = await start();
    await runner.playThrough('plaintext-limits');
    expect(runner.state.limits.map((l) => [l.keySpec, l.algorithm, l.maxBytes, l.overLimit.answer])).toEqual([
      ['RSA_2048', 'RSAES_OAEP_SHA_1', 214, 'ValidationException'],
      ['RSA_2048', 'RSAES_OAEP_SHA_256', 190, 'ValidationException'],
      ['SYMMETRIC_DEFAULT', 'SYMMETRIC_DEFAULT', 4096, 'ValidationException'],
    ]);
    expect(runner.state.limits[1].overLimit.message).toBe('Algorithm RSAES_OAEP_SHA_256 and key spec RSA_2048 cannot encrypt data larger than 190 bytes.');
    expect(runner.state.dataKeys.map((d) => [d.keySpec, d.answer.answer])).toEqual([
      ['RSA_2048', 'InvalidKeyUsageException'],
      ['SYMMETRIC_DEFAULT', 'ok'],
    ]);
  });

  it('tampering: any change fails offline and in KMS Verify (KMSInvalidSignatureException), the original stays valid', async () => {
    const runner = await start();
    await runner.playThrough('tamper-with-release');
    await runner.act({ action: 'tamper-release', input: { text: RELEASE_TEXT } });
    expect(runner.state.tamperings.map((t) => [t.changed, t.validOffline, t.kmsVerify.answer, t.kmsVerify.message ?? ''])).toEqual([
      [true, false, 'KMSInvalidSignatureException', ''],
      [false, true, 'ok', ''],
    ]);
  });

  it('HMAC: valid MAC, a forged token refused, no public key', async () => {
    const runner = await start();
    await runner.playThrough('hmac-keys');
    expect(runner.state.mac).toMatchObject({ verify: { answer: 'ok' }, tamperedVerify: { answer: 'KMSInvalidMacException', message: '' }, getPublicKey: { answer: 'UnsupportedOperationException' } });
  });

  it('lists one key of each type at the end; only KMS ever holds a private or secret key', async () => {
    const runner = await start();
    await runner.playThrough('price-and-quotas');
    expect(runner.state.keyList).toEqual([
      { spec: 'SYMMETRIC_DEFAULT', usage: 'ENCRYPT_DECRYPT' },
      { spec: 'RSA_2048', usage: 'ENCRYPT_DECRYPT' },
      { spec: 'ECC_NIST_P256', usage: 'SIGN_VERIFY' },
      { spec: 'HMAC_256', usage: 'GENERATE_VERIFY_MAC' },
    ]);
    expect(messages(runner.events).every((m) => m.carries.every((p) => p.kind !== 'key' || m.from === 'kms'))).toBe(true);
    const holdings = scenario.holdings!(runner.state);
    for (const actor of ['app', 'partner', 'customer', 'mirror']) expect(holdings[actor].some((p) => p.kind === 'key'), actor).toBe(false);
    expect(holdings.kms).toHaveLength(4);
    expect(holdings.partner.map((p) => p.kind)).toContain('public-key');
  });

  it('says what is not simulated in the engine\'s own words', () => {
    const lines = scenario.notSimulated ?? [];
    for (const spec of ['SM2', 'ECC_SECG_P256K1', 'HMAC_224']) expect(lines.some((l) => l.startsWith(`Key spec ${spec}:`)), spec).toBe(true);
    expect(lines).toContain('Key specs ML_DSA_44, ML_DSA_65, ML_DSA_87: ML-DSA: WebCrypto has no implementation of it. CreateKey answers UnsupportedOperationException in KMS Lab.');
    expect(lines.some((l) => l.startsWith('Multi-Region keys'))).toBe(true);
  });

  it('refuses invalid input at the form and unknown events at dispatch', async () => {
    const encrypt = scenario.actions['encrypt-as-partner'];
    expect(() => encrypt.toEvent({ text: '  ' })).toThrow('Type some text first.');
    expect(() => encrypt.toEvent({ text: 'x'.repeat(MAX_MESSAGE_CHARS + 1) })).toThrow(`${MAX_MESSAGE_CHARS} characters`);
    expect(() => scenario.actions['create-key'].toEvent({ spec: 'AES_999', usage: 'ENCRYPT_DECRYPT' })).toThrow('Choose a key spec.');
    const runner = await start();
    await expect(runner.dispatch({ type: 'no-such-event' })).rejects.toThrow('unknown scenario event "no-such-event"');
  });

  it('replays identically from the seed: same event kinds, labels, texts and model times', async () => {
    const trace = async () => {
      const runner = await start();
      await runner.playThrough('price-and-quotas');
      return runner.events.map((e) => [e.seq, e.at, e.type, e.type === 'message' ? `${e.from}>${e.to} ${e.label}` : `${e.actor}: ${e.text}`]);
    };
    expect(await trace()).toEqual(await trace());
  }, 30_000);
});
