/**
 * The vocabulary of the access decision engine: normalised policy documents, the request being
 * decided, and the trace that explains every decision. Views (the decision view, the policy
 * editor) read these shapes, so every reason is a machine-readable code plus a sentence.
 */

/** One match result for any element: `not-evaluated` means the engine could not decide it. */
export type MatchResult = 'match' | 'no-match' | 'not-evaluated';

export type Effect = 'Allow' | 'Deny';

/** Principal values by type, as the document lists them (`*` kept as a value). */
export interface PrincipalSet {
  wildcard: boolean;
  AWS: string[];
  Service: string[];
  Federated: string[];
  CanonicalUser: string[];
}

export interface ConditionClause {
  /** As written, e.g. `ForAnyValue:StringLikeIfExists`. */
  operator: string;
  /** As written, e.g. `kms:EncryptionContext:Dept` (matched case-insensitively). */
  key: string;
  /** Policy values as strings (JSON booleans and numbers are stringified as IAM does). */
  values: string[];
}

export interface NormalisedStatement {
  index: number;
  sid?: string;
  effect: Effect;
  principal?: { negated: boolean; set: PrincipalSet };
  action?: { negated: boolean; patterns: string[] };
  resource?: { negated: boolean; patterns: string[] };
  conditions: ConditionClause[];
  /** Grammar problems found while normalising this statement (it is then not evaluated). */
  problems: string[];
}

export interface NormalisedPolicy {
  version?: string;
  id?: string;
  statements: NormalisedStatement[];
}

export type ParseResult =
  | { ok: true; policy: NormalisedPolicy }
  | { ok: false; error: string };

/** Values a request context may hold for a condition key. */
export type ContextValue = string | number | boolean | readonly string[];
export type RequestContext = Readonly<Record<string, ContextValue | undefined>>;

export interface KmsGrantInput {
  GrantId?: string;
  Name?: string;
  GranteePrincipal: string;
  /** Operation names without the `kms:` prefix, e.g. `Decrypt`, `ReEncryptFrom`. */
  Operations: readonly string[];
  Constraints?: {
    EncryptionContextEquals?: Readonly<Record<string, string>>;
    EncryptionContextSubset?: Readonly<Record<string, string>>;
  };
}

/** A policy given either as JSON text or as an already-parsed object. */
export type PolicyInput = string | object;

export interface NamedPolicy {
  name: string;
  document: PolicyInput;
}

export interface KmsAccessRequest {
  caller: { arn: string; accountId: string; tags?: Readonly<Record<string, string>> };
  /** e.g. `kms:Decrypt`. */
  action: string;
  /**
   * The key the action is on. Absent for operations without a key (CreateKey, ListKeys,
   * GenerateRandom …): the caller's identity policies alone decide, on resource `*`.
   */
  key?: { arn: string; accountId: string; policy: PolicyInput };
  /** The caller's identity-based policies (attached to the user/role, or inline). */
  identityPolicies?: ReadonlyArray<PolicyInput | NamedPolicy>;
  grants?: readonly KmsGrantInput[];
  /** Request context keys, e.g. `kms:EncryptionContext:Dept`, `kms:ViaService`, `aws:SourceIp`. */
  context?: RequestContext;
}

export type Decision = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';

/** Machine-readable reasons, one per element result. */
export type ReasonCode =
  | 'action-matched'
  | 'action-not-listed'
  | 'not-action-excludes'
  | 'not-action-allows'
  | 'action-missing'
  | 'principal-any'
  | 'principal-matched'
  | 'principal-account-matched'
  | 'principal-role-session-matched'
  | 'principal-not-listed'
  | 'principal-missing'
  | 'principal-wildcard-pattern'
  | 'principal-type-not-simulated'
  | 'not-principal-excludes'
  | 'not-principal-allows'
  | 'identity-policy-principal-ignored'
  | 'resource-matched'
  | 'resource-not-listed'
  | 'not-resource-excludes'
  | 'not-resource-allows'
  | 'resource-missing'
  | 'resource-variable-missing'
  | 'conditions-none'
  | 'conditions-all-met'
  | 'condition-met'
  | 'condition-key-missing'
  | 'condition-key-missing-ifexists'
  | 'condition-key-missing-negated'
  | 'condition-value-differs'
  | 'condition-value-invalid'
  | 'condition-variable-missing'
  | 'unknown-operator'
  | 'unknown-condition-key'
  | 'statement-invalid';

