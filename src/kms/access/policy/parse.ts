import type { ConditionClause, NormalisedPolicy, NormalisedStatement, ParseResult, PolicyInput, PrincipalSet } from './types.ts';

/**
 * Reads a policy document (JSON text or object) into one normalised shape: Statement always a
 * list, every single-or-list element a list, condition blocks flattened to clauses. Grammar
 * problems are recorded per statement instead of failing the document, so the trace can show the
 * rest; only unreadable JSON or a missing Statement fails the whole document.
 */

const PRINCIPAL_TYPES = ['AWS', 'Service', 'Federated', 'CanonicalUser'] as const;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** IAM accepts a string or a list of strings wherever a list is meant; anything else is a problem. */
function stringList(value: unknown, element: string, problems: string[]): string[] {
  const items = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  for (const item of items) {
    if (typeof item === 'string') out.push(item);
    else problems.push(`${element} must be a string or a list of strings.`);
  }
  return out;
}

function readPrincipal(value: unknown, element: string, problems: string[]): PrincipalSet {
  const set: PrincipalSet = { wildcard: false, AWS: [], Service: [], Federated: [], CanonicalUser: [] };
  if (value === '*') return { ...set, wildcard: true };
  if (!isRecord(value)) {
    problems.push(`${element} must be "*" or an object such as {"AWS": "<arn>"}.`);
    return set;
  }
  for (const [type, values] of Object.entries(value)) {
    const known = PRINCIPAL_TYPES.find((t) => t === type);
    if (!known) {
      problems.push(`${element} has an unknown principal type "${type}".`);
      continue;
    }
    set[known] = stringList(values, `${element}.${type}`, problems);
    if (known === 'AWS' && set.AWS.includes('*')) set.wildcard = true;
  }
  return set;
}

/** Condition values: JSON booleans and numbers are compared as their text, as IAM does. */
function conditionValues(value: unknown, where: string, problems: string[]): string[] {
  const items = Array.isArray(value) ? value : [value];
  return items.flatMap((item) => {
    if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') return [String(item)];
    problems.push(`${where} values must be strings, numbers or booleans.`);
    return [];
  });
}

function readConditions(value: unknown, problems: string[]): ConditionClause[] {
  if (value === undefined) return [];
  if (!isRecord(value)) {
    problems.push('Condition must be an object of operators.');
    return [];
  }
  const clauses: ConditionClause[] = [];
  for (const [operator, block] of Object.entries(value)) {
    if (!isRecord(block)) {
      problems.push(`Condition operator ${operator} must map condition keys to values.`);
      continue;
    }
    for (const [key, values] of Object.entries(block)) {
      clauses.push({ operator, key, values: conditionValues(values, `${operator}.${key}`, problems) });
    }
  }
  return clauses;
}

/** Exactly one of `name` / `Not<name>` may appear; returns which one, or undefined when neither. */
function pair(raw: Record<string, unknown>, name: string, problems: string[]): { negated: boolean; value: unknown } | undefined {
  const plain = raw[name];
  const negated = raw[`Not${name}`];
  if (plain !== undefined && negated !== undefined) problems.push(`A statement cannot have both ${name} and Not${name}.`);
  if (plain !== undefined) return { negated: false, value: plain };
  if (negated !== undefined) return { negated: true, value: negated };
  return undefined;
}

export function normaliseStatement(raw: unknown, index: number): NormalisedStatement {
  const problems: string[] = [];
  if (!isRecord(raw)) {
    return { index, effect: 'Deny', conditions: [], problems: ['A statement must be an object.'] };
  }
  const effect = raw.Effect === 'Allow' || raw.Effect === 'Deny' ? raw.Effect : undefined;
  if (!effect) problems.push(`Effect must be "Allow" or "Deny" (found ${JSON.stringify(raw.Effect)}).`);
  const statement: NormalisedStatement = {
    index,
    // A statement whose effect cannot be read is treated as a Deny so it can never grant access.
    effect: effect ?? 'Deny',
    conditions: readConditions(raw.Condition, problems),
    problems,
  };
  if (typeof raw.Sid === 'string') statement.sid = raw.Sid;
  const principal = pair(raw, 'Principal', problems);
  if (principal) statement.principal = { negated: principal.negated, set: readPrincipal(principal.value, principal.negated ? 'NotPrincipal' : 'Principal', problems) };
  const action = pair(raw, 'Action', problems);
  if (action) statement.action = { negated: action.negated, patterns: stringList(action.value, action.negated ? 'NotAction' : 'Action', problems) };
  const resource = pair(raw, 'Resource', problems);
  if (resource) statement.resource = { negated: resource.negated, patterns: stringList(resource.value, resource.negated ? 'NotResource' : 'Resource', problems) };
  return statement;
}

export function parsePolicyDocument(input: PolicyInput): ParseResult {
  let doc: unknown = input;
  if (typeof input === 'string') {
    try {
      doc = JSON.parse(input);
    } catch (e) {
      return { ok: false, error: `The policy is not valid JSON: ${(e as Error).message}` };
    }
  }
  if (!isRecord(doc)) return { ok: false, error: 'The policy must be a JSON object.' };
  if (doc.Statement === undefined) return { ok: false, error: 'The policy has no Statement.' };
  const rawStatements = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
  const policy: NormalisedPolicy = { statements: rawStatements.map((s, i) => normaliseStatement(s, i)) };
  if (typeof doc.Version === 'string') policy.version = doc.Version;
  if (typeof doc.Id === 'string') policy.id = doc.Id;
  return { ok: true, policy };
}
