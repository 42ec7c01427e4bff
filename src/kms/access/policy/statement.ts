import { evaluateCondition, type ConditionEnvironment } from './conditions.ts';
import { awsPrincipalMatches, type PrincipalIdentity } from './principals.ts';
import type { ElementTrace, MatchResult, NormalisedStatement, PolicyKind, PrincipalScope, StatementTrace } from './types.ts';
import { substituteVariables } from './variables.ts';
import { wildcardMatch } from './wildcard.ts';

/**
 * Evaluates one statement against the request, element by element. Every element is evaluated
 * (no short cut) so the trace can show all of them; the statement matches only when every element
 * matches, does not match when any element does not, and is otherwise "not evaluated".
 */
export interface StatementRequest {
  kind: PolicyKind;
  caller: PrincipalIdentity;
  action: string;
  resource: string;
  env: ConditionEnvironment;
}

function principalElement(s: NormalisedStatement, caller: PrincipalIdentity): { trace: ElementTrace; scope: PrincipalScope } {
  if (!s.principal) {
    return { trace: { element: 'Principal', result: 'not-evaluated', reason: 'principal-missing', detail: 'A key policy statement must have a Principal or NotPrincipal.' }, scope: 'none' };
  }
  const { negated, set } = s.principal;
  const element = negated ? 'NotPrincipal' : 'Principal';
  let found: { value: string; scope: 'direct' | 'account'; how: string } | undefined;
  const notes: string[] = [];
  if (set.wildcard) found = { value: '*', scope: 'direct', how: 'any' };
  for (const value of set.AWS) {
    if (value === '*') continue;
    if (value.includes('*') || value.includes('?')) {
      notes.push(`"${value}": wildcards other than a lone "*" never match in a Principal.`);
      continue;
    }
    const m = awsPrincipalMatches(value, caller);
    if (m.result === 'match' && (!found || (found.scope === 'account' && m.scope === 'direct'))) found = { value, scope: m.scope, how: m.how };
  }
  if (!found && caller.kind === 'service' && set.Service.includes(caller.service)) found = { value: caller.service, scope: 'direct', how: 'service' };
  for (const value of [...set.Federated, ...set.CanonicalUser]) notes.push(`"${value}": federated and canonical-user principals are not simulated in KMS Lab; never the caller.`);
  const extra = notes.length ? ` ${notes.join(' ')}` : '';

  if (negated) {
    return found
      ? { trace: { element, result: 'no-match', reason: 'not-principal-excludes', matchedBy: found.value, detail: `NotPrincipal lists ${found.value}, which covers the caller, so the statement does not apply to it.${extra}` }, scope: 'none' }
      : { trace: { element, result: 'match', reason: 'not-principal-allows', detail: `The caller is not among the NotPrincipal values, so the statement applies to it.${extra}` }, scope: 'direct' };
  }
  if (!found) {
    return { trace: { element, result: 'no-match', reason: notes.length && !set.AWS.length && !set.Service.length ? 'principal-type-not-simulated' : 'principal-not-listed', detail: `The caller ${caller.arn} is not in the Principal list.${extra}` }, scope: 'none' };
  }
  const reason = found.how === 'any' ? 'principal-any' : found.how === 'account' ? 'principal-account-matched' : found.how === 'role-session' ? 'principal-role-session-matched' : 'principal-matched';
  const detail =
    found.how === 'any' ? 'The Principal is "*": every principal.'
    : found.how === 'account' ? `${found.value} names the caller's account: an Allow here lets that account's IAM policies grant the permission.`
    : found.how === 'role-session' ? `${found.value} names the role whose session is calling.`
    : `${found.value} names the caller.`;
  return { trace: { element, result: 'match', reason, matchedBy: found.value, detail }, scope: found.scope };
}

