/**
 * Just enough reading of a key policy document for the default authorization seam: statements,
 * principals, actions with wildcards, and the two condition keys AWS's own policies use
 * (kms:CallerAccount, kms:ViaService) under StringEquals. Everything else in a Condition block is
 * reported as "could not evaluate" — never guessed. The full policy engine (a later issue) replaces this.
 */
export interface Statement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Principal?: '*' | { AWS?: string | string[]; Service?: string | string[] };
  Action?: string | string[];
  Resource?: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

export interface PolicyDocument {
  Version?: string;
  Id?: string;
  Statement: Statement[];
}

// Policies are read on every call and change rarely: parse each text once.
const parsed = new Map<string, PolicyDocument | undefined>();
const PARSE_CACHE_LIMIT = 256;

export function parsePolicy(text: string): PolicyDocument | undefined {
  if (parsed.has(text)) return parsed.get(text);
  if (parsed.size >= PARSE_CACHE_LIMIT) parsed.clear();
  const doc = parseUncached(text);
  parsed.set(text, doc);
  return doc;
}

function parseUncached(text: string): PolicyDocument | undefined {
  try {
    const doc = JSON.parse(text) as { Statement?: unknown };
    if (!doc || typeof doc !== 'object') return undefined;
    const statements = Array.isArray(doc.Statement) ? doc.Statement : doc.Statement ? [doc.Statement] : undefined;
    if (!statements) return undefined;
    return { ...(doc as object), Statement: statements as Statement[] };
  } catch {
    return undefined;
  }
}

const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

const patterns = new Map<string, RegExp>();

/** IAM wildcards: `*` any run of characters, `?` one character, case-insensitive (action names). */
function wildcard(pattern: string, value: string): boolean {
  let re = patterns.get(pattern);
  if (!re) {
    re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
    if (patterns.size < PARSE_CACHE_LIMIT) patterns.set(pattern, re);
  }
  return re.test(value);
}

export function actionMatches(statement: Statement, action: string): boolean {
  return list(statement.Action).some((a) => wildcard(a, action));
}

/** Principals of a statement as ARNs ('*' kept; a bare account id means that account's root). */
export function principalsOf(statement: Statement): string[] {
  if (statement.Principal === '*') return ['*'];
  return list(statement.Principal?.AWS).map((p) => (/^\d{12}$/.test(p) ? `arn:aws:iam::${p}:root` : p));
}

export interface ConditionFacts {
  callerAccount: string;
  viaService?: string;
}

/** 'match' | 'no-match' | 'unknown' (a condition this seam cannot evaluate). */
export function conditionsHold(statement: Statement, facts: ConditionFacts): 'match' | 'no-match' | 'unknown' {
  if (!statement.Condition) return 'match';
  for (const [operator, clauses] of Object.entries(statement.Condition)) {
    if (operator !== 'StringEquals') return 'unknown';
    for (const [conditionKey, expected] of Object.entries(clauses)) {
      const name = conditionKey.toLowerCase();
      const actual = name === 'kms:calleraccount' ? facts.callerAccount : name === 'kms:viaservice' ? facts.viaService : null;
      if (actual === null) return 'unknown';
      if (actual === undefined || !list(expected).includes(actual)) return 'no-match';
    }
  }
  return 'match';
}
