/**
 * The key-management scenario, run step by step through its own frontmatter (each step's `send`,
 * then its stored `solution`): every named check is false before the step that teaches it and true
 * after; the key's states and KMS's refusals are the engine's, in AWS's words.
 */
import { describe, expect, it } from 'vitest';
import { itTimesEveryCheck } from '../../test/support/check-timing';
import { itShowsEveryFocusedMessage } from '../../test/support/focused-messages';
import { loadLesson } from '../../src/lessons/catalogue';
import { createStepRunner } from '../../src/lessons/step-runner';
import type { Lesson } from '../../src/lessons/types';
import scenario, { type KeyManagementState } from './scenario';

const lesson: Lesson = await loadLesson('key-management');
const start = () => createStepRunner<KeyManagementState>(lesson);

describe('key-management scenario', () => {
  it('has 7 steps in teaching order; each hands-on step awaits a named check, with a hint', () => {
    expect(lesson.steps.map((s) => s.id)).toEqual([
      'create-and-alias',
      'disable-and-enable',
      'automatic-rotation',
      'rotate-on-demand',
      'schedule-and-cancel',
      'deleted-for-good',
      'three-kinds-and-price',
    ]);
    const handsOn = lesson.steps.filter((s) => s.handsOn);
    expect(handsOn.map((s) => s.await)).toEqual(['disabledThenEnabled', 'deletionCancelled', 'priceEstimated']);
    for (const step of lesson.steps) expect(step.notes.trim().length, step.id).toBeGreaterThan(100);
    for (const step of handsOn) expect(step.hint?.trim().length, step.id).toBeGreaterThan(40);
  });

  const checkSteps: [keyof typeof scenario.checks, string][] = [
    ['keyCreated', 'create-and-alias'],
    ['disabledThenEnabled', 'disable-and-enable'],
    ['rotatedKeepsOldCiphertexts', 'automatic-rotation'],
    ['deletionCancelled', 'schedule-and-cancel'],
    ['deletedForGood', 'deleted-for-good'],
    ['kindsCompared', 'three-kinds-and-price'],
    ['priced', 'three-kinds-and-price'],
    ['priceEstimated', 'three-kinds-and-price'],
  ];

  itTimesEveryCheck({ steps: lesson.steps, checks: scenario.checks, checkSteps, start });

  itShowsEveryFocusedMessage({ steps: lesson.steps, start, timeout: 30_000 });

  it('disable and enable: Encrypt on the disabled key is DisabledException in the engine\'s words; the states follow', async () => {
    const runner = await start();
    await runner.playThrough('disable-and-enable');
    const arn = runner.state.keyArn!;
    expect(runner.state.history.slice(-3).map((a) => [a.operation, a.answer, a.stateAfter])).toEqual([
      ['DisableKey', 'ok', 'Disabled'],
      ['Encrypt', 'DisabledException', 'Disabled'],
      ['EnableKey', 'ok', 'Enabled'],
    ]);
    expect(runner.state.history.at(-2)?.message).toBe(`${arn} is disabled.`);
  });

  it('rotation: two versions after a year, the old record opens with the original material, the new one with the new; on demand adds a third', async () => {
    const runner = await start();
    await runner.playThrough('rotate-on-demand');
    const r = runner.state.rotation!;
    expect(r.versions).toHaveLength(2);
    expect(r.versions[1].rotationType).toBe('AUTOMATIC');
    expect(r.oldDecrypt).toEqual({ ok: true, keyMaterialId: r.firstMaterialId });
    expect(r.newDecrypt.keyMaterialId).toBe(r.versions[1].keyMaterialId);
    expect(r.onDemand).toEqual({ answer: 'ok', versions: 3 });
    expect(runner.state.keyState).toBe('Enabled');
  });

  it('deletion: a 3-day window is the engine\'s ValidationException; pending deletion refuses Encrypt; cancel leaves the key Disabled', async () => {
    const runner = await start();
    await runner.playThrough('schedule-and-cancel');
    const arn = runner.state.keyArn!;
    const tail = runner.state.history.slice(-4);
    expect(tail.map((a) => [a.operation, a.answer, a.stateAfter])).toEqual([
      ['ScheduleKeyDeletion', 'ValidationException', 'Enabled'],
      ['ScheduleKeyDeletion', 'ok', 'PendingDeletion'],
      ['Encrypt', 'KMSInvalidStateException', 'PendingDeletion'],
      ['CancelKeyDeletion', 'ok', 'Disabled'],
    ]);
    expect(tail[0].message).toBe("1 validation error detected: Value '3' at 'pendingWindowInDays' failed to satisfy constraint: Member must have value greater than or equal to 7");
    expect(tail[2].message).toBe(`${arn} is pending deletion.`);
  });

  it('the form refuses a window that is not a whole number before KMS sees it', () => {
    expect(() => scenario.actions['deletion-request'].toEvent({ operation: 'ScheduleKeyDeletion', days: 'soon' })).toThrow(/whole number/);
    expect(scenario.actions['deletion-request'].toEvent({ operation: 'CancelKeyDeletion', days: '' })).toEqual({ type: 'deletion', operation: 'CancelKeyDeletion' });
  });

  it('deleted for good: DescribeKey no longer finds the key, Decrypt of the January record fails', async () => {
    const runner = await start();
    await runner.playThrough('deleted-for-good');
    expect(runner.state.keyState).toBe('deleted');
    expect(runner.state.afterDeletion?.decrypt).not.toBe('ok');
    expect(runner.state.afterDeletion?.decrypt).toMatch(/Exception$/);
  });

  it('three kinds and the price: alias/aws/s3 is AWS managed and rotated; imported material works, then expires to PendingImport; the bill', async () => {
    const runner = await start();
    await runner.playThrough('three-kinds-and-price');
    const kinds = runner.state.kinds!;
    expect(kinds.awsManaged).toEqual({ alias: 'alias/aws/s3', keyManager: 'AWS', rotationEnabled: true });
    expect(kinds.imported).toMatchObject({ stateAfterImport: 'Enabled', encrypt: 'ok', stateAfterExpiry: 'PendingImport', encryptAfterExpiry: 'KMSInvalidStateException' });
    expect(kinds.imported.expiryMessage).toMatch(/ is pending import\.$/);
    // The payroll key is deleted; the imported key is the one customer managed key left, never rotated.
    expect(runner.state.price).toEqual({ customerManaged: 1, awsManaged: 1, rotationsBilled: 0, monthlyDollars: 1 });
  });

  it('the lifecycle panel lights the state the engine reports and marks the machine edge the last change took', async () => {
    const runner = await start();
    const panel = () => {
      const [only] = scenario.panels!(runner.state);
      if (only?.kind !== 'key-lifecycle') throw new Error('no lifecycle panel');
      return { current: only.current, last: only.diagram.edges.find((e) => e.n === only.lastEdge) };
    };
    const seen: [string, string | undefined, string | undefined][] = [];
    for (const step of lesson.steps.slice(0, 6)) {
      await runner.playThrough(step.id);
      const { current, last } = panel();
      seen.push([current, last?.from, last?.cause]);
    }
    expect(seen).toEqual([
      ['Enabled', 'Creating', 'CreateKey'],
      ['Enabled', 'Disabled', 'EnableKey'],
      ['Enabled', 'Disabled', 'EnableKey'],
      ['Enabled', 'Disabled', 'EnableKey'],
      ['Disabled', 'PendingDeletion', 'CancelKeyDeletion'],
      ['Deleted', 'PendingDeletion', 'the end of the waiting period (model clock)'],
    ]);
    expect(runner.state.lifecycle.map((c) => `${c.from}>${c.to} by ${c.by}`)).toEqual([
      'Creating>Enabled by CreateKey',
      'Enabled>Disabled by DisableKey',
      'Disabled>Enabled by EnableKey',
      'Enabled>PendingDeletion by ScheduleKeyDeletion',
      'PendingDeletion>Disabled by CancelKeyDeletion',
      'Disabled>PendingDeletion by ScheduleKeyDeletion',
      'PendingDeletion>deleted by model clock',
    ]);
    await runner.playThrough('three-kinds-and-price');
    expect(scenario.panels!(runner.state).some((p) => p.kind === 'key-lifecycle')).toBe(false);
  }, 30_000);

  it('the price calculator: the bill line by line from the pricing module, only two rotations a key billed, asymmetric requests named but not priced', async () => {
    const runner = await start();
    await runner.playThrough('three-kinds-and-price');
    const [panel] = scenario.panels!(runner.state);
    if (panel?.kind !== 'key-price') throw new Error('no price panel');
    expect(panel.lines.map((l) => [l.item, l.usd])).toEqual([
      ['Customer managed keys', 3],
      ['Rotated key versions', 6],
      ['Symmetric requests', 2.94],
      ['Asymmetric and other requests', undefined],
    ]);
    expect(panel.totalUsd).toBe(11.94);
    expect(panel.lines[2].detail).toBe('1,000,000 − 20,000 free = 980,000 billed × $0.03 per 10,000');
    const third = scenario.actions['estimate-price'].toEvent({ keys: '3', rotations: '3', symmetric: '1,000,000', asymmetric: '5' });
    await runner.dispatch(third);
    expect(runner.state.estimates.at(-1)?.totalUsd).toBe(11.94);
    expect(() => scenario.actions['estimate-price'].toEvent({ keys: '-1', rotations: '0', symmetric: '0', asymmetric: '0' })).toThrow(/whole number/);
    expect(() => scenario.actions['estimate-price'].toEvent({ keys: '2.5', rotations: '0', symmetric: '0', asymmetric: '0' })).toThrow(/whole number/);
  }, 30_000);

  it('holdings show the key state the engine reports, step by step', async () => {
    const runner = await start();
    const stateShown = () => scenario.holdings!(runner.state).kms.find((p) => p.label === 'key state')?.preview;
    await runner.playThrough('create-and-alias');
    expect(stateShown()).toBe('Enabled');
    await runner.playThrough('schedule-and-cancel');
    expect(stateShown()).toBe('Disabled');
    await runner.playThrough('deleted-for-good');
    expect(stateShown()).toBe('deleted');
  });
});
