import { worksAcrossAccounts } from './cross-account.ts';
import { evaluateGrant } from './grants.ts';
import { accessDeniedMessage, type DenialKind } from './messages.ts';
import { parsePolicyDocument } from './parse.ts';
import { identify, type PrincipalIdentity } from './principals.ts';
import { resolveContext } from './request-context.ts';
import { evaluateStatement } from './statement.ts';
import type {
  AccessTrace, DecisionPath, DecisiveRef, EvaluationStep, KmsAccessRequest, KmsAccessResult, NamedPolicy,
  NotEvaluatedEntry, ParseResult, PolicyInput, PolicyKind, PolicyTrace, StatementRef, StatementTrace,
} from './types.ts';
import type { ConditionEnvironment } from './conditions.ts';

/**
 * THE access decision for a KMS request, in AWS's order (reference §11.2):
 * 1. an explicit Deny in the key policy or an identity policy wins — including a Deny the engine
 *    could not fully evaluate, which is never taken as "does not apply";
 * 2. the key policy allows the caller directly (same account); or
 * 3. the key policy allows the caller's account (delegating to IAM) AND an identity policy allows;
 *    across accounts, the key policy must allow the caller's account or the caller AND the caller's
 *    own identity policy must allow;
 * 4. a grant gives the caller the operation, its encryption-context constraint met;
 * 5. otherwise an implicit deny.
 * An action KMS never performs on another account's key (cross-account.ts) is denied after step 1.
 * Without a key (CreateKey, ListKeys …) the identity policies alone decide, on resource `*`: an
 * explicit Deny wins, then an identity policy (or being the account's root user) must allow.
 * Pure and synchronous: the same inputs always give the same result and trace.
 */
export function evaluateKmsAccess(request: KmsAccessRequest): KmsAccessResult {
  const caller = identify(request.caller.arn);
  const context = resolveContext(request, caller);
  const key = request.key;
  const resource = key?.arn ?? '*';
  const crossAccount = key !== undefined && request.caller.accountId !== key.accountId;

  const evaluatePolicy = (kind: PolicyKind, name: string, document: PolicyInput): PolicyTrace => {
    const parsed = parseOnce(document);
    if (!parsed.ok) return { kind, name, parseError: parsed.error, statements: [] };
    const env: ConditionEnvironment = { lookup: context.lookup, ...(parsed.policy.version ? { version: parsed.policy.version } : {}) };
    return { kind, name, statements: parsed.policy.statements.map((s) => evaluateStatement(s, { kind, caller, action: request.action, resource, env })) };
  };
  const keyPolicy = key ? evaluatePolicy('key-policy', 'key policy', key.policy) : undefined;
  const identityPolicies = (request.identityPolicies ?? []).map((p, i) => {
    const named = isNamedPolicy(p) ? p : { name: `identity policy ${i + 1}`, document: p };
    return evaluatePolicy('identity-policy', named.name, named.document);
  });
  const grants = (key ? (request.grants ?? []) : []).map((g) => evaluateGrant(g, caller, request.action, context.encryptionContext));

  const refsWhere = (policy: PolicyTrace, test: (s: StatementTrace) => boolean): StatementRef[] =>
    policy.statements.filter(test).map((s) => ({ source: policy.kind, policyName: policy.name, index: s.index, effect: s.effect, ...(s.sid !== undefined ? { sid: s.sid } : {}) }));
  const applies = (s: StatementTrace) => s.effect === 'Deny' && s.result !== 'no-match';
  const allows = (scope: 'direct' | 'account') => (s: StatementTrace) => s.effect === 'Allow' && s.result === 'match' && s.principalScope === scope;

  const inKeyPolicy = (test: (s: StatementTrace) => boolean) => (keyPolicy ? refsWhere(keyPolicy, test) : []);
  const keyDenies = inKeyPolicy(applies);
  const identityDenies = identityPolicies.flatMap((p) => refsWhere(p, applies));
  const keyDirect = inKeyPolicy(allows('direct'));
  const keyAccount = inKeyPolicy(allows('account'));
  const identityAllows = identityPolicies.flatMap((p) => refsWhere(p, allows('direct')));
  // The root user is not subject to its own account's IAM policies: it holds every permission there.
  const identityAllowsOrRoot = identityAllows.length > 0 || caller.kind === 'root';
  const grantRefs: DecisiveRef[] = grants.filter((g) => g.result === 'match').map((g) => ({ source: 'grant', granteePrincipal: g.granteePrincipal, ...(g.grantId ? { grantId: g.grantId } : {}) }));

  const findings: Findings = {
    hasKey: key !== undefined, crossAccount, crossAccountCapable: worksAcrossAccounts(request.action),
    keyDenies, identityDenies, keyDirect, keyAccount, identityAllows, identityAllowsOrRoot, grantRefs,
  };
  const outcome = decide(findings);
  const policies = keyPolicy ? [keyPolicy, ...identityPolicies] : identityPolicies;
  const trace: AccessTrace = {
    request: {
      principal: request.caller.arn, action: request.action, resource, callerAccount: request.caller.accountId,
      keyAccount: key?.accountId ?? request.caller.accountId, crossAccount, hasKey: key !== undefined, context: context.entries,
    },
    path: outcome.path,
    steps: steps(outcome.path, { crossAccount, keyDirect: keyDirect.length > 0, keyAccount: keyAccount.length > 0, identity: identityAllows.length > 0, root: caller.kind === 'root', grant: grantRefs.length > 0 }),
    policies,
    grants,
    decisive: outcome.decisive,
    notEvaluated: policies.flatMap(notEvaluatedIn),
  };
  const result: KmsAccessResult = { decision: outcome.decision, trace };
  if (outcome.denial) result.message = accessDeniedMessage(request.caller.arn, request.action, resource, outcome.denial);
  return result;
}

