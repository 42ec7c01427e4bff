/**
 * The quotas scenario, run step by step through its own frontmatter (each step's `send`, then its
 * stored `solution`): every named check is false before the step that teaches it and true after;
 * throttling is the KMS engine's own, in AWS's words; each step's results reach the panels; and
 * every step computes in well under a second.
 */
import { describe, expect, it } from 'vitest';
import { itTimesEveryCheck } from '../../test/support/check-timing';
import { loadLesson } from '../../src/lessons/catalogue';
import { createStepRunner } from '../../src/lessons/step-runner';
import { createLessonPlayer } from '../../src/lessons/player/player';
import type { Lesson, ScenarioPanel } from '../../src/lessons/types';
import type { MessageEvent, SimEvent } from '../../src/sim/core/events';
import scenario, { BURST, panelsFor, REQUESTED_QUOTA, type QuotasState } from './scenario';
import { failedCalls, GENERATE_DATA_KEY_BOUND, LESSON_QUOTA } from './traffic-runs';

const lesson: Lesson = await loadLesson('quotas-and-backoff');
const start = () => createStepRunner<QuotasState>(lesson);
const messages = (events: readonly SimEvent[]) => events.filter((e): e is MessageEvent => e.type === 'message');
/** Each panel as "id:chart type[/measure]" (this lesson shows only traffic charts). */
const charts = (panels: ScenarioPanel[]) =>
  panels.map((p) => (p.kind !== 'traffic-chart' ? `${p.id}:${p.kind}` : `${p.id}:${p.chart.type}${p.chart.type === 'kms-load' ? `/${p.chart.measure}` : ''}`));

