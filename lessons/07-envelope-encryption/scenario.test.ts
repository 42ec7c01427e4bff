/**
 * The envelope-encryption scenario, run step by step through its own frontmatter (each step's
 * `send`, then its stored `solution`): every named check is false before the step that teaches it
 * and true after; KMS refuses the 1 MB Encrypt with AWS's exact message; the plaintext data key
 * reads as zeros once used; KMS never receives the data; the call counts and costs are CloudTrail's.
 */
import { describe, expect, it } from 'vitest';
import { itTimesEveryCheck } from '../../test/support/check-timing';
import { itShowsEveryFocusedMessage } from '../../test/support/focused-messages';
import { loadLesson } from '../../src/lessons/catalogue';
import { createStepRunner } from '../../src/lessons/step-runner';
import type { Lesson } from '../../src/lessons/types';
import type { MessageEvent, SimEvent } from '../../src/sim/core/events';
import { fileJobs, GENERATED_PREFIX } from '../../src/lessons/learner-files';
import scenario, { ENCRYPT_LIMIT_BYTES, MAX_FILES, parseContext, REPORT_BYTES, REPORT_CONTEXT_TEXT, type EnvelopeEncryptionState } from './scenario';

const lesson: Lesson = await loadLesson('envelope-encryption');
const start = () => createStepRunner<EnvelopeEncryptionState>(lesson);
const messages = (events: readonly SimEvent[]) => events.filter((e): e is MessageEvent => e.type === 'message');
const notesOf = (events: readonly SimEvent[], actor: string) => events.filter((e) => e.type === 'note' && e.actor === actor).map((e) => (e.type === 'note' ? e.text : ''));

