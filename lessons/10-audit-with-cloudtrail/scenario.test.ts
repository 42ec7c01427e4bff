/**
 * The audit scenario, run step by step through its own frontmatter (each step's `send`, then its
 * stored `solution`): every named check is false before the step that teaches it and true after;
 * the day leaves in the log exactly the events the prose describes; and each hands-on check
 * grades the learner against the engine's CloudTrail events, not against a fixed answer.
 */
import { describe, expect, it } from 'vitest';
import { itTimesEveryCheck } from '../../test/support/check-timing';
import { loadLesson } from '../../src/lessons/catalogue';
import { createStepRunner } from '../../src/lessons/step-runner';
import type { Lesson } from '../../src/lessons/types';
import scenario, { NOVEMBER_PAYROLL_ARN, ORDER_NOTE, validCount, validReader, type AuditState } from './scenario';
import { eventMentions, failedCalls, refusedWith, whoDecrypted, writeEvents } from './trail';
import { PEOPLE } from './working-day';

const lesson: Lesson = await loadLesson('audit-with-cloudtrail');
const start = () => createStepRunner<AuditState>(lesson);

describe('audit-with-cloudtrail scenario', () => {
  it('has 8 steps in teaching order; each hands-on step awaits a named check, with a hint', () => {
    expect(lesson.steps.map((s) => s.id)).toEqual([
      'a-day-in-the-log', 'reading-an-event', 'calls-through-s3', 'who-decrypted', 'denied-calls', 'read-only-and-management', 'context-is-logged', 'beyond-the-event-history',
    ]);
    const handsOn = lesson.steps.filter((s) => s.handsOn);
    expect(handsOn.map((s) => s.await)).toEqual(['readerFound', 'refusalsCounted', 'contextLogged']);
    for (const step of lesson.steps) expect(step.notes.trim().length, step.id).toBeGreaterThan(100);
    for (const step of handsOn) expect(step.hint?.trim().length, step.id).toBeGreaterThan(40);
  });

  const checkSteps: [keyof typeof scenario.checks, string][] = [
    ['dayReplayed', 'a-day-in-the-log'],
    ['eventRead', 'reading-an-event'],
    ['serviceCallRead', 'calls-through-s3'],
    ['readerFound', 'who-decrypted'],
    ['refusalsCounted', 'denied-calls'],
    ['writesSeparated', 'read-only-and-management'],
    ['contextLogged', 'context-is-logged'],
    ['alarmEventsListed', 'beyond-the-event-history'],
  ];

  itTimesEveryCheck({ steps: lesson.steps, checks: scenario.checks, checkSteps, start });

  it('logs the day as the prose tells it: S3 calls as the person, three refusals, one disabled key', async () => {
    const runner = await start();
    await runner.playThrough('a-day-in-the-log');
    const { trail } = runner.state;
    expect(trail.length).toBe(runner.state.dayEvents);
    expect(whoDecrypted(trail, NOVEMBER_PAYROLL_ARN)).toEqual([PEOPLE.app]);
    expect(refusedWith(trail, 'AccessDeniedException').map((e) => e.userIdentity.arn)).toEqual([PEOPLE.bob, PEOPLE.dave, PEOPLE.carol]);
    expect(failedCalls(trail).map((e) => e.errorCode)).toEqual(['AccessDeniedException', 'AccessDeniedException', 'AccessDeniedException', 'DisabledException']);
    const viaS3 = trail.filter((e) => e.userIdentity.invokedBy);
    expect(viaS3.length).toBeGreaterThan(0);
    for (const e of viaS3) {
      expect(e.userIdentity.invokedBy).toBe('s3.amazonaws.com');
      expect(e.sourceIPAddress).toBe('s3.amazonaws.com');
      expect(e.userAgent).toBe('s3.amazonaws.com');
      expect(Object.keys(e.requestParameters?.encryptionContext as object)).toEqual(['aws:s3:arn']);
    }
    // A direct call comes from the caller's own address and tool.
    const startUp = trail.find((e) => e.eventID === runner.state.marks['app-decrypts-password'])!;
    expect([startUp.sourceIPAddress, startUp.userAgent.split('/')[0]]).toEqual(['198.51.100.20', 'aws-sdk-js']);
    expect([...new Set(writeEvents(trail).map((e) => e.eventName))]).toEqual(['CreateKey', 'CreateAlias', 'EnableKeyRotation', 'DisableKey']);
    // Every event names its key in resources, and no cryptographic call logs a response.
    for (const e of trail) {
      expect(e.resources?.length, e.eventName).toBeGreaterThan(0);
      if (['Encrypt', 'Decrypt', 'GenerateDataKey'].includes(e.eventName)) expect(e.responseElements).toBeNull();
    }
  }, 30_000);

  it('grades the reader and the count against the log: wrong answers leave the steps open', async () => {
    const runner = await start();
    await runner.playThrough('calls-through-s3');
    for (const wrong of ['alice', 'bob', 's3', 'nobody']) {
      await runner.act({ action: 'answer-reader', input: { answer: wrong } });
      expect(runner.check('readerFound'), wrong).toBe(false);
    }
    await runner.act({ action: 'answer-reader', input: { answer: 'app' } });
    expect(runner.check('readerFound')).toBe(true);
    for (const wrong of ['4', '0']) {
      await runner.act({ action: 'count-refusals', input: { count: wrong } });
      expect(runner.check('refusalsCounted'), wrong).toBe(false);
    }
    await runner.act({ action: 'count-refusals', input: { count: '3' } });
    expect(runner.check('refusalsCounted')).toBe(true);
    expect(() => validReader('mallory')).toThrow(/Choose/);
    expect(() => validCount('two')).toThrow(/whole number/);
    expect(() => validCount('-1')).toThrow(/whole number/);
  }, 30_000);

  it('finds the learner\'s context value in plaintext in the Encrypt event, and never the plaintext', async () => {
    const runner = await start();
    await runner.playThrough('read-only-and-management');
    await runner.act({ action: 'log-context', input: { key: 'password', value: 'hunter2-very-secret', plaintext: 'the order note itself' } });
    const call = runner.state.contextCalls.at(-1)!;
    const logged = runner.state.trail.find((e) => e.eventID === call.eventID)!;
    expect(logged.eventName).toBe('Encrypt');
    expect(logged.requestParameters?.encryptionContext).toEqual({ password: 'hunter2-very-secret' });
    expect(JSON.stringify(logged)).not.toContain('the order note itself');
    // The web server decrypts it again with the same context: two events for the flow.
    expect(runner.state.trail.at(-1)?.eventName).toBe('Decrypt');
    expect(runner.check('contextLogged')).toBe(true);
  }, 30_000);

  it('logs the learner\'s own terminal calls as Alice, context and all, and counts them for the step', async () => {
    const runner = await start();
    await runner.playThrough('read-only-and-management');
    await runner.dispatch({ type: 'open-terminal' });
    const chip = lesson.steps.find((s) => s.id === 'context-is-logged')!.chips![0];
    await runner.act({ action: 'terminal', input: { line: chip } });
    expect(runner.state.terminalLines).toEqual([{ line: chip, exitCode: 0 }]);
    const logged = runner.state.trail.at(-1)!;
    expect([logged.eventName, logged.userIdentity.arn, logged.sourceIPAddress]).toEqual(['Encrypt', PEOPLE.alice, '203.0.113.10']);
    expect(logged.requestParameters?.encryptionContext).toEqual({ 'customer-email': 'jo@example.com' });
    expect(eventMentions(logged, ORDER_NOTE)).toBe(false);
    expect(runner.check('contextLogged')).toBe(true);
  }, 30_000);

  it('keeps the step open when the context repeats the plaintext: then the plaintext is in the log', async () => {
    const runner = await start();
    await runner.playThrough('read-only-and-management');
    await runner.act({ action: 'log-context', input: { key: 'note', value: 'meet at noon', plaintext: 'meet at noon' } });
    const logged = runner.state.trail.find((e) => e.eventID === runner.state.contextCalls[0].eventID)!;
    expect(eventMentions(logged, 'meet at noon')).toBe(true);
    expect(runner.check('contextLogged')).toBe(false);
  }, 30_000);

  it('offers the log as an audit-log panel with each call\'s decisions, once there are events', async () => {
    const runner = await start();
    expect(scenario.panels!(runner.state)).toEqual([]);
    await runner.playThrough('a-day-in-the-log');
    const [panel] = scenario.panels!(runner.state);
    if (panel?.kind !== 'audit-log') throw new Error('expected an audit-log panel');
    expect(panel.events.map((e) => e.eventID)).toEqual(runner.state.trail.map((e) => e.eventID));
    const bob = refusedWith(panel.events, 'AccessDeniedException')[0];
    expect(panel.decisions[bob.eventID]?.[0]?.result.decision).toBe('ImplicitDeny');
    // Plain data: it crosses postMessage to a presenter or an embed as it is.
    expect(structuredClone(panel)).toEqual(panel);
    // Unchanged log, same panel; a new event, a new panel with it.
    expect(scenario.panels!(runner.state)[0]).toBe(panel);
    await runner.act({ action: 'log-context', input: { key: 'order', value: 'A-1044', plaintext: 'two kettles' } });
    const [after] = scenario.panels!(runner.state);
    expect(after).not.toBe(panel);
    expect(after.kind === 'audit-log' && after.events.length).toBe(panel.events.length + 2);
  }, 30_000);
});
