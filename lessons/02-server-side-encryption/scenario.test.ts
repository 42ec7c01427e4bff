/**
 * The server-side-encryption scenario, run step by step through its own frontmatter (each step's
 * `send`, then its stored `solution`): every named check is false before the step that teaches it
 * and true after; plaintext never crosses the wire or reaches the disk; KMS's refusals carry AWS's
 * exact messages.
 */
import { describe, expect, it } from 'vitest';
import { itTimesEveryCheck } from '../../test/support/check-timing';
import { itShowsEveryFocusedMessage } from '../../test/support/focused-messages';
import { loadLesson } from '../../src/lessons/catalogue';
import { createLessonPlayer } from '../../src/lessons/player/player';
import { createStepRunner } from '../../src/lessons/step-runner';
import type { Lesson } from '../../src/lessons/types';
import type { MessageEvent, SimEvent } from '../../src/sim/core/events';
import scenario, {
  APP_SESSION_ARN,
  MAX_TEXT_CHARS,
  REPORT_KEY,
  REPORT_TEXT,
  SSE_S3_KEY,
  THIEF_ARN,
  type ServerSideEncryptionState,
} from './scenario';

const lesson: Lesson = await loadLesson('server-side-encryption');
const start = () => createStepRunner<ServerSideEncryptionState>(lesson);
const messages = (events: readonly SimEvent[]) => events.filter((e): e is MessageEvent => e.type === 'message');
const notesOf = (events: readonly SimEvent[], actor: string) => events.filter((e) => e.type === 'note' && e.actor === actor).map((e) => (e.type === 'note' ? e.text : ''));