export interface ConditionTrace {
  operator: string;
  key: string;
  policyValues: string[];
  /** What the request had for the key (undefined = absent from the request). */
  requestValues?: string[];
  result: MatchResult;
  reason: ReasonCode;
  detail: string;
}

export type ElementName = 'Principal' | 'NotPrincipal' | 'Action' | 'NotAction' | 'Resource' | 'NotResource' | 'Condition' | 'Statement';

export interface ElementTrace {
  element: ElementName;
  result: MatchResult;
  reason: ReasonCode;
  /** The policy value that decided (e.g. `kms:Gen*`), when one did. */
  matchedBy?: string;
  detail: string;
  conditions?: ConditionTrace[];
}

/**
 * How a key-policy statement's principal applies to the caller: `direct` names the caller (or `*`);
 * `account` names the caller's account, which for an Allow delegates to the account's IAM policies.
 */
export type PrincipalScope = 'direct' | 'account' | 'none';

export interface StatementTrace {
  index: number;
  sid?: string;
  effect: Effect;
  result: MatchResult;
  principalScope: PrincipalScope;
  elements: ElementTrace[];
}

export type PolicyKind = 'key-policy' | 'identity-policy';

export interface PolicyTrace {
  kind: PolicyKind;
  name: string;
  /** Set when the document could not be read at all; its statements are then absent. */
  parseError?: string;
  statements: StatementTrace[];
}

export interface GrantTrace {
  grantId?: string;
  granteePrincipal: string;
  operations: readonly string[];
  result: 'match' | 'no-match';
  reason: 'grant-matched' | 'grantee-differs' | 'operation-not-granted' | 'context-not-equal' | 'context-not-subset';
  detail: string;
}

export interface StatementRef {
  source: PolicyKind;
  policyName: string;
  index: number;
  sid?: string;
  effect: Effect;
}

export type DecisiveRef = StatementRef | { source: 'grant'; grantId?: string; granteePrincipal: string };

export interface NotEvaluatedEntry {
  where: StatementRef;
  element: ElementName;
  reason: ReasonCode;
  detail: string;
}

/** The named steps of AWS's evaluation order, in the order they are taken. */
export type StepName =
  | 'explicit-deny'
  | 'key-policy-allows-principal'
  | 'key-policy-delegates-to-iam'
  | 'identity-policy-allows'
  | 'grant-allows';

export interface EvaluationStep {
  step: StepName;
  outcome: 'yes' | 'no' | 'skipped';
  detail: string;
}

/** Why the request ended where it did: the path views draw and sentences are built from. */
export type DecisionPath =
  | 'explicit-deny-key-policy'
  | 'explicit-deny-identity-policy'
  | 'key-policy-allows-principal'
  | 'key-policy-and-iam-allow'
  | 'grant-allows'
  | 'key-policy-delegates-but-iam-lacks'
  | 'key-policy-does-not-delegate'
  | 'cross-account-key-policy-lacks'
  | 'cross-account-iam-lacks'
  /** The action is one KMS never performs on another account's key (reference §2), whatever the policies say. */
  | 'cross-account-operation-not-supported'
  /** No key: an identity policy (or being the account's root user) allows the action. */
  | 'keyless-iam-allows'
  /** No key: no identity policy allows the action. */
  | 'keyless-iam-lacks';

export interface AccessTrace {
  request: {
    principal: string;
    action: string;
    resource: string;
    callerAccount: string;
    /** The key's account; for a call without a key, the caller's account (where the call acts). */
    keyAccount: string;
    crossAccount: boolean;
    /** False for operations without a key, decided by identity policies alone (resource `*`). */
    hasKey: boolean;
    /** The context the conditions saw: the given entries plus those derived from the caller. */
    context: Record<string, ContextValue>;
  };
  path: DecisionPath;
  steps: EvaluationStep[];
  policies: PolicyTrace[];
  grants: GrantTrace[];
  decisive: DecisiveRef[];
  notEvaluated: NotEvaluatedEntry[];
}

export interface KmsAccessResult {
  decision: Decision;
  /** The AccessDeniedException message, when denied. */
  message?: string;
  trace: AccessTrace;
}
