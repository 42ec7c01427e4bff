/**
 * The client-side-encryption scenario, run step by step through its own frontmatter (each step's
 * `send`, then its stored `solution`): every named check is false before the step that teaches it
 * and true after; the salary review never reaches S3, its disk or the storage administrator in
 * plaintext; S3 never calls KMS; KMS's refusals carry AWS's exact messages.
 */
import { describe, expect, it } from 'vitest';
import { itTimesEveryCheck } from '../../test/support/check-timing';
import { itShowsEveryFocusedMessage } from '../../test/support/focused-messages';
import { loadLesson } from '../../src/lessons/catalogue';
import { createLessonPlayer } from '../../src/lessons/player/player';
import { createStepRunner } from '../../src/lessons/step-runner';
import type { Lesson } from '../../src/lessons/types';
import type { MessageEvent, SimEvent } from '../../src/sim/core/events';
import scenario, { BOB_ARN, DOCUMENT_KEY, DOCUMENT_TEXT, HR_APP_ARN, MAX_TEXT_CHARS, PAYROLL_ARN, STORAGE_ADMIN_ARN, SWAPPED_KEY, type ClientSideEncryptionState } from './scenario';

const lesson: Lesson = await loadLesson('client-side-encryption');
const start = () => createStepRunner<ClientSideEncryptionState>(lesson);
const messages = (events: readonly SimEvent[]) => events.filter((e): e is MessageEvent => e.type === 'message');
const notesOf = (events: readonly SimEvent[], actor: string) => events.filter((e) => e.type === 'note' && e.actor === actor).map((e) => (e.type === 'note' ? e.text : ''));
const previews = (events: readonly SimEvent[], actor: string) =>
  events.flatMap((e) => (e.type === 'note' && e.actor === actor ? (e.carries ?? []) : e.type === 'message' && (e.to === actor || e.from === actor) ? e.carries : [])).map((p) => p.preview ?? '');