// Key policies are stored as text and read on every call, but change rarely: read each text once.
// (Only here: parsePolicyDocument itself returns fresh objects to editors.)
const parsedTexts = new Map<string, ParseResult>();
const PARSED_TEXTS_LIMIT = 256;

function parseOnce(document: PolicyInput): ParseResult {
  if (typeof document !== 'string') return parsePolicyDocument(document);
  let parsed = parsedTexts.get(document);
  if (!parsed) {
    if (parsedTexts.size >= PARSED_TEXTS_LIMIT) parsedTexts.clear();
    parsed = parsePolicyDocument(document);
    parsedTexts.set(document, parsed);
  }
  return parsed;
}

function isNamedPolicy(p: PolicyInput | NamedPolicy): p is NamedPolicy {
  return typeof p === 'object' && p !== null && 'name' in p && 'document' in p && !('Statement' in p);
}

interface Findings {
  hasKey: boolean;
  crossAccount: boolean;
  crossAccountCapable: boolean;
  keyDenies: StatementRef[];
  identityDenies: StatementRef[];
  keyDirect: StatementRef[];
  keyAccount: StatementRef[];
  identityAllows: StatementRef[];
  identityAllowsOrRoot: boolean;
  grantRefs: DecisiveRef[];
}

interface Outcome {
  decision: KmsAccessResult['decision'];
  path: DecisionPath;
  decisive: DecisiveRef[];
  denial?: DenialKind;
}

function decide(f: Findings): Outcome {
  if (f.keyDenies.length || f.identityDenies.length) {
    // A Deny in the key policy is named first: it is the resource's own answer.
    const inKey = f.keyDenies.length > 0;
    return { decision: 'ExplicitDeny', path: inKey ? 'explicit-deny-key-policy' : 'explicit-deny-identity-policy', decisive: [...f.keyDenies, ...f.identityDenies], denial: inKey ? 'resource-deny' : 'identity-deny' };
  }
  if (!f.hasKey) {
    return f.identityAllowsOrRoot
      ? { decision: 'Allow', path: 'keyless-iam-allows', decisive: f.identityAllows }
      : { decision: 'ImplicitDeny', path: 'keyless-iam-lacks', decisive: [], denial: 'no-identity-allow' };
  }
  if (f.crossAccount && !f.crossAccountCapable) {
    return { decision: 'ImplicitDeny', path: 'cross-account-operation-not-supported', decisive: [], denial: 'no-resource-allow' };
  }
  if (!f.crossAccount && f.keyDirect.length) return { decision: 'Allow', path: 'key-policy-allows-principal', decisive: f.keyDirect };
  const keyAllowsAccount = f.crossAccount ? [...f.keyDirect, ...f.keyAccount] : f.keyAccount;
  if (keyAllowsAccount.length && f.identityAllowsOrRoot) return { decision: 'Allow', path: 'key-policy-and-iam-allow', decisive: [...keyAllowsAccount, ...f.identityAllows] };
  if (f.grantRefs.length) return { decision: 'Allow', path: 'grant-allows', decisive: f.grantRefs };
  if (keyAllowsAccount.length) {
    return { decision: 'ImplicitDeny', path: f.crossAccount ? 'cross-account-iam-lacks' : 'key-policy-delegates-but-iam-lacks', decisive: keyAllowsAccount, denial: 'no-identity-allow' };
  }
  return { decision: 'ImplicitDeny', path: f.crossAccount ? 'cross-account-key-policy-lacks' : 'key-policy-does-not-delegate', decisive: [], denial: 'no-resource-allow' };
}

