import { validatePolicy } from '../../kms/access/policy/validate.ts';
import type { NamedPolicy } from '../../kms/access/policy/types.ts';

/**
 * Identity policies as the world keeps them: checked as IAM would before attaching them (a
 * document that does not parse, or breaks the grammar, is refused), then deep-frozen. Frozen,
 * because every KMS call records the very policy objects it was decided with (kms.audit.decisionOf):
 * a later change must replace them, never alter what a past decision saw.
 */
/**
 * IAM's default quotas (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html):
 * 10 managed policies attached to a user or role, 6,144 characters per managed policy not counting
 * white space. The world treats every identity policy as a managed policy; messages are IAM's.
 */
const POLICIES_PER_PRINCIPAL = 10;
const POLICY_SIZE = 6_144;

const policyCharacters = (document: NamedPolicy['document']) =>
  (typeof document === 'string' ? document : JSON.stringify(document)).replace(/\s/g, '').length;

export function checkedPolicies(owner: string, holder: 'user' | 'role', policies: readonly NamedPolicy[]): readonly NamedPolicy[] {
  if (policies.length > POLICIES_PER_PRINCIPAL) {
    throw new Error(`Cannot exceed quota for ${holder === 'role' ? 'PoliciesPerRole' : 'PoliciesPerUser'}: ${POLICIES_PER_PRINCIPAL}`);
  }
  const names = new Set<string>();
  const out = policies.map((policy) => {
    if (!policy || typeof policy.name !== 'string' || policy.name === '') throw new Error(`A policy of ${owner} has no name.`);
    if (names.has(policy.name)) throw new Error(`${owner} has two policies named "${policy.name}".`);
    names.add(policy.name);
    if (policyCharacters(policy.document) > POLICY_SIZE) throw new Error(`Policy "${policy.name}" of ${owner}: Cannot exceed quota for PolicySize: ${POLICY_SIZE}`);
    const errors = validatePolicy(policy.document, 'identity-policy').filter((p) => p.severity === 'error');
    if (errors.length) {
      const where = (statement?: number) => (statement === undefined ? '' : ` (statement ${statement + 1})`);
      throw new Error(`Policy "${policy.name}" of ${owner}: ${errors.map((e) => `${e.message}${where(e.statement)}`).join(' ')}`);
    }
    return deepFreeze(structuredClone({ name: policy.name, document: policy.document }));
  });
  return Object.freeze(out);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