describe('client-side-encryption scenario', () => {
  it('has 8 steps in teaching order; each hands-on step awaits a named check, with a hint', () => {
    expect(lesson.steps.map((s) => s.id)).toEqual(['encrypt-before-upload', 'envelope-layout', 'your-own-text', 'server-tries', 'choose-recipient', 'encryption-context', 'audit-trail', 'side-by-side']);
    const handsOn = lesson.steps.filter((s) => s.handsOn);
    expect(handsOn.map((s) => s.await)).toEqual(['ownTextNeverAtServer', 'onlyAllowedRecipientReads', 'contextNamesTheRealFile']);
    for (const step of lesson.steps) expect(step.notes.trim().length, step.id).toBeGreaterThan(100);
    for (const step of handsOn) expect(step.hint?.trim().length, step.id).toBeGreaterThan(40);
    expect(scenario.notSimulated?.some((n) => n.startsWith('The AWS Encryption SDK'))).toBe(true);
    expect(scenario.notSimulated?.some((n) => n.startsWith('The Amazon S3 Encryption Client'))).toBe(true);
    expect(scenario.notSimulated?.some((n) => n.startsWith('Keyrings'))).toBe(true);
  });

  const checkSteps: [keyof typeof scenario.checks, string][] = [
    ['encryptedBeforeUpload', 'encrypt-before-upload'],
    ['ownTextNeverAtServer', 'your-own-text'],
    ['adminCannotDecrypt', 'server-tries'],
    ['onlyAllowedRecipientReads', 'choose-recipient'],
    ['wrongContextRefused', 'encryption-context'],
    ['contextNamesTheRealFile', 'encryption-context'],
    ['auditShowsClients', 'audit-trail'],
    ['plaintextOnlyAtClients', 'side-by-side'],
  ];

  itTimesEveryCheck({ steps: lesson.steps, checks: scenario.checks, checkSteps, start });

  itShowsEveryFocusedMessage({ steps: lesson.steps, start, tryActions: scenario.actions });

  it('never lets the salary review reach S3, its disk or the storage administrator readable, and S3 never calls KMS', async () => {
    const runner = await start();
    await runner.playThrough('side-by-side');
    for (const actor of ['s3', 'disk', 'admin']) {
      expect(previews(runner.events, actor).some((p) => p.includes('Priya Shah')), actor).toBe(false);
    }
    expect(previews(runner.events, 'app').some((p) => p.includes('Priya Shah'))).toBe(true);
    expect(previews(runner.events, 'receiver').some((p) => p.includes('Priya Shah'))).toBe(true);
    expect(messages(runner.events).some((m) => m.from === 's3' && m.to === 'kms')).toBe(false);
    expect(runner.state.kmsCallsByS3).toBe(0);
    expect(runner.state.plaintextSeenBy?.sort()).toEqual(['app', 'receiver']);
    expect(runner.state.disk.map((o) => [o.key, o.sse])).toEqual([
      [DOCUMENT_KEY, 'AES256'],
      ['hr/your-text-1.txt', 'AES256'],
      [SWAPPED_KEY, 'AES256'],
    ]);
  });

  it('the HR app: one GenerateDataKey of its own per upload, with the file named in the encryption context', async () => {
    const runner = await start();
    await runner.playThrough('your-own-text');
    const gdk = messages(runner.events).filter((m) => m.label === 'kms:GenerateDataKey');
    expect(gdk.map((m) => [m.from, m.carries.find((p) => p.label === 'EncryptionContext')?.preview])).toEqual([
      ['app', `department = hr, file = ${DOCUMENT_KEY}`],
      ['app', 'department = hr, file = hr/your-text-1.txt'],
    ]);
    expect(gdk.every((m) => m.carries.find((p) => p.label === 'caller')?.preview === 'assumed-role/hr-app/hr-web-1')).toBe(true);
    expect(runner.state.sealed.map((s) => [s.key, s.uploaded, s.foundAtServer, s.foundOnDisk])).toEqual([
      [DOCUMENT_KEY, true, false, false],
      ['hr/your-text-1.txt', true, false, false],
    ]);
    expect(notesOf(runner.events, 's3').at(-1)).toBe('searches the body it received for "Bonus pool 2026 is 1.1M GBP": not found, it is ciphertext; its disk: not found');
  });

  it('the storage administrator: nothing readable in the object, and KMS refuses with AWS\'s message; the decision view gets it', async () => {
    const runner = await start();
    await runner.playThrough('server-tries');
    const [attempt] = runner.state.adminAttempts;
    expect(attempt.searches.map((s) => s.found)).toEqual([false, false, false]);
    expect(attempt.kmsAnswer).toBe('AccessDeniedException');
    expect(attempt.kmsMessage).toBe(`User: ${STORAGE_ADMIN_ARN} is not authorized to perform: kms:Decrypt on resource: ${runner.state.keyArn} because no identity-based policy allows the kms:Decrypt action`);
    const [refusal] = scenario.decisions!(runner.state);
    expect(refusal.label).toBe('Why KMS refused the storage administrator\'s Decrypt');
    expect(refusal.decision.result).toMatchObject({ decision: 'ImplicitDeny', trace: { path: 'key-policy-delegates-but-iam-lacks' } });
    expect(refusal.decision.request.caller.arn).toBe(STORAGE_ADMIN_ARN);
    expect(scenario.holdings!(runner.state).admin.every((p) => p.kind !== 'plaintext' && p.kind !== 'key')).toBe(true);
  });

  it('the player offers the refusal to the decision view on a deep link', async () => {
    const player = createLessonPlayer(lesson, { startAt: 'server-tries' });
    const snapshot = await player.settled();
    player.stop();
    expect(snapshot.decisions?.map((d) => d.label)).toEqual(['Why KMS refused the storage administrator\'s Decrypt']);
  });

  it('recipients: Bob is refused, the payroll app reads the file; a refusal alone does not complete the step', async () => {
    const runner = await start();
    await runner.playThrough('server-tries');
    await runner.act({ action: 'send-to', input: { recipient: 'bob' } });
    expect(runner.state.openings.at(-1)).toMatchObject({ by: BOB_ARN, hadDecrypt: false, outcome: 'AccessDeniedException' });
    expect(runner.check('onlyAllowedRecipientReads')).toBe(false);
    expect(runner.state.decisions.at(-1)?.label).toBe(`Why KMS refused user/bob the data key of ${DOCUMENT_KEY}`);
    await runner.act({ action: 'send-to', input: { recipient: 'payroll-app' } });
    expect(runner.state.openings.at(-1)).toMatchObject({ by: PAYROLL_ARN, hadDecrypt: true, outcome: 'decrypted', text: DOCUMENT_TEXT });
    expect(runner.check('onlyAllowedRecipientReads')).toBe(true);
    expect(scenario.holdings!(runner.state).receiver[0].preview).toBe(DOCUMENT_TEXT);
  });

  it('the swapped object: the payroll app is refused with InvalidCiphertextException and an empty message', async () => {
    const runner = await start();
    await runner.playThrough('encryption-context');
    const refused = runner.state.openings.find((o) => o.key === SWAPPED_KEY && !o.contextMatched);
    expect(refused).toMatchObject({ by: PAYROLL_ARN, key: SWAPPED_KEY, contextMatched: false, hadDecrypt: true, outcome: 'InvalidCiphertextException' });
    const refusal = messages(runner.events).filter((m) => m.label === 'InvalidCiphertextException').at(-1)!;
    expect(refusal.carries.find((p) => p.label === 'message')?.preview).toBe('(empty, as AWS sends it)');
  });

  it('the swapped object opens only under the context its data key was made with, and shows what it really is', async () => {
    const runner = await start();
    await runner.playThrough('choose-recipient');
    await runner.dispatch({ type: 'swap-object' });
    await runner.act({ action: 'open-with-context', input: { file: 'hr/salary-review-2025.csv' } });
    expect(runner.state.openings.at(-1)).toMatchObject({ key: SWAPPED_KEY, contextMatched: false, outcome: 'InvalidCiphertextException' });
    expect(runner.check('contextNamesTheRealFile')).toBe(false);
    await runner.act({ action: 'open-with-context', input: { file: DOCUMENT_KEY } });
    expect(runner.state.openings.at(-1)).toMatchObject({ key: SWAPPED_KEY, contextMatched: true, outcome: 'decrypted', text: DOCUMENT_TEXT });
    expect(runner.check('contextNamesTheRealFile')).toBe(true);
    expect(() => scenario.actions['open-with-context'].toEvent({ file: ' ' })).toThrow('Type the file name');
  });

  it('the audit lists only the clients\' own calls, in order', async () => {
    const runner = await start();
    await runner.playThrough('audit-trail');
    expect(runner.state.audit).toEqual({ calls: 7, byS3: 0, direct: 7, denied: 3, callers: [HR_APP_ARN, STORAGE_ADMIN_ARN, BOB_ARN, PAYROLL_ARN] });
    expect(notesOf(runner.events, 'kms').filter((t) => t.startsWith('CloudTrail:'))).toEqual([
      'CloudTrail: GenerateDataKey by assumed-role/hr-app/hr-web-1 (direct)',
      'CloudTrail: GenerateDataKey by assumed-role/hr-app/hr-web-1 (direct)',
      'CloudTrail: Decrypt by assumed-role/storage-admin/ops-on-call (direct): AccessDeniedException',
      'CloudTrail: Decrypt by user/bob (direct): AccessDeniedException',
      'CloudTrail: Decrypt by assumed-role/payroll-app/payroll-1 (direct)',
      'CloudTrail: Decrypt by assumed-role/payroll-app/payroll-1 (direct): InvalidCiphertextException',
      'CloudTrail: Decrypt by assumed-role/payroll-app/payroll-1 (direct)',
    ]);
  });

  it('refuses invalid input at the form (the learner sees why) and again at dispatch (replays)', async () => {
    const upload = scenario.actions['encrypt-and-upload'];
    expect(() => upload.toEvent({ text: '   ' })).toThrow('Type some text to encrypt.');
    expect(() => upload.toEvent({ text: 'x'.repeat(MAX_TEXT_CHARS + 1) })).toThrow(`${MAX_TEXT_CHARS} characters`);
    expect(upload.toEvent({ text: '  hi  ' })).toEqual({ type: 'upload-own', text: 'hi' });
    expect(() => scenario.actions['send-to'].toEvent({ recipient: 'mallory' })).toThrow('Choose who receives the file.');
    const runner = await start();
    await runner.playThrough('envelope-layout');
    await runner.dispatch({ type: 'upload-own', text: '  ' });
    await runner.dispatch({ type: 'deliver', recipient: 'nobody' });
    expect(runner.state.sealed).toHaveLength(1);
    expect(runner.state.openings).toEqual([]);
  });

  it('replays identically from the seed: same event kinds, labels, texts and model times', async () => {
    const trace = async () => {
      const runner = await start();
      await runner.playThrough('side-by-side');
      return runner.events.map((e) => [e.seq, e.at, e.type, e.type === 'message' ? `${e.from}>${e.to} ${e.label} ${e.outcome ?? ''}` : `${e.actor}: ${e.text}`]);
    };
    expect(await trace()).toEqual(await trace());
  });

  it('refuses an unknown event instead of ignoring it', async () => {
    const runner = await start();
    await expect(runner.dispatch({ type: 'no-such-event' })).rejects.toThrow('unknown scenario event "no-such-event"');
  });
});
