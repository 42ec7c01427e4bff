/**
 * The secrets scenario, run step by step through its own frontmatter (each step's `send`, then its
 * stored `solution`): every named check is false before the step that teaches it and true after;
 * the KMS calls, their callers, encryption contexts and refusals are the engine's.
 */
import { describe, expect, it } from 'vitest';
import { itTimesEveryCheck } from '../../test/support/check-timing';
import { itShowsEveryFocusedMessage } from '../../test/support/focused-messages';
import { loadLesson } from '../../src/lessons/catalogue';
import { createStepRunner } from '../../src/lessons/step-runner';
import type { Lesson } from '../../src/lessons/types';
import type { MessageEvent, SimEvent } from '../../src/sim/core/events';
import scenario, { ACCOUNT, DB_PASSWORD, envCiphertext, PARAMETER_NAME, type SecretsState } from './scenario';

const lesson: Lesson = await loadLesson('secrets-and-integrated-services');
const start = () => createStepRunner<SecretsState>(lesson);
const messages = (events: readonly SimEvent[]) => events.filter((e): e is MessageEvent => e.type === 'message');

describe('secrets-and-integrated-services scenario', () => {
  it('has 8 steps in teaching order; each hands-on step awaits a named check, with a hint', () => {
    expect(lesson.steps.map((s) => s.id)).toEqual([
      'password-in-code', 'encrypted-environment-variable', 'decrypt-at-start-up', 'securestring-parameter',
      'ssm-calls-kms-for-you', 's3-and-ebs', 'rds-and-redshift', 'where-secrets-belong',
    ]);
    const handsOn = lesson.steps.filter((s) => s.handsOn);
    expect(handsOn.map((s) => s.await)).toEqual(['passwordInEnvFile', 'startedAndRefused', 'secureStringReadBack']);
    for (const step of lesson.steps) expect(step.notes.trim().length, step.id).toBeGreaterThan(100);
    for (const step of handsOn) expect(step.hint?.trim().length, step.id).toBeGreaterThan(40);
  });

  itTimesEveryCheck({
    steps: lesson.steps,
    checks: scenario.checks,
    checkSteps: [
      ['passwordInEnvFile', 'encrypted-environment-variable'],
      ['startedAndRefused', 'decrypt-at-start-up'],
      ['secureStringReadBack', 'securestring-parameter'],
    ],
    start,
  });

  itShowsEveryFocusedMessage({ steps: lesson.steps, start, timeout: 60_000 });

  it('the env file holds a KMS ciphertext, never the password; the terminal printed it', async () => {
    const runner = await start();
    await runner.playThrough('encrypted-environment-variable');
    expect(runner.state.files.find((f) => f.name === 'app.env')?.kind).toBe('ciphertext');
    expect(runner.state.files.find((f) => f.name === 'app.py')?.kind).toBe('password');
    expect(envCiphertext('X=AQ==')).toBeUndefined();
  });

  it('start-up: AppServer decrypts (one Decrypt, no ViaService); BatchJob gets AccessDeniedException, opened in the decision view', async () => {
    const runner = await start();
    await runner.playThrough('decrypt-at-start-up');
    expect(runner.state.starts.map((s) => [s.as, s.ok, s.errorCode])).toEqual([['AppServer', true, undefined], ['BatchJob', false, 'AccessDeniedException']]);
    const decisions = scenario.decisions!(runner.state);
    expect(decisions).toHaveLength(1);
    expect(decisions[0].decision.result.decision).not.toBe('Allow');
    expect(decisions[0].decision.request.context?.['kms:ViaService']).toBeUndefined();
  });

  it('the app refuses to start with nothing to decrypt, and the form refuses an unknown role', async () => {
    const runner = await start();
    await runner.act({ action: 'start-app', input: { as: 'AppServer' } });
    expect(runner.state.starts).toEqual([{ as: 'AppServer', ok: false, errorCode: 'NoCiphertext' }]);
    expect(() => scenario.actions['start-app'].toEvent({ as: 'root' })).toThrow(/AppServer or BatchJob/);
  });

  it('SecureString: Encrypt and Decrypt made by SSM for alice, with PARAMETER_ARN; the value printed is the password', async () => {
    const runner = await start();
    await runner.playThrough('securestring-parameter');
    const arn = `arn:aws:ssm:eu-west-2:${ACCOUNT}:parameter/payroll/db-password`;
    expect(runner.state.ssmCalls.map((c) => [c.operation, c.encryptionContext.PARAMETER_ARN, c.viaService, c.errorCode])).toEqual([
      ['Encrypt', arn, 'ssm.eu-west-2.amazonaws.com', undefined],
      ['Decrypt', arn, 'ssm.eu-west-2.amazonaws.com', undefined],
    ]);
    expect(runner.state.parameters).toEqual([expect.objectContaining({ name: PARAMETER_NAME, type: 'SecureString', keyId: 'alias/tutorial', atRest: 'kms-ciphertext' })]);
    const printed = messages(runner.events).length;
    expect(printed).toBeGreaterThan(0);
    const lastNote = [...runner.events].reverse().find((e) => e.type === 'note' && e.carries?.some((p) => p.label === 'printed'));
    expect(lastNote?.type === 'note' && lastNote.carries?.[0].preview).toBe(DB_PASSWORD);
  });

  it('aws/ssm lets BatchJob decrypt through SSM; the customer managed key does not', async () => {
    const runner = await start();
    await runner.playThrough('ssm-calls-kms-for-you');
    expect(runner.state.ssmReads.map((r) => [r.name, r.keyId, r.ok, r.errorCode])).toEqual([
      ['/payroll/api-token', 'alias/aws/ssm', true, undefined],
      [PARAMETER_NAME, 'alias/tutorial', false, 'AccessDeniedException'],
    ]);
    const refusal = scenario.decisions!(runner.state).at(-1)!;
    expect(refusal.decision.request.context?.['kms:ViaService']).toBe('ssm.eu-west-2.amazonaws.com');
    expect(runner.state.awsManagedAliases).toContain('alias/aws/ssm');
  });

  it('the services: which key and which calls, by whom', async () => {
    const runner = await start();
    await runner.playThrough('rds-and-redshift');
    const { s3, ebs, rds, redshift } = runner.state.services;
    const calls = (run: typeof s3) => run!.calls.map((c) => `${c.operation}:${c.by}${c.invokedBy ? `@${c.invokedBy}` : ''}`);
    expect(s3).toMatchObject({ keyAlias: 'alias/aws/s3', keyManager: 'AWS' });
    expect(calls(s3)).toEqual(['GenerateDataKey:caller@s3.amazonaws.com', 'Decrypt:caller@s3.amazonaws.com']);
    expect(s3!.calls[0].contextKeys).toEqual(['aws:s3:arn']);
    expect(ebs).toMatchObject({ keyAlias: 'alias/tutorial', keyManager: 'CUSTOMER' });
    expect(calls(ebs)).toEqual(['GenerateDataKeyWithoutPlaintext:caller@ec2.amazonaws.com', 'CreateGrant:caller@ec2.amazonaws.com', 'Decrypt:service']);
    expect(rds).toMatchObject({ keyAlias: 'alias/aws/rds', keyManager: 'AWS' });
    expect(calls(rds)).toEqual(['CreateGrant:caller@rds.amazonaws.com', 'GenerateDataKeyWithoutPlaintext:caller@rds.amazonaws.com', 'Decrypt:service']);
    expect(calls(redshift)).toEqual(['CreateGrant:caller@redshift.amazonaws.com', 'GenerateDataKeyWithoutPlaintext:caller@redshift.amazonaws.com', 'Decrypt:service']);
    expect(redshift!.calls[1].contextKeys).toEqual(['aws:redshift:arn', 'aws:redshift:createtime']);
  }, 30_000);

  it('the audit-log panel is KMS\'s own CloudTrail log: SSM\'s Decrypt for alice with PARAMETER_ARN, and its decisions', async () => {
    const runner = await start();
    await runner.playThrough('securestring-parameter');
    const [panel] = scenario.panels!(runner.state);
    expect(panel.kind).toBe('audit-log');
    if (panel.kind !== 'audit-log') return;
    const viaSsm = panel.events.filter((e) => e.userIdentity.invokedBy === 'ssm.amazonaws.com');
    expect(viaSsm.map((e) => e.eventName)).toEqual(['Encrypt', 'Decrypt']);
    expect(viaSsm[1].requestParameters?.encryptionContext).toEqual({ PARAMETER_ARN: `arn:aws:ssm:eu-west-2:${ACCOUNT}:parameter/payroll/db-password` });
    const refused = panel.events.find((e) => e.errorCode === 'AccessDeniedException')!;
    expect(panel.decisions[refused.eventID]?.length).toBeGreaterThan(0);
    expect(scenario.panels!(runner.state)[0]).toBe(panel);
  });

  it('holdings: the repository holds the password in plaintext after the push; Parameter Store only ciphertext', async () => {
    const runner = await start();
    await runner.playThrough('password-in-code');
    expect(scenario.holdings!(runner.state).rest).toEqual([expect.objectContaining({ kind: 'plaintext', label: 'app.py in Git' })]);
    await runner.playThrough('securestring-parameter');
    expect(scenario.holdings!(runner.state).ssm).toEqual([expect.objectContaining({ kind: 'ciphertext', label: PARAMETER_NAME })]);
  });
});