interface StepFacts { crossAccount: boolean; keyDirect: boolean; keyAccount: boolean; identity: boolean; root: boolean; grant: boolean }

/** The evaluation order as steps, each marked with what it found (`skipped` once decided). */
function steps(path: DecisionPath, f: StepFacts): EvaluationStep[] {
  const denied = path === 'explicit-deny-key-policy' || path === 'explicit-deny-identity-policy';
  const out: EvaluationStep[] = [{ step: 'explicit-deny', outcome: denied ? 'yes' : 'no', detail: denied ? 'An applicable Deny statement was found.' : 'No applicable Deny statement.' }];
  const skip = (step: EvaluationStep['step'], detail = 'Not needed: the decision was already made.') => out.push({ step, outcome: 'skipped', detail });
  if (denied) {
    (['key-policy-allows-principal', 'key-policy-delegates-to-iam', 'identity-policy-allows', 'grant-allows'] as const).forEach((s) => skip(s));
    return out;
  }
  if (path === 'keyless-iam-allows' || path === 'keyless-iam-lacks') {
    const noKey = 'Not involved: the operation acts on the account, not on a key, so no key policy or grant applies.';
    skip('key-policy-allows-principal', noKey);
    skip('key-policy-delegates-to-iam', noKey);
    const allowed = path === 'keyless-iam-allows';
    out.push({ step: 'identity-policy-allows', outcome: allowed ? 'yes' : 'no', detail: f.identity ? 'An identity-based policy allows the action.' : allowed ? 'The root user needs no identity-based policy.' : 'No identity-based policy allows the action.' });
    skip('grant-allows', noKey);
    return out;
  }
  if (path === 'cross-account-operation-not-supported') {
    const foreign = 'Not considered: KMS performs this operation only on keys of the caller\'s own account, whatever the policies say.';
    (['key-policy-allows-principal', 'key-policy-delegates-to-iam', 'identity-policy-allows', 'grant-allows'] as const).forEach((s) => skip(s, foreign));
    return out;
  }
  out.push({ step: 'key-policy-allows-principal', outcome: f.keyDirect ? 'yes' : 'no', detail: f.keyDirect ? 'A key policy statement allows the caller by name.' : 'No key policy statement allows the caller by name.' });
  if (path === 'key-policy-allows-principal') {
    skip('key-policy-delegates-to-iam');
    skip('identity-policy-allows');
    skip('grant-allows');
    return out;
  }
  const accountAllowed = f.keyAccount || (f.crossAccount && f.keyDirect);
  out.push({ step: 'key-policy-delegates-to-iam', outcome: accountAllowed ? 'yes' : 'no', detail: accountAllowed ? "The key policy allows the caller's account, so its IAM policies count." : "The key policy does not allow the caller's account, so IAM policies cannot grant access." });
  if (accountAllowed) {
    out.push({ step: 'identity-policy-allows', outcome: f.identity || f.root ? 'yes' : 'no', detail: f.identity ? 'An identity-based policy allows the action on the key.' : f.root ? 'The root user needs no identity-based policy.' : 'No identity-based policy allows the action on the key.' });
  } else skip('identity-policy-allows', 'Not considered: without the key policy allowing the account, an IAM allow does not count.');
  if (path === 'key-policy-and-iam-allow') skip('grant-allows');
  else out.push({ step: 'grant-allows', outcome: f.grant ? 'yes' : 'no', detail: f.grant ? 'A grant gives the caller this operation.' : 'No grant gives the caller this operation.' });
  return out;
}

function notEvaluatedIn(policy: PolicyTrace): NotEvaluatedEntry[] {
  return policy.statements.flatMap((s) => {
    const where: StatementRef = { source: policy.kind, policyName: policy.name, index: s.index, effect: s.effect, ...(s.sid !== undefined ? { sid: s.sid } : {}) };
    return s.elements.flatMap((e): NotEvaluatedEntry[] => {
      const clauses = (e.conditions ?? []).filter((c) => c.result === 'not-evaluated');
      if (clauses.length) return clauses.map((c) => ({ where, element: 'Condition', reason: c.reason, detail: c.detail }));
      return e.result === 'not-evaluated' ? [{ where, element: e.element, reason: e.reason, detail: e.detail }] : [];
    });
  });
}
