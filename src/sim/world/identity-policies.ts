import { validatePolicy } from '../../kms/access/policy/validate.ts';
import type { NamedPolicy } from '../../kms/access/policy/types.ts';

/**
 * Identity policies as the world keeps them: checked as IAM would before attaching them (a
 * document that does not parse, or breaks the grammar, is refused), then deep-frozen. Frozen,
 * because every KMS call records the very policy objects it was decided with (kms.audit.decisionOf):
 * a later change must replace them, never alter what a past decision saw.
 */
export function checkedPolicies(owner: string, policies: readonly NamedPolicy[]): readonly NamedPolicy[] {
  const names = new Set<string>();
  const out = policies.map((policy) => {
    if (!policy || typeof policy.name !== 'string' || policy.name === '') throw new Error(`A policy of ${owner} has no name.`);
    if (names.has(policy.name)) throw new Error(`${owner} has two policies named "${policy.name}".`);
    names.add(policy.name);
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
