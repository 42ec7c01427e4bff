import { principalArnOf, type PrincipalIdentity } from './principals.ts';
import type { ContextValue, KmsAccessRequest } from './types.ts';

/**
 * The request context conditions see: the keys the request gave, plus those AWS derives from the
 * caller (aws:PrincipalArn, aws:PrincipalAccount, kms:CallerAccount, aws:username,
 * aws:PrincipalTag/…, aws:PrincipalType) and kms:EncryptionContextKeys from the context's
 * kms:EncryptionContext:<key> entries. Given keys win over derived ones. Lookup ignores case, as
 * IAM does for condition key names.
 */
export interface ResolvedContext {
  entries: Record<string, ContextValue>;
  lookup: (key: string) => ContextValue | undefined;
  encryptionContext: Record<string, string>;
}

const EC_PREFIX = 'kms:encryptioncontext:';

function principalType(who: PrincipalIdentity): string | undefined {
  switch (who.kind) {
    case 'root': return 'Account';
    case 'user': return 'User';
    case 'assumed-role': return 'AssumedRole';
    case 'service': return 'Service';
    default: return undefined;
  }
}

export function resolveContext(request: KmsAccessRequest, who: PrincipalIdentity): ResolvedContext {
  const derived: Record<string, ContextValue> = {
    'aws:PrincipalArn': principalArnOf(who),
    'aws:PrincipalAccount': request.caller.accountId,
    'kms:CallerAccount': request.caller.accountId,
  };
  const type = principalType(who);
  if (type) derived['aws:PrincipalType'] = type;
  if (who.kind === 'user') derived['aws:username'] = who.name;
  for (const [tag, value] of Object.entries(request.caller.tags ?? {})) derived[`aws:PrincipalTag/${tag}`] = value;

  const given = Object.fromEntries(Object.entries(request.context ?? {}).filter((e): e is [string, ContextValue] => e[1] !== undefined));
  const encryptionContext: Record<string, string> = {};
  for (const [key, value] of Object.entries(given)) {
    if (key.toLowerCase().startsWith(EC_PREFIX) && typeof value === 'string') encryptionContext[key.slice(EC_PREFIX.length)] = value;
  }
  if (Object.keys(encryptionContext).length) derived['kms:EncryptionContextKeys'] = Object.keys(encryptionContext);

  const entries = { ...derived, ...given };
  // Built on the first condition that asks: most statements have no Condition, and every call resolves a context.
  let byLowerName: Map<string, ContextValue> | undefined;
  const lookup = (key: string) => {
    if (!byLowerName) {
      byLowerName = new Map();
      for (const [name, value] of Object.entries(derived)) byLowerName.set(name.toLowerCase(), value);
      for (const [name, value] of Object.entries(given)) byLowerName.set(name.toLowerCase(), value);
    }
    return byLowerName.get(key.toLowerCase());
  };
  return { entries, lookup, encryptionContext };
}