describe('envelope-encryption scenario', () => {
  it('has 9 steps in teaching order; each hands-on step awaits a named check, with a hint', () => {
    expect(lesson.steps.map((s) => s.id)).toEqual(['too-big-for-encrypt', 'data-key', 'encrypt-locally', 'seal-your-own', 'open-envelope', 'how-many-data-keys', 'your-own-file', 'without-plaintext', 'generate-random']);
    const handsOn = lesson.steps.filter((s) => s.handsOn);
    expect(handsOn.map((s) => s.await)).toEqual(['ownTextSealed', 'openedWithRightContext', 'comparedDataKeyStrategies', 'ownFileRoundTrip']);
    for (const step of lesson.steps) expect(step.notes.trim().length, step.id).toBeGreaterThan(100);
    for (const step of handsOn) expect(step.hint?.trim().length, step.id).toBeGreaterThan(40);
    expect(scenario.notSimulated?.some((n) => n.startsWith('The AWS Encryption SDK') && n.includes('key commitment'))).toBe(true);
    expect(scenario.notSimulated?.some((n) => n.startsWith('Data key caching') && n.includes('later lesson'))).toBe(true);
  });

  const checkSteps: [keyof typeof scenario.checks, string][] = [
    ['encryptRefusedTooBig', 'too-big-for-encrypt'],
    ['dataKeyInTwoForms', 'data-key'],
    ['reportStoredWithoutPlaintextKey', 'encrypt-locally'],
    ['ownTextSealed', 'seal-your-own'],
    ['openedWithRightContext', 'open-envelope'],
    ['comparedDataKeyStrategies', 'how-many-data-keys'],
    ['ownFileRoundTrip', 'your-own-file'],
    ['keyForLaterWithoutPlaintext', 'without-plaintext'],
    ['randomFromKms', 'generate-random'],
  ];

  itTimesEveryCheck({ steps: lesson.steps, checks: scenario.checks, checkSteps, start });

  itShowsEveryFocusedMessage({ steps: lesson.steps, start });

  it('Encrypt refuses the 1 MB file with the API model\'s exact ValidationException', async () => {
    const runner = await start();
    await runner.playThrough('too-big-for-encrypt');
    expect(runner.state.encryptAttempt).toEqual({
      plaintextBytes: REPORT_BYTES,
      code: 'ValidationException',
      message: `1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must have length less than or equal to ${ENCRYPT_LIMIT_BYTES}`,
    });
  });

  it('the data key: 32 plaintext bytes held by the app, then zeros; the envelope holds neither the report nor the key', async () => {
    const runner = await start();
    await runner.playThrough('data-key');
    expect(runner.state.dataKey?.plaintextBytes).toBe(32);
    expect(runner.state.dataKey!.ciphertextBlobBytes).toBeGreaterThan(32);
    expect(scenario.holdings!(runner.state).app[0]).toMatchObject({ kind: 'key', bytes: 32 });
    await runner.playThrough('encrypt-locally');
    expect(runner.state.heldDataKey?.every((b) => b === 0)).toBe(true);
    expect(scenario.holdings!(runner.state).app[0]).toMatchObject({ kind: 'metadata', preview: 'erased: 32 zero bytes' });
    const report = runner.state.report!;
    expect(report.layout.map((r) => [r.part, r.readable])).toEqual([
      ['header', true],
      ['encrypted data key', false],
      ['IV', true],
      ['ciphertext', false],
      ['authentication tag', true],
    ]);
    expect(report.layout.find((r) => r.part === 'IV')!.to - report.layout.find((r) => r.part === 'IV')!.from).toBe(12);
    expect(report.layout.at(-1)!.to).toBe(report.bytes);
    expect(report.bytes).toBeGreaterThan(REPORT_BYTES + 16 + 12);
    expect([report.containsPlaintext, report.containsDataKey]).toEqual([false, false]);
    expect(notesOf(runner.events, 'archive').at(-1)).toBe('searches the stored bytes: the report\'s first line not found; the plaintext data key not found');
  });

  it('sealing the learner\'s text: KMS receives one GenerateDataKey without the text; the archive cannot find it', async () => {
    const runner = await start();
    await runner.playThrough('seal-your-own');
    const own = runner.state.ownSeals.at(-1)!;
    expect(own.kmsRequests.map((r) => r.operation)).toEqual(['GenerateDataKey']);
    expect(own.kmsRequests[0].requestBytes).toBeLessThan(300);
    expect([own.textSentToKms, own.stored?.containsPlaintext]).toEqual([false, false]);
    expect(notesOf(runner.events, 'archive').at(-1)).toMatch(/^searches the \d+-byte envelope for "Launch date is 14 March, tell …": not found, it is ciphertext$/);
  });

  it('opening: a missing pair is InvalidCiphertextException with an empty message; the full context returns the report intact, and KMS got only a small request', async () => {
    const runner = await start();
    await runner.playThrough('seal-your-own');
    await runner.act({ action: 'open-report', input: { context: 'purpose=quarterly-report' } });
    expect(runner.state.openings.at(-1)).toMatchObject({ contextMatched: false, outcome: 'InvalidCiphertextException' });
    expect(runner.check('openedWithRightContext')).toBe(false);
    const refusal = messages(runner.events).filter((m) => m.label === 'InvalidCiphertextException').at(-1)!;
    expect(refusal.carries.find((p) => p.label === 'message')?.preview).toBe('(empty, as AWS sends it)');
    await runner.act({ action: 'open-report', input: { context: ' file = reports/q3-results.csv ,purpose=quarterly-report' } });
    const opened = runner.state.openings.at(-1)!;
    expect(opened).toMatchObject({ contextMatched: true, outcome: 'decrypted', intact: true });
    expect(opened.kmsRequestBytes).toBeLessThan(1000);
    expect(runner.check('openedWithRightContext')).toBe(true);
  });

  it('many files: per file costs 2 calls a file, reused costs 2 in all, counted by CloudTrail and priced at $0.03 per 10,000 after 20,000 free', async () => {
    const runner = await start();
    await runner.playThrough('open-envelope');
    await runner.act({ action: 'encrypt-files', input: { files: '20', strategy: 'per-file' } });
    await runner.act({ action: 'encrypt-files', input: { files: '20', strategy: 'reuse' } });
    const [perFile, reuse] = runner.state.fileRuns;
    expect(perFile).toEqual({ strategy: 'per-file', files: 20, generateDataKeyCalls: 20, decryptCalls: 20, totalCalls: 40, distinctDataKeys: 20, allRead: true, monthlyCalls: 20_000_000, monthlyCostUsd: expect.closeTo(59.94, 6) });
    expect(reuse).toEqual({ strategy: 'reuse', files: 20, generateDataKeyCalls: 1, decryptCalls: 1, totalCalls: 2, distinctDataKeys: 1, allRead: true, monthlyCalls: 1_000_000, monthlyCostUsd: expect.closeTo(2.94, 6) });
    expect(notesOf(runner.events, 'kms').at(-1)).toBe('at 10,000,000 files a month the same way: 1,000,000 requests, $2.94 a month after the 20,000 free requests ($0.03 per 10,000)');
  });

  it('without plaintext: the response has no Plaintext; the worker decrypts once and encrypts', async () => {
    const runner = await start();
    await runner.playThrough('without-plaintext');
    expect(runner.state.withoutPlaintext).toEqual({ responseFields: ['CiphertextBlob', 'KeyId', 'KeyMaterialId'], provisionerHeldPlaintext: false, workerSealed: true, workerDecryptCalls: 1 });
    expect(scenario.holdings!(runner.state).provisioner.every((p) => p.kind !== 'key')).toBe(true);
  });

  it('GenerateRandom: exactly 12 and 32 bytes; 1025 is refused with the model\'s message', async () => {
    const runner = await start();
    await runner.playThrough('generate-random');
    expect(runner.state.random).toEqual({
      sizes: [12, 32],
      keyIdSent: false,
      tooMany: { numberOfBytes: 1025, code: 'ValidationException', message: "1 validation error detected: Value '1025' at 'numberOfBytes' failed to satisfy constraint: Member must have value less than or equal to 1024" },
    });
    expect(runner.state.calls.GenerateRandom).toBe(3);
  });

  it('refuses invalid input at the form (the learner sees why) and again at dispatch (replays)', async () => {
    const { actions } = scenario;
    expect(() => actions['seal-text'].toEvent({ text: '  ' })).toThrow('Type some text to seal.');
    expect(() => actions['encrypt-files'].toEvent({ files: String(MAX_FILES + 1), strategy: 'reuse' })).toThrow(`Choose 1 to ${MAX_FILES} files.`);
    expect(() => actions['encrypt-files'].toEvent({ files: '2.5', strategy: 'reuse' })).toThrow(`Choose 1 to ${MAX_FILES} files.`);
    expect(() => actions['encrypt-files'].toEvent({ files: '3', strategy: 'sometimes' })).toThrow('Choose how many data keys to use.');
    expect(() => actions['open-report'].toEvent({ context: 'purpose' })).toThrow('key=value pairs');
    expect(parseContext(REPORT_CONTEXT_TEXT)).toEqual({ purpose: 'quarterly-report', file: 'reports/q3-results.csv' });
    const runner = await start();
    await runner.dispatch({ type: 'open-report', context: REPORT_CONTEXT_TEXT });
    await runner.dispatch({ type: 'seal-own', text: '' });
    await runner.dispatch({ type: 'encrypt-files', files: 0, strategy: 'reuse' });
    expect([runner.state.openings, runner.state.ownSeals, runner.state.fileRuns]).toEqual([[], [], []]);
  });

  it('replays identically from the seed: same event kinds, labels, texts and model times', async () => {
    const trace = async () => {
      const runner = await start();
      await runner.playThrough('generate-random');
      return runner.events.map((e) => [e.seq, e.at, e.type, e.type === 'message' ? `${e.from}>${e.to} ${e.label} ${e.outcome ?? ''}` : `${e.actor}: ${e.text}`]);
    };
    expect(await trace()).toEqual(await trace());
  });

  it('your own file: one GenerateDataKey and one Decrypt for the whole file, sealed in 1 MiB chunks, the copy identical', async () => {
    const runner = await start();
    const before = { ...runner.state.calls };
    await runner.act({ action: 'encrypt-own-file', input: { file: `${GENERATED_PREFIX}${2 * 1024 * 1024 + 5}` } });
    const [run] = runner.state.ownFiles;
    expect(run).toMatchObject({ bytes: 2 * 1024 * 1024 + 5, chunks: 3, decryptedBytes: 2 * 1024 * 1024 + 5, identical: true });
    expect(run.error).toBeUndefined();
    expect(run.sealedBytes - run.bytes).toBeGreaterThan(3 * 16);
    expect((runner.state.calls.GenerateDataKey ?? 0) - (before.GenerateDataKey ?? 0)).toBe(1);
    expect((runner.state.calls.Decrypt ?? 0) - (before.Decrypt ?? 0)).toBe(1);
    expect(fileJobs.current).toMatchObject({ phase: 'done', name: run.name });
    expect(fileJobs.current?.encrypted?.size).toBe(run.sealedBytes);
    expect(fileJobs.current?.decrypted?.size).toBe(run.bytes);
  });

  it('your own file: an empty file round-trips; a token that names no file is refused at the form and noted at dispatch', async () => {
    const runner = await start();
    await runner.act({ action: 'encrypt-own-file', input: { file: `${GENERATED_PREFIX}0` } });
    expect(runner.state.ownFiles[0]).toMatchObject({ bytes: 0, chunks: 1, decryptedBytes: 0, identical: true });
    expect(() => scenario.actions['encrypt-own-file'].toEvent({ file: '' })).toThrow('Pick or drop a file first.');
    await runner.dispatch({ type: 'own-file', file: 'file:999' });
    expect(runner.state.ownFiles).toHaveLength(1);
    expect(notesOf(runner.events, 'app').at(-1)).toContain('pick or drop it again');
  });

  it('refuses an unknown event instead of ignoring it', async () => {
    const runner = await start();
    await expect(runner.dispatch({ type: 'no-such-event' })).rejects.toThrow('unknown scenario event "no-such-event"');
  });
});