describe('quotas-and-backoff scenario', () => {
  it('has 7 steps in teaching order; each hands-on step awaits a named check, with a hint; every step has notes', () => {
    expect(lesson.steps.map((s) => s.id)).toEqual(['under-load', 'shared-quota', 'exponential-backoff', 'thundering-herd', 'retry-modes', 'data-key-caching', 'quota-increase']);
    const handsOn = lesson.steps.filter((s) => s.handsOn);
    expect(handsOn.map((s) => s.await)).toEqual(['jitterSpreadsHerd', 'noCallFailed', 'cachingCutsCalls']);
    for (const step of lesson.steps) expect(step.notes.trim().length, step.id).toBeGreaterThan(100);
    for (const step of handsOn) expect(step.hint?.trim().length, step.id).toBeGreaterThan(40);
  });

  const checkSteps: [string, string][] = [
    ['throttledUnderLoad', 'under-load'],
    ['sharedQuotaSeen', 'shared-quota'],
    ['backoffRetried', 'exponential-backoff'],
    ['jitterSpreadsHerd', 'thundering-herd'],
    ['noCallFailed', 'retry-modes'],
    ['cachingCutsCalls', 'data-key-caching'],
    ['quotaRaised', 'quota-increase'],
  ];

  itTimesEveryCheck({ steps: lesson.steps, checks: scenario.checks, checkSteps, start });

  it('shows every message a step focuses on, and each step computes in well under a second', async () => {
    const runner = await start();
    for (const step of lesson.steps) {
      const began = performance.now();
      await runner.playThrough(step.id);
      expect(performance.now() - began, `${step.id} took too long`).toBeLessThan(1000);
      const labels = new Set(messages(runner.events).map((m) => m.label));
      for (const label of step.focus?.messages ?? []) expect(labels, `${step.id} focuses on "${label}"`).toContain(label);
    }
  }, 30_000);

  it('the burst: the engine answers the first 100 Encrypt calls of a second and throttles the rest with AWS\'s ThrottlingException', async () => {
    const runner = await start();
    await runner.playThrough('under-load');
    expect(runner.state.burst).toMatchObject({ sent: BURST, succeeded: LESSON_QUOTA, throttled: BURST - LESSON_QUOTA });
    expect(runner.state.burst?.firstThrottle).toEqual({
      operation: 'Encrypt',
      answer: 'ThrottlingException',
      status: 400,
      message: 'You have exceeded the rate at which you may call KMS. Reduce the frequency of your calls.',
    });
    const spike = runner.state.runs[0].result;
    expect(spike.totals.throttles).toBeGreaterThan(0);
    expect(failedCalls(spike)).toBe(spike.totals.throttles); // no retries: every throttle is a failed call
    expect(charts(panelsFor(runner.state))).toEqual(['spike-attempts:kms-load/attempts']);
  });

  it('the shared quota: cryptographic operations are throttled in the second Encrypt used up; management operations are not', async () => {
    const runner = await start();
    await runner.playThrough('shared-quota');
    expect(runner.state.shared?.map((a) => [a.operation, a.answer])).toEqual([
      ['Decrypt', 'ThrottlingException'],
      ['GenerateDataKey', 'ThrottlingException'],
      ['GenerateRandom', 'ThrottlingException'],
      ['ReEncrypt', 'ThrottlingException'],
      ['DescribeKey', 'ok'],
      ['ListAliases', 'ok'],
    ]);
    expect(panelsFor(runner.state)).toEqual([]);
  });

  it('exponential backoff: a throttled request waits 100, 200, 400, 800 ms; more calls succeed than without retries, with more attempts', async () => {
    const runner = await start();
    await runner.playThrough('exponential-backoff');
    const [none, backoff] = runner.state.runs.map((r) => r.result);
    const waits = backoff.trace.filter((a) => a.next.kind === 'retry').map((a) => (a.next.kind === 'retry' ? a.next.delayMs : 0));
    expect(new Set(waits)).toEqual(new Set([100, 200, 400, 800]));
    expect(backoff.totals.successes).toBeGreaterThan(none.totals.successes);
    expect(backoff.totals.attempts).toBeGreaterThan(2 * backoff.totals.started);
    expect(failedCalls(backoff)).toBeGreaterThan(0);
    const notes = runner.events.filter((e) => e.type === 'note').map((e) => (e.type === 'note' ? e.text : ''));
    expect(notes).toContain('backs off 100 ms, then sends attempt 2');
  });

  it('the herd: jitter finishes sooner with fewer writes; no backoff finishes fast with more; the charts follow the learner', async () => {
    const runner = await start();
    await runner.playThrough('exponential-backoff');
    await runner.dispatch({ type: 'study' });
    expect(charts(panelsFor(runner.state))).toEqual(['herd:backoff-timeline', 'study-calls:backoff-study', 'study-time:backoff-study']);
    await runner.act({ action: 'try-strategy', input: { strategy: 'none' } });
    expect(runner.check('jitterSpreadsHerd')).toBe(false);
    for (const strategy of ['full', 'equal', 'decorrelated']) {
      await runner.act({ action: 'try-strategy', input: { strategy } });
      expect(runner.check('jitterSpreadsHerd'), strategy).toBe(true);
    }
    expect(charts(panelsFor(runner.state))).toEqual(['herd:backoff-timeline', 'herd-try:backoff-timeline', 'study-calls:backoff-study', 'study-time:backoff-study']);
    expect(runner.state.study?.points).toHaveLength(25);
  });

  it('retry modes: standard with 3 attempts leaves failed calls; adaptive gets every call through; the panels show inside the clients', async () => {
    const runner = await start();
    await runner.playThrough('thundering-herd');
    await runner.act({ action: 'run-spike', input: { mode: 'standard', maxAttempts: '3', jitter: 'full' } });
    expect(runner.check('noCallFailed')).toBe(false);
    expect(charts(panelsFor(runner.state))).toEqual(['retry-attempts:kms-load/attempts', 'retry-tokens:kms-load/retry-quota']);
    await runner.act({ action: 'run-spike', input: { mode: 'adaptive', maxAttempts: '3', jitter: 'full' } });
    expect(runner.check('noCallFailed')).toBe(true);
    expect(charts(panelsFor(runner.state))).toEqual(['retry-attempts:kms-load/attempts', 'retry-rate:kms-load/adaptive-rate', 'retry-tokens:kms-load/retry-quota']);
    const [standard, adaptive] = runner.state.retryRuns.map((r) => r.result.totals);
    expect(adaptive.throttles).toBeLessThan(standard.throttles);
    expect(() => scenario.actions['run-spike'].toEvent({ mode: 'standard', maxAttempts: 'lots' })).toThrow('Type the maximum attempts: a whole number from 1 to 10.');
  });

  it('caching: the browser example\'s 10 messages per key is not enough; a 5-second max age with 1,000 messages makes 12 calls and a smaller bill', async () => {
    const runner = await start();
    await runner.playThrough('retry-modes');
    await runner.act({ action: 'encrypt-with-cache', input: { maxAgeSeconds: '60', maxMessages: '10' } });
    expect(runner.state.caching.at(-1)?.result.generateDataKeyWithCaching).toBe(900);
    expect(runner.check('cachingCutsCalls')).toBe(false);
    await runner.act({ action: 'encrypt-with-cache', input: { maxAgeSeconds: '5', maxMessages: '1000' } });
    const result = runner.state.caching.at(-1)!.result;
    expect(result.generateDataKeyWithCaching).toBe(12);
    expect(result.generateDataKeyWithCaching).toBeLessThanOrEqual(GENERATE_DATA_KEY_BOUND);
    expect(result.kmsCallsWithoutCaching).toBe(9000);
    expect(result.month.withCaching.totalUsd).toBeLessThan(result.month.withoutCaching.totalUsd);
    expect(charts(panelsFor(runner.state))).toEqual(['caching:caching']);
    expect(() => scenario.actions['encrypt-with-cache'].toEvent({ maxAgeSeconds: '0', maxMessages: '10' })).toThrow(/max age/);
  });

  it('hands the player the same panels until a run is added, so the page keeps its charts', async () => {
    const runner = await start();
    await runner.playThrough('thundering-herd');
    const shown = scenario.panels!(runner.state);
    expect(scenario.panels!(runner.state)).toBe(shown);
    await runner.act({ action: 'try-strategy', input: { strategy: 'equal' } });
    const after = scenario.panels!(runner.state);
    expect(after).not.toBe(shown);
    expect(charts(after)).toContain('herd-try:backoff-timeline');
  });

  it('in the player, which asks for panels at every event of a run, each run still ends with its own charts', async () => {
    const player = createLessonPlayer(lesson, { startAt: 'retry-modes' });
    // Until the learner runs the spike, the step shows no charts (not the herd's from the step before).
    expect((await player.settled()).panels).toBeUndefined();
    await player.act({ action: 'run-spike', input: { mode: 'standard', maxAttempts: '3', jitter: 'full' } });
    expect(charts(player.getSnapshot().panels ?? [])).toEqual(['retry-attempts:kms-load/attempts', 'retry-tokens:kms-load/retry-quota']);
    player.next();
    await player.settled();
    await player.act({ action: 'encrypt-with-cache', input: { maxAgeSeconds: '5', maxMessages: '1000' } });
    expect(charts(player.getSnapshot().panels ?? [])).toEqual(['caching:caching']);
    player.next();
    await player.settled();
    expect(charts(player.getSnapshot().panels ?? [])).toEqual(['increase-attempts:kms-load/attempts']);
    player.stop();
  }, 30_000);

  it('the quota increase: the engine\'s quota is raised, and the spike runs without a throttle', async () => {
    const runner = await start();
    await runner.playThrough('quota-increase');
    expect(runner.state.quotaPerSecond).toBe(REQUESTED_QUOTA);
    expect(runner.state.increase?.run.result.totals.throttles).toBe(0);
    expect(runner.state.increase?.run.quotaPerSecond).toBe(REQUESTED_QUOTA);
    expect(scenario.holdings!(runner.state).kms.find((p) => p.label === 'symmetric quota')?.preview).toBe('300 requests/s');
    expect(charts(panelsFor(runner.state))).toEqual(['increase-attempts:kms-load/attempts']);
  });
});
