import { isAlwaysPresentKey, isKnownConditionKey } from './condition-keys.ts';
import { OPERATORS, parseOperator } from './operators.ts';
import type { ConditionClause, ConditionTrace, ContextValue, MatchResult, ReasonCode } from './types.ts';
import { substituteVariables } from './variables.ts';

/**
 * Evaluates one condition clause (operator + key + policy values) against the request context,
 * following IAM's rules: several policy values are OR-ed; a key absent from the request fails a
 * positive operator and satisfies a negated one; `…IfExists` passes when the key is absent;
 * `ForAnyValue` needs one request value to satisfy, `ForAllValues` every one (and passes when the
 * key is absent or empty); `Null` tests presence.
 */
export interface ConditionEnvironment {
  /** Case-insensitive lookup of a context key. */
  lookup: (key: string) => ContextValue | undefined;
  version?: string;
}

function requestValuesOf(value: ContextValue | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return [...value];
  return [String(value)];
}

// policyValues is copied: parsed policies are cached and shared, a trace is handed to views.
function trace(clause: ConditionClause, result: MatchResult, reason: ReasonCode, detail: string, requestValues?: string[], policyValues = [...clause.values]): ConditionTrace {
  const t: ConditionTrace = { operator: clause.operator, key: clause.key, policyValues, result, reason, detail };
  if (requestValues) t.requestValues = requestValues;
  return t;
}

const list = (values: string[]) => values.map((v) => JSON.stringify(v)).join(', ');

function evaluateNull(clause: ConditionClause, present: boolean, requestValues: string[] | undefined): ConditionTrace {
  const wanted = clause.values.map((v) => v.toLowerCase());
  if (!wanted.every((v) => v === 'true' || v === 'false')) {
    return trace(clause, 'not-evaluated', 'condition-value-invalid', 'Null takes "true" (key absent) or "false" (key present).', requestValues);
  }
  const ok = wanted.includes(present ? 'false' : 'true');
  return ok
    ? trace(clause, 'match', 'condition-met', `${clause.key} is ${present ? 'present' : 'absent'}, as Null ${list(clause.values)} requires.`, requestValues)
    : trace(clause, 'no-match', 'condition-value-differs', `${clause.key} is ${present ? 'present' : 'absent'}, but Null ${list(clause.values)} requires otherwise.`, requestValues);
}

export function evaluateCondition(clause: ConditionClause, env: ConditionEnvironment): ConditionTrace {
  const parsed = parseOperator(clause.operator);
  const raw = env.lookup(clause.key);
  const requestValues = requestValuesOf(raw);
  const isNull = parsed.base === 'Null' && !parsed.set && !parsed.ifExists;
  const operator = OPERATORS[parsed.base];
  if (!operator && !isNull) {
    return trace(clause, 'not-evaluated', 'unknown-operator', `The condition operator ${clause.operator} is not simulated in KMS Lab.`, requestValues);
  }
  if (raw === undefined && (!isKnownConditionKey(clause.key) || isAlwaysPresentKey(clause.key))) {
    const why = isAlwaysPresentKey(clause.key)
      ? `${clause.key} is in every real request but was not given to this evaluation.`
      : `The condition key ${clause.key} is not simulated in KMS Lab and the request did not supply it.`;
    return trace(clause, 'not-evaluated', 'unknown-condition-key', why);
  }
  const present = requestValues !== undefined && (!parsed.set || requestValues.length > 0);
  if (isNull) return evaluateNull(clause, present, requestValues);

  // Policy variables: a value whose variable the request lacks can match nothing and is dropped.
  const substituted = clause.values.map((v) => substituteVariables(v, env.lookup, env.version));
  const policyValues = substituted.flatMap((s) => (s.value === undefined ? [] : [s.value]));
  const missingVariable = substituted.find((s) => s.missing)?.missing;
  if (!policyValues.every(operator.validPolicyValue)) {
    return trace(clause, 'not-evaluated', 'condition-value-invalid', `${clause.operator} cannot compare the policy value(s) ${list(policyValues)}.`, requestValues, policyValues);
  }

  if (!present) {
    if (parsed.ifExists) return trace(clause, 'match', 'condition-key-missing-ifexists', `${clause.key} is absent from the request, so ${clause.operator} is satisfied.`, requestValues, policyValues);
    if (parsed.set === 'ForAllValues') return trace(clause, 'match', 'condition-key-missing', `${clause.key} has no values in the request, and ForAllValues is satisfied by an empty set.`, requestValues, policyValues);
    if (parsed.set === 'ForAnyValue') return trace(clause, 'no-match', 'condition-key-missing', `${clause.key} has no values in the request, so ForAnyValue finds none that match.`, requestValues, policyValues);
    if (operator.negated) return trace(clause, 'match', 'condition-key-missing-negated', `${clause.key} is absent from the request, which satisfies the negated operator ${clause.operator}.`, requestValues, policyValues);
    return trace(clause, 'no-match', 'condition-key-missing', `${clause.key} is absent from the request.`, requestValues, policyValues);
  }

  if (policyValues.length === 0 && missingVariable) {
    return trace(clause, 'no-match', 'condition-variable-missing', `The policy variable \${${missingVariable}} has no value in this request.`, requestValues, policyValues);
  }
  // One request value satisfies the clause when it matches any policy value (positive operators)
  // or none of them (negated operators).
  const satisfies = (r: string) => policyValues.some((p) => operator.compare(p, r) === true) !== operator.negated;
  const values = requestValues as string[];
  const ok = parsed.set === 'ForAllValues' ? values.every(satisfies) : parsed.set === 'ForAnyValue' ? values.some(satisfies) : operator.negated ? values.every(satisfies) : values.some(satisfies);
  const relation = operator.negated ? 'none of' : 'one of';
  return ok
    ? trace(clause, 'match', 'condition-met', `${clause.key} = ${list(values)} satisfies ${clause.operator} (${relation} ${list(policyValues)}).`, values, policyValues)
    : trace(clause, 'no-match', 'condition-value-differs', `${clause.key} = ${list(values)} does not satisfy ${clause.operator} (${relation} ${list(policyValues)}).`, values, policyValues);
}
