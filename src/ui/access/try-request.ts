/**
 * "Try this request" in the policy editor: the request a person composes (action, optionally a
 * principal and an encryption context) and the request context it becomes for the engine.
 */
import {
  evaluateKmsAccess, operations, type ContextValue, type KmsAccessRequest, type KmsGrantInput, type NamedPolicy, type RecordedDecision, type RequestContext,
} from '../../kms/index.ts';

export interface TryRequestInput {
  /** e.g. `kms:Decrypt`. */
  action: string;
  /** ARN of the principal making the request; absent = whoever the page acts as. */
  principal?: string;
  encryptionContext?: Record<string, string>;
}

/** Every IAM action a KMS operation checks, once each, in alphabetical order. */
export const KMS_ACTIONS: readonly string[] = [...new Set(Object.values(operations).map((op) => op.action))].sort();

/**
 * `Dept=IT, Project=alpha` → `{ Dept: 'IT', Project: 'alpha' }`, as the CLI's shorthand writes an
 * encryption context. Returns an error sentence for a pair without `=` or an empty key.
 */
export function parseEncryptionContext(text: string): { ok: true; value: Record<string, string> } | { ok: false; error: string } {
  const value: Record<string, string> = {};
  for (const pair of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = pair.indexOf('=');
    if (eq <= 0) return { ok: false, error: `"${pair}" is not a key=value pair.` };
    value[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  return { ok: true, value };
}

/** What a draft is tried against: the key, and the world's view of each principal. */
export interface DraftSetting {
  key: { arn: string; accountId: string };
  /** The caller as the engine sees it (account, tags) for a principal ARN. */
  caller: (arn: string) => KmsAccessRequest['caller'];
  identityPolicies?: (arn: string) => NamedPolicy[];
  grants?: readonly KmsGrantInput[];
  /** Further request context (e.g. aws:SourceIp) the page's calls would carry. */
  context?: RequestContext;
}

/**
 * The decision a draft key policy would give: the same engine every call goes through, with the
 * draft in place of the stored policy. For a page's `tryRequest`.
 */
export function decideDraft(policyText: string, input: TryRequestInput, setting: DraftSetting, actingAs: string): RecordedDecision {
  const arn = input.principal || actingAs;
  const context: Record<string, ContextValue | undefined> = { ...setting.context };
  for (const [k, v] of Object.entries(input.encryptionContext ?? {})) context[`kms:EncryptionContext:${k}`] = v;
  const request: KmsAccessRequest = {
    caller: setting.caller(arn),
    action: input.action,
    key: { ...setting.key, policy: policyText },
    identityPolicies: setting.identityPolicies?.(arn) ?? [],
    grants: setting.grants ?? [],
    context,
  };
  return { request, result: evaluateKmsAccess(request) };
}
