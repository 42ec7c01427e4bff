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

/**
 * The questions of the flowchart: AWS's evaluation steps, plus whether KMS performs the action
 * across accounts at all (a rule the engine applies before the key policy for another account's key).
 */
export type Question = StepName | 'cross-account-capable';

/** Each question as it is asked (long for the list, short for the chart). */
export const STEP_QUESTIONS: Record<Question, { long: string; short: string }> = {
  'explicit-deny': { long: 'Does any policy explicitly deny this request?', short: 'Explicit Deny in any policy?' },
  'cross-account-capable': { long: "Does KMS perform this operation on another account's key?", short: 'KMS does this across accounts?' },
  'key-policy-allows-principal': { long: 'Does the key policy allow the caller by name?', short: 'Key policy allows the caller?' },
  'key-policy-delegates-to-iam': {
    long: "Does the key policy allow the caller's account, so that its IAM policies count?",
    short: 'Key policy delegates to IAM?',
  },
  'identity-policy-allows': { long: "Does one of the caller's IAM policies allow the action?", short: 'IAM policy allows the action?' },
  'grant-allows': { long: 'Does a grant give the caller this operation?', short: 'A grant allows the operation?' },
};

export const answerWord = (outcome: EvaluationStep['outcome']): string => (outcome === 'yes' ? 'Yes' : outcome === 'no' ? 'No' : 'Not needed');

/** Where the path ends: one of the flowchart's end boxes. */
export type Ending = 'deny-explicit' | 'deny-not-across-accounts' | 'allow-key-policy' | 'allow-key-policy-and-iam' | 'allow-iam-only' | 'allow-grant' | 'deny-implicit';

export function endingOf(result: KmsAccessResult): Ending {
  switch (result.trace.path) {
    case 'explicit-deny-key-policy':
    case 'explicit-deny-identity-policy':
      return 'deny-explicit';
    case 'cross-account-operation-not-supported':
      return 'deny-not-across-accounts';
    case 'key-policy-allows-principal':
      return 'allow-key-policy';
    case 'key-policy-and-iam-allow':
      return 'allow-key-policy-and-iam';
    case 'keyless-iam-allows':
      return 'allow-iam-only';
    case 'grant-allows':
      return 'allow-grant';
    default:
      return 'deny-implicit';
  }
}

export const ENDING_WORDS: Record<Ending, string> = {
  'deny-explicit': 'Denied: explicit deny',
  'deny-not-across-accounts': 'Denied: not across accounts',
  'allow-key-policy': 'Allowed by the key policy',
  'allow-key-policy-and-iam': 'Allowed: key policy and IAM',
  'allow-iam-only': 'Allowed by IAM alone',
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
  id: Question | Ending;
  /** The question (or, for the end, the outcome) in full words. */
  text: string;
  answer?: string;
  detail?: string;
}

/** For another account's key: whether KMS performs the action across accounts at all. */
function crossAccountEntry(result: KmsAccessResult): PathEntry & { asked: boolean } {
  const { path, request } = result.trace;
  const base = { id: 'cross-account-capable' as const, text: STEP_QUESTIONS['cross-account-capable'].long };
  if (endingOf(result) === 'deny-explicit') return { ...base, asked: false, detail: 'Not needed: the decision was already made.' };
  return path === 'cross-account-operation-not-supported'
    ? { ...base, asked: true, answer: 'No', detail: `KMS performs ${request.action} only on keys of the caller's own account.` }
    : { ...base, asked: true, answer: 'Yes', detail: `KMS performs ${request.action} on another account's key when both accounts' policies allow it.` };
}

/**
 * The path the request took, as the flowchart numbers it and the text version lists it: every
 * question asked, in order, with its answer, then where it ended. `notNeeded` are the questions
 * the evaluation did not need, with why.
 */
export function takenPath(result: KmsAccessResult): { taken: PathEntry[]; notNeeded: PathEntry[] } {
  const { steps, request } = result.trace;
  const entry = (s: EvaluationStep): PathEntry => ({ id: s.step, text: STEP_QUESTIONS[s.step].long, answer: answerWord(s.outcome), detail: s.detail });
  const taken: PathEntry[] = [];
  const notNeeded: PathEntry[] = [];
  for (const s of steps) {
    if (s.outcome === 'skipped') notNeeded.push({ id: s.step, text: STEP_QUESTIONS[s.step].long, detail: s.detail });
    else taken.push(entry(s));
    if (s.step === 'explicit-deny' && request.crossAccount) {
      const { asked, ...crossAccount } = crossAccountEntry(result);
      (asked ? taken : notNeeded).push(crossAccount);
    }
  }
  const ending = endingOf(result);
  taken.push({ id: ending, text: ENDING_WORDS[ending] });
  return { taken, notNeeded };
}