describe('server-side-encryption scenario', () => {
  it('has 9 steps in teaching order; each hands-on step awaits a named check, with a hint', () => {
    expect(lesson.steps.map((s) => s.id)).toEqual([
      'upload-sse-kms',
      'stored-layout',
      'stolen-disk',
      'download',
      'upload-your-own',
      'customer-managed-key',
      'remove-decrypt',
      'audit-trail',
      'sse-s3',
    ]);
    const handsOn = lesson.steps.filter((s) => s.handsOn);
    expect(handsOn.map((s) => s.await)).toEqual(['ownTextProtected', 'decryptDeniedThenRestored']);
    for (const step of lesson.steps) expect(step.notes.trim().length, step.id).toBeGreaterThan(100);
    for (const step of handsOn) expect(step.hint?.trim().length, step.id).toBeGreaterThan(40);
    expect(scenario.notSimulated?.some((n) => n.startsWith('S3 Bucket Keys'))).toBe(true);
  });

  const checkSteps: [keyof typeof scenario.checks, string][] = [
    ['reportStoredEncrypted', 'upload-sse-kms'],
    ['thiefLearnsNothing', 'stolen-disk'],
    ['reportDownloaded', 'download'],
    ['ownTextProtected', 'upload-your-own'],
    ['decryptDeniedThenRestored', 'remove-decrypt'],
    ['auditShowsS3Calls', 'audit-trail'],
    ['sseS3WithoutKms', 'sse-s3'],
  ];

  itTimesEveryCheck({ steps: lesson.steps, checks: scenario.checks, checkSteps, start });

  itShowsEveryFocusedMessage({ steps: lesson.steps, start, tryActions: scenario.actions });

  it('never lets plaintext onto the wire or the disk, from the first upload to the last', async () => {
    const runner = await start();
    await runner.playThrough('sse-s3');
    const all = messages(runner.events);
    const wire = all.filter((m) => (m.from === 'app' && m.to === 's3') || (m.from === 's3' && m.to === 'app'));
    expect(wire.length).toBeGreaterThan(10);
    for (const m of wire) expect(m.carries.every((p) => p.kind !== 'plaintext'), `${m.seq} ${m.label}`).toBe(true);
    const toDisk = all.filter((m) => m.to === 'disk' || m.from === 'disk');
    for (const m of toDisk) expect(m.carries.map((p) => p.kind).filter((k) => k === 'plaintext' || k === 'key'), `${m.seq} ${m.label}`).toEqual([]);
    // Inside S3 the report is plaintext (TLS ends there) and the data key is briefly plaintext: that is the lesson.
    expect(all.some((m) => m.to === 's3' && m.carries.some((p) => p.kind === 'key'))).toBe(true);
    expect(runner.state.disk.map((o) => [o.key, o.sse])).toEqual([
      [REPORT_KEY, 'aws:kms'],
      ['notes/your-text-1.txt', 'aws:kms'],
      [SSE_S3_KEY, 'AES256'],
    ]);
    expect(runner.state.thefts.flatMap((t) => t.searches).every((s) => !s.found)).toBe(true);
  });

  it('creates aws/s3 on the first upload only, and uses the customer managed key once the bucket names it', async () => {
    const runner = await start();
    await runner.playThrough('upload-your-own');
    expect(notesOf(runner.events, 'kms').filter((t) => t.startsWith('creates the AWS managed key aws/s3'))).toHaveLength(1);
    const awsManaged = runner.state.awsManagedKeyArn;
    expect(awsManaged).toMatch(/^arn:aws:kms:eu-west-2:111122223333:key\//);
    expect(runner.state.operations.filter((o) => o.kind === 'put').map((o) => o.kmsKeyArn)).toEqual([awsManaged, awsManaged]);
    await runner.playThrough('customer-managed-key');
    expect(runner.state.customerKeyArn).not.toBe(awsManaged);
    expect(runner.state.operations.at(-1)).toMatchObject({ kind: 'put', key: REPORT_KEY, ok: true, kmsKeyArn: runner.state.customerKeyArn });
  });

  it('the thief: nothing readable in the copy, and KMS refuses its Decrypt with AWS\'s message', async () => {
    const runner = await start();
    await runner.playThrough('stolen-disk');
    const [theft] = runner.state.thefts;
    expect(theft.searches.map((s) => s.found)).toEqual([false, false, false]);
    expect(theft.kmsAnswer).toBe('AccessDeniedException');
    expect(theft.kmsMessage).toBe(
      `User: ${THIEF_ARN} is not authorized to perform: kms:Decrypt on resource: ${runner.state.awsManagedKeyArn} because no resource-based policy allows the kms:Decrypt action`,
    );
    expect(notesOf(runner.events, 'kms').some((t) => t.startsWith('refuses: Denied: the key belongs to account 111122223333'))).toBe(true);
    expect(scenario.holdings!(runner.state).thief.every((p) => p.kind !== 'plaintext' && p.kind !== 'key')).toBe(true);
    const [refusal] = scenario.decisions!(runner.state);
    expect(refusal.label).toBe('Why KMS refused the thief\'s Decrypt');
    expect(refusal.decision.result).toMatchObject({ decision: 'ImplicitDeny', trace: { path: 'cross-account-key-policy-lacks' } });
    expect(refusal.decision.request.caller.arn).toBe(THIEF_ARN);
  });

  it('the player offers the refusals to the decision view: the snapshot of a deep link carries them', async () => {
    const player = createLessonPlayer(lesson, { startAt: 'stolen-disk' });
    const snapshot = await player.settled();
    player.stop();
    expect(snapshot.decisions?.map((d) => d.label)).toEqual(['Why KMS refused the thief\'s Decrypt']);
    const first = createLessonPlayer(lesson, { startAt: 'upload-sse-kms' });
    expect((await first.settled()).decisions).toBeUndefined();
    first.stop();
  });

  it('without kms:Decrypt the download is refused with KMS\'s exact message, the upload still works, and restoring it reads again', async () => {
    const runner = await start();
    await runner.playThrough('customer-managed-key');
    await runner.act({ action: 'remove-decrypt' });
    await runner.act({ action: 'download-report' });
    const denied = runner.state.operations.at(-1)!;
    expect(denied).toMatchObject({ kind: 'get', ok: false, roleHadDecrypt: false, error: { status: 403, code: 'AccessDenied', kmsError: 'AccessDeniedException' } });
    expect(denied.error?.message).toBe(
      `User: ${APP_SESSION_ARN} is not authorized to perform: kms:Decrypt on resource: ${runner.state.customerKeyArn} because no identity-based policy allows the kms:Decrypt action`,
    );
    expect(notesOf(runner.events, 'kms').at(-1)).toContain('no IAM policy of report-app (session web-1) allows kms:Decrypt');
    const refusal = runner.state.decisions.at(-1)!;
    expect(refusal.label).toBe(`Why S3 could not decrypt ${REPORT_KEY} for report-app`);
    expect(refusal.decision.result).toMatchObject({ decision: 'ImplicitDeny', message: denied.error?.message, trace: { path: 'key-policy-delegates-but-iam-lacks' } });
    expect(refusal.decision.request.context?.['kms:ViaService']).toBe('s3.eu-west-2.amazonaws.com');
    expect(runner.check('decryptDeniedThenRestored')).toBe(false);

    await runner.dispatch({ type: 'upload-own', text: 'written without kms:Decrypt' });
    expect(runner.state.operations.at(-1)).toMatchObject({ kind: 'put', ok: true, sse: 'aws:kms', kmsKeyArn: runner.state.customerKeyArn });

    await runner.act({ action: 'restore-decrypt' });
    await runner.act({ action: 'download-report' });
    expect(runner.state.operations.at(-1)).toMatchObject({ kind: 'get', ok: true, roleHadDecrypt: true });
    expect(runner.check('decryptDeniedThenRestored')).toBe(true);
  });

  it('a download before the permission is removed does not satisfy the hands-on check', async () => {
    const runner = await start();
    await runner.playThrough('customer-managed-key');
    await runner.act({ action: 'download-report' });
    await runner.act({ action: 'remove-decrypt' });
    await runner.act({ action: 'restore-decrypt' });
    expect(runner.check('decryptDeniedThenRestored')).toBe(false);
  });

  it('the audit lists every KMS call: S3\'s on the role\'s behalf, Alice\'s direct ones, and both refusals', async () => {
    const runner = await start();
    await runner.playThrough('audit-trail');
    expect(runner.state.audit).toEqual({ calls: 9, viaS3: 6, denied: 2, deniedCallers: [THIEF_ARN, APP_SESSION_ARN] });
    const records = notesOf(runner.events, 'kms').filter((t) => t.startsWith('CloudTrail:'));
    expect(records).toEqual([
      'CloudTrail: GenerateDataKey by assumed-role/report-app/web-1 via s3.amazonaws.com',
      'CloudTrail: Decrypt by user/mallory (direct): AccessDeniedException',
      'CloudTrail: Decrypt by assumed-role/report-app/web-1 via s3.amazonaws.com',
      'CloudTrail: GenerateDataKey by assumed-role/report-app/web-1 via s3.amazonaws.com',
      'CloudTrail: CreateKey by user/alice (direct)',
      'CloudTrail: CreateAlias by user/alice (direct)',
      'CloudTrail: GenerateDataKey by assumed-role/report-app/web-1 via s3.amazonaws.com',
      'CloudTrail: Decrypt by assumed-role/report-app/web-1 via s3.amazonaws.com: AccessDeniedException',
      'CloudTrail: Decrypt by assumed-role/report-app/web-1 via s3.amazonaws.com',
    ]);
    // kms:ViaService comes from the request context the access engine evaluated for each call.
    const viaService = runner.events
      .filter((e) => e.type === 'note' && e.actor === 'kms' && e.text.startsWith('CloudTrail:'))
      .map((e) => (e.type === 'note' ? e.carries?.find((p) => p.label === 'request context kms:ViaService')?.preview ?? 'none' : ''));
    expect(viaService).toEqual(['s3.eu-west-2.amazonaws.com', 'none', 's3.eu-west-2.amazonaws.com', 's3.eu-west-2.amazonaws.com', 'none', 'none', 's3.eu-west-2.amazonaws.com', 's3.eu-west-2.amazonaws.com', 's3.eu-west-2.amazonaws.com']);
  });

  it('SSE-S3: the copy is stored and read back with no message to or from KMS', async () => {
    const runner = await start();
    await runner.playThrough('audit-trail');
    const from = runner.events.length;
    await runner.playThrough('sse-s3');
    const step = messages(runner.events.slice(from));
    expect(step.some((m) => m.from === 'kms' || m.to === 'kms')).toBe(false);
    expect(step.map((m) => m.label)).toContain('write object');
    expect(runner.state.sseS3).toEqual({ kmsCallsBefore: 9, kmsCallsAfter: 9, uploaded: true, downloaded: true });
  });

  it('shows who holds what: plaintext at the app only, ciphertext on the disk, keys in KMS', async () => {
    const runner = await start();
    await runner.playThrough('customer-managed-key');
    const holdings = scenario.holdings!(runner.state);
    expect(holdings.app.find((p) => p.kind === 'plaintext')?.preview).toBe(REPORT_TEXT);
    expect(holdings.disk.map((p) => p.kind)).toEqual(['ciphertext', 'ciphertext']);
    expect(holdings.kms.map((p) => p.label)).toEqual(['aws/s3 (AWS managed key)', 'reports-key (customer managed key)']);
    expect(holdings.s3.some((p) => p.kind === 'plaintext')).toBe(false);
  });

  it('refuses invalid text at the form (the learner sees why) and again at dispatch (replays)', async () => {
    const upload = scenario.actions['upload-text'];
    expect(() => upload.toEvent({ text: '   ' })).toThrow('Type some text to upload.');
    expect(() => upload.toEvent({ text: 'x'.repeat(MAX_TEXT_CHARS + 1) })).toThrow(`${MAX_TEXT_CHARS} characters`);
    expect(upload.toEvent({ text: '  hi  ' })).toEqual({ type: 'upload-own', text: 'hi' });
    const runner = await start();
    await runner.playThrough('download');
    await runner.dispatch({ type: 'upload-own', text: '  ' });
    await runner.dispatch({ type: 'download-own' });
    expect(runner.state.learnerTexts).toEqual([]);
    expect(notesOf(runner.events, 'app').slice(-2)).toEqual([`has nothing to upload: type 1 to ${MAX_TEXT_CHARS} characters`, 'has not uploaded any text of yours yet']);
  });

  it('replays identically from the seed: same event kinds, labels, texts and model times', async () => {
    const trace = async () => {
      const runner = await start();
      await runner.playThrough('sse-s3');
      // Key ids come from the seed, so KMS's texts (which name key ARNs) replay exactly too.
      return runner.events.map((e) => [e.seq, e.at, e.type, e.type === 'message' ? `${e.from}>${e.to} ${e.label} ${e.outcome ?? ''}` : `${e.actor}: ${e.text}`]);
    };
    expect(await trace()).toEqual(await trace());
  });

  it('refuses an unknown event instead of ignoring it', async () => {
    const runner = await start();
    await expect(runner.dispatch({ type: 'no-such-event' })).rejects.toThrow('unknown scenario event "no-such-event"');
  });
});
