/**
 * The words the decision view uses for the engine's trace: the decision, each evaluation step as a
 * question and its answer, each statement's status and each element's result. Every status has a
 * symbol AND a word, so nothing is said by colour alone.
 */
import type {
  ContextValue, Decision, DecisiveRef, EvaluationStep, KmsAccessResult, MatchResult, PolicyTrace, StatementTrace, StepName,
} from '../../kms/index.ts';

export const DECISION_WORDS: Record<Decision, { title: string; symbol: string; tone: 'allow' | 'deny' }> = {
  Allow: { title: 'Allowed', symbol: '✓', tone: 'allow' },
  ExplicitDeny: { title: 'Denied by an explicit deny', symbol: '✗', tone: 'deny' },
  ImplicitDeny: { title: 'Denied: nothing allows it (implicit deny)', symbol: '✗', tone: 'deny' },
};

/** Each step of AWS's evaluation order as the question it asks (long for the list, short for the chart). */
export const STEP_QUESTIONS: Record<StepName, { long: string; short: string }> = {
  'explicit-deny': { long: 'Does any policy explicitly deny this request?', short: 'Explicit Deny in any policy?' },
  'key-policy-allows-principal': { long: 'Does the key policy allow the caller by name?', short: 'Key policy allows the caller?' },
  'key-policy-delegates-to-iam': {
    long: "Does the key policy allow the caller's account, so that its IAM policies count?",
    short: 'Key policy allows the account (delegates to IAM)?',
  },
  'identity-policy-allows': { long: "Does one of the caller's IAM policies allow the action on this key?", short: 'IAM policy allows the action?' },
  'grant-allows': { long: 'Does a grant give the caller this operation?', short: 'A grant allows the operation?' },
};

export const answerWord = (outcome: EvaluationStep['outcome']): string => (outcome === 'yes' ? 'Yes' : outcome === 'no' ? 'No' : 'Not needed');

/** Where the path ends: one of the flowchart's end boxes. */
export type Ending = 'deny-explicit' | 'allow-key-policy' | 'allow-key-policy-and-iam' | 'allow-grant' | 'deny-implicit';

export function endingOf(result: KmsAccessResult): Ending {
  switch (result.trace.path) {
    case 'explicit-deny-key-policy':
    case 'explicit-deny-identity-policy':
      return 'deny-explicit';
    case 'key-policy-allows-principal':
      return 'allow-key-policy';
    case 'key-policy-and-iam-allow':
      return 'allow-key-policy-and-iam';
    case 'grant-allows':
      return 'allow-grant';
    default:
      return 'deny-implicit';
  }
}

export const ENDING_WORDS: Record<Ending, string> = {
  'deny-explicit': 'Denied: explicit deny',
  'allow-key-policy': 'Allowed by the key policy',
  'allow-key-policy-and-iam': 'Allowed: key policy and IAM',
  'allow-grant': 'Allowed by a grant',
  'deny-implicit': 'Denied: implicit deny',
};

export interface StatusWords {
  label: string;
  symbol: string;
  tone: 'allow' | 'deny' | 'none' | 'unknown';
}

/** A statement's status in words. A Deny the engine could not evaluate still counts (no false allow). */
export function statementStatus(s: StatementTrace): StatusWords {
  if (s.result === 'no-match') return { label: 'No match', symbol: '–', tone: 'none' };
  if (s.result === 'not-evaluated') {
    return s.effect === 'Deny'
      ? { label: 'Not evaluated: counted as denying', symbol: '?', tone: 'unknown' }
      : { label: 'Not evaluated: never counted as allowing', symbol: '?', tone: 'unknown' };
  }
  if (s.effect === 'Deny') return { label: 'Denies', symbol: '✗', tone: 'deny' };
  return s.principalScope === 'account'
    ? { label: "Allows the caller's account: IAM policies decide", symbol: '✓', tone: 'allow' }
    : { label: 'Allows', symbol: '✓', tone: 'allow' };
}

export const RESULT_WORDS: Record<MatchResult, { label: string; symbol: string }> = {
  match: { label: 'matches', symbol: '✓' },
  'no-match': { label: 'does not match', symbol: '✗' },
  'not-evaluated': { label: 'not evaluated', symbol: '?' },
};

/** "Statement "Sid"" or "Statement 2" (numbered from 1, as a person counts). */
export const statementName = (s: { sid?: string; index: number }): string => (s.sid ? `Statement "${s.sid}"` : `Statement ${s.index + 1}`);

export function policyHeading(policy: PolicyTrace): string {
  return policy.kind === 'key-policy' ? 'Key policy' : `IAM policy: ${policy.name}`;
}

/** Whether this statement is among those that decided the request. */
export function isDecisive(decisive: readonly DecisiveRef[], policy: PolicyTrace, s: StatementTrace): boolean {
  return decisive.some((r) => r.source === policy.kind && r.policyName === policy.name && r.index === s.index);
}

export const contextValueText = (value: ContextValue): string => (Array.isArray(value) ? value.join(', ') : String(value));

/** "absent" when the request did not have the key at all, otherwise the values in quotes. */
export const valuesText = (values: readonly string[] | undefined): string =>
  values === undefined ? 'absent from the request' : values.length === 0 ? 'no values' : values.map((v) => `"${v}"`).join(', ');

export interface PathEntry {
  id: StepName | Ending;
  /** The question (or, for the end, the outcome) in full words. */
  text: string;
  answer?: string;
  detail?: string;
}

/**
 * The path the request took, as the flowchart numbers it and the text version lists it: every
 * question asked, in order, with its answer, then where it ended. `notNeeded` are the steps the
 * evaluation did not need, with why.
 */
export function takenPath(result: KmsAccessResult): { taken: PathEntry[]; notNeeded: PathEntry[] } {
  const { steps } = result.trace;
  const asked = steps.filter((s) => s.outcome !== 'skipped');
  const ending = endingOf(result);
  return {
    taken: [
      ...asked.map((s) => ({ id: s.step, text: STEP_QUESTIONS[s.step].long, answer: answerWord(s.outcome), detail: s.detail })),
      { id: ending, text: ENDING_WORDS[ending] },
    ],
    notNeeded: steps.filter((s) => s.outcome === 'skipped').map((s) => ({ id: s.step, text: STEP_QUESTIONS[s.step].long, detail: s.detail })),
  };
}