function actionElement(s: NormalisedStatement, action: string): ElementTrace {
  if (!s.action) return { element: 'Action', result: 'not-evaluated', reason: 'action-missing', detail: 'The statement has neither Action nor NotAction.' };
  const matchedBy = s.action.patterns.find((p) => wildcardMatch(p, action, { ignoreCase: true }));
  if (s.action.negated) {
    return matchedBy
      ? { element: 'NotAction', result: 'no-match', reason: 'not-action-excludes', matchedBy, detail: `NotAction ${matchedBy} covers ${action}, so the statement does not apply.` }
      : { element: 'NotAction', result: 'match', reason: 'not-action-allows', detail: `${action} is not covered by NotAction, so the statement applies.` };
  }
  return matchedBy
    ? { element: 'Action', result: 'match', reason: 'action-matched', matchedBy, detail: `${action} is matched by ${matchedBy}.` }
    : { element: 'Action', result: 'no-match', reason: 'action-not-listed', detail: `${action} is not matched by ${s.action.patterns.join(', ')}.` };
}

function resourceElement(s: NormalisedStatement, request: StatementRequest): ElementTrace {
  if (!s.resource) return { element: 'Resource', result: 'not-evaluated', reason: 'resource-missing', detail: 'The statement has neither Resource nor NotResource.' };
  let missingVariable: string | undefined;
  const matchedBy = s.resource.patterns.find((p) => {
    const sub = substituteVariables(p, request.env.lookup, request.env.version);
    if (sub.value === undefined) missingVariable ??= sub.missing;
    // In a key policy, "*" means "this key": the policy is attached to exactly one key.
    return sub.value !== undefined && wildcardMatch(sub.value, request.resource);
  });
  if (s.resource.negated) {
    return matchedBy
      ? { element: 'NotResource', result: 'no-match', reason: 'not-resource-excludes', matchedBy, detail: `NotResource ${matchedBy} covers ${request.resource}, so the statement does not apply.` }
      : { element: 'NotResource', result: 'match', reason: 'not-resource-allows', detail: `${request.resource} is not covered by NotResource, so the statement applies.` };
  }
  if (matchedBy) return { element: 'Resource', result: 'match', reason: 'resource-matched', matchedBy, detail: `${request.resource} is matched by ${matchedBy}.` };
  return missingVariable
    ? { element: 'Resource', result: 'no-match', reason: 'resource-variable-missing', detail: `The policy variable \${${missingVariable}} has no value in this request, and no other Resource matches ${request.resource}.` }
    : { element: 'Resource', result: 'no-match', reason: 'resource-not-listed', detail: `${request.resource} is not matched by ${s.resource.patterns.join(', ')}.` };
}

function conditionElement(s: NormalisedStatement, env: ConditionEnvironment): ElementTrace {
  if (s.conditions.length === 0) return { element: 'Condition', result: 'match', reason: 'conditions-none', detail: 'No conditions.' };
  const conditions = s.conditions.map((c) => evaluateCondition(c, env));
  const decisive = conditions.find((c) => c.result === 'no-match') ?? conditions.find((c) => c.result === 'not-evaluated');
  if (!decisive) return { element: 'Condition', result: 'match', reason: 'conditions-all-met', detail: 'Every condition is met.', conditions };
  return { element: 'Condition', result: decisive.result, reason: decisive.reason, detail: decisive.detail, conditions };
}

export function combine(results: MatchResult[]): MatchResult {
  if (results.includes('no-match')) return 'no-match';
  if (results.includes('not-evaluated')) return 'not-evaluated';
  return 'match';
}

export function evaluateStatement(s: NormalisedStatement, request: StatementRequest): StatementTrace {
  const elements: ElementTrace[] = [];
  let principalScope: PrincipalScope = 'direct';
  if (s.problems.length) elements.push({ element: 'Statement', result: 'not-evaluated', reason: 'statement-invalid', detail: s.problems.join(' ') });
  if (request.kind === 'key-policy') {
    const principal = principalElement(s, request.caller);
    elements.push(principal.trace);
    principalScope = principal.scope;
  } else if (s.principal) {
    // Identity policies apply to the identity they are attached to; IAM refuses a Principal in them.
    elements.push({ element: 'Principal', result: 'not-evaluated', reason: 'statement-invalid', detail: 'An identity-based policy cannot contain Principal or NotPrincipal.' });
  }
  elements.push(actionElement(s, request.action), resourceElement(s, request), conditionElement(s, request.env));
  const result = combine(elements.map((e) => e.result));
  const trace: StatementTrace = { index: s.index, effect: s.effect, result, principalScope, elements };
  if (s.sid !== undefined) trace.sid = s.sid;
  return trace;
}
