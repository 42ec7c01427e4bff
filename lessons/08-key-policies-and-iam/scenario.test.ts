/**
 * The key-policies scenario, run step by step through its own frontmatter (each step's `send`,
 * then its stored `solution`): every named check is false before the step that teaches it and
 * true after; every puzzle's answer is the policy engine's recorded decision, with its path.
 */
import { describe, expect, it } from 'vitest';
import { itTimesEveryCheck } from '../../test/support/check-timing';
import { loadLesson } from '../../src/lessons/catalogue';
import { createStepRunner } from '../../src/lessons/step-runner';
import type { Lesson } from '../../src/lessons/types';
import scenario, { BROKEN_CONDITION_STATEMENT, FIXED_CONDITION_STATEMENT, reportsPolicy, validStatement, type KeyPoliciesState } from './scenario';

const lesson: Lesson = await loadLesson('key-policies-and-iam');
const start = () => createStepRunner<KeyPoliciesState>(lesson);
const outcome = (state: KeyPoliciesState, name: string) => {
  const a = state.attempts.find((x) => x.name === name);
  return a && [a.decision, a.path, a.code ?? 'ok'];
};

describe('key-policies-and-iam scenario', () => {
  it('has 7 steps in teaching order; each hands-on step awaits a named check, with a hint', () => {
    expect(lesson.steps.map((s) => s.id)).toEqual(['default-policy', 'administrators-and-users', 'fix-no-delegation', 'cross-account-and-deny', 'grants', 'conditions', 'evaluation-order']);
    const handsOn = lesson.steps.filter((s) => s.handsOn);
    expect(handsOn.map((s) => s.await)).toEqual(['vaultFixed', 'conditionsFixed']);
    for (const step of lesson.steps) expect(step.notes.trim().length, step.id).toBeGreaterThan(100);
    for (const step of handsOn) expect(step.hint?.trim().length, step.id).toBeGreaterThan(40);
  });

  it('stores the walkthrough statement of step "conditions" as the scenario exports it', () => {
    const step = lesson.steps.find((s) => s.id === 'conditions')!;
    expect(JSON.parse(step.solution![0].input!.statement)).toEqual(JSON.parse(FIXED_CONDITION_STATEMENT));
  });

  const checkSteps: [keyof typeof scenario.checks, string][] = [
    ['iamCountsWithDefaultPolicy', 'default-policy'],
    ['rolesAreSeparated', 'administrators-and-users'],
    ['vaultDeniesIamAlone', 'fix-no-delegation'],
    ['vaultFixed', 'fix-no-delegation'],
    ['bothAccountsAndDenyWins', 'cross-account-and-deny'],
    ['grantUntilRetired', 'grants'],
    ['conditionsFixed', 'conditions'],
    ['decisionsSummarized', 'evaluation-order'],
  ];

  itTimesEveryCheck({ steps: lesson.steps, checks: scenario.checks, checkSteps, start });

  it('decides every puzzle on the engine\'s path, with AWS\'s exception', async () => {
    const runner = await start();
    await runner.playThrough('conditions');
    const { state } = runner;
    expect(outcome(state, 'bob-default-no-iam')).toEqual(['ImplicitDeny', 'key-policy-delegates-but-iam-lacks', 'AccessDeniedException']);
    expect(outcome(state, 'bob-default-with-iam')).toEqual(['Allow', 'key-policy-and-iam-allow', 'ok']);
    expect(outcome(state, 'kim-decrypts')?.[0]).toBe('ImplicitDeny');
    expect(outcome(state, 'app-deletes')?.[0]).toBe('ImplicitDeny');
    expect(outcome(state, 'bob-vault-before')).toEqual(['ImplicitDeny', 'key-policy-does-not-delegate', 'AccessDeniedException']);
    expect(outcome(state, 'dana-iam-only')).toEqual(['ImplicitDeny', 'cross-account-key-policy-lacks', 'AccessDeniedException']);
    expect(outcome(state, 'dana-key-policy-only')).toEqual(['ImplicitDeny', 'cross-account-iam-lacks', 'AccessDeniedException']);
    expect(outcome(state, 'bob-explicit-deny')).toEqual(['ExplicitDeny', 'explicit-deny-key-policy', 'AccessDeniedException']);
    expect(state.attempts.find((a) => a.name === 'bob-explicit-deny')?.decidedBy).toContain('NeverBob');
    expect(outcome(state, 'carol-with-grant')).toEqual(['Allow', 'grant-allows', 'ok']);
    expect(outcome(state, 'carol-after-retire')?.[0]).toBe('ImplicitDeny');
    expect(outcome(state, 'app-reports-via-s3-before')?.[0]).toBe('ImplicitDeny');
    // Every refusal is offered to the decision view, as the engine recorded it.
    const denied = state.attempts.filter((a) => a.decision !== 'Allow').length;
    expect(scenario.decisions!(state).filter((d) => d.decision.result.decision !== 'Allow')).toHaveLength(denied);
  }, 30_000);

  it('more IAM or the wrong action does not open the vault; a key policy change does', async () => {
    for (const [fix, decision] of [['more-iam', 'ImplicitDeny'], ['bob-encrypt', 'ImplicitDeny'], ['enable-iam', 'Allow'], ['bob-in-key-policy', 'Allow']] as const) {
      const runner = await start();
      await runner.playThrough('administrators-and-users');
      await runner.dispatch({ type: 'no-delegation' });
      await runner.act({ action: 'fix-vault', input: { fix } });
      expect(outcome(runner.state, `bob-vault-after-${fix}`)?.[0], fix).toBe(decision);
      expect(runner.check('vaultFixed'), fix).toBe(decision === 'Allow');
    }
  }, 60_000);

  it('refuses a malformed statement before the world changes, and a statement without conditions does not complete the step', async () => {
    expect(() => validStatement('{"Effect":"Allow"')).toThrow(/not valid JSON/);
    expect(reportsPolicy('{"Effect":"Allow","Action":"kms:Decrypt","Resource":"*"}').problems.join(' ')).toMatch(/Principal/);
    expect(reportsPolicy(BROKEN_CONDITION_STATEMENT).problems).toEqual([]);
    const runner = await start();
    await runner.playThrough('grants');
    await runner.dispatch({ type: 'conditions-puzzle' });
    const open = JSON.stringify({ Sid: 'Open', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/report-app' }, Action: 'kms:Decrypt', Resource: '*' });
    await runner.act({ action: 'edit-statement', input: { statement: open } });
    expect(outcome(runner.state, 'app-reports-via-s3-after')?.[0]).toBe('Allow');
    expect(outcome(runner.state, 'app-reports-direct-after')?.[0]).toBe('Allow');
    expect(runner.check('conditionsFixed')).toBe(false);
  }, 30_000);

  it('shows on the diagram which IAM policies each person has, as the lesson attaches them', async () => {
    const runner = await start();
    const bobIam = () => scenario.holdings!(runner.state).bob.find((p) => p.label === 'IAM policies')?.preview;
    expect(bobIam()).toBe('none');
    await runner.playThrough('default-policy');
    expect(bobIam()).toBe('BobDecryptsAnyKey');
  }, 30_000);
});
